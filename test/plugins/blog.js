// A web-test-runner plugin: a blog post on the test runner's origin that embeds Chime from a
// comment server on another origin, exactly as the README tells a blog owner to:
//
//   /blog/post.html?server=http://127.0.0.1:PORT&thread=/posts/x
//
// Its scripts are the comment server's chime.js and, from the blog itself, csp-violations.js
// (bench/install.ts serves the same page from its own little server).
// It is served with exactly what the README says Chime needs in a Content-Security-Policy, with
// Trusted Types enforced, and everything else denied (no style-src or img-src at all).

/** The policy of a blog that loads Chime from `server` (an origin): 'self' is the blog's own script. */
export function blogPolicy(server) {
  return [
    "default-src 'none'",
    `script-src 'self' ${server}`,
    `connect-src ${server}`,
    "require-trusted-types-for 'script'",
    'trusted-types lit-html',
  ].join('; ');
}

/** The post's HTML: its scripts are the comment server's chime.js and the blog's own csp-violations.js. */
export function blogPage(server, thread) {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>A post on a blog that embeds Chime from its comment server</title>
    <script type="module" src="/test/fixtures/csp-violations.js"></script>
    <script type="module" src="${server}/chime.js"></script>
  </head>
  <body>
    <article><h1>A post</h1><p>Its text.</p></article>
    <chime-comments thread="${thread}" endpoint="${server}"></chime-comments>
  </body>
</html>`;
}

export function blogPlugin() {
  return {
    name: 'cross-origin-blog',
    serve(context) {
      if (context.path !== '/blog/post.html') return undefined;
      const server = new URL(String(context.query.server)).origin;
      const thread = String(context.query.thread);
      if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(server) || !/^[\w/-]+$/.test(thread)) return { body: 'bad query', type: 'txt' };
      return { type: 'html', headers: { 'Content-Security-Policy': blogPolicy(server) }, body: blogPage(server, thread) };
    },
  };
}
