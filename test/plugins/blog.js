// A web-test-runner plugin: a blog post on the test runner's origin that embeds Chime from a
// comment server on another origin, exactly as the README tells a blog owner to:
//
//   /blog/post.html?server=http://127.0.0.1:PORT&thread=/posts/x
//
// Its scripts are the comment server's chime.js and, from the blog itself, csp-violations.js.
// It is served with the Content-Security-Policy the README gives for this case (the blog's own
// 'self' plus what Chime needs), Trusted Types enforced and everything else denied.

/** The policy of a blog that loads Chime from `server` (an origin). */
export function blogPolicy(server) {
  return [
    "default-src 'none'",
    `script-src 'self' ${server}`,
    `connect-src ${server}`,
    "style-src 'self'",
    "img-src 'self'",
    "require-trusted-types-for 'script'",
    'trusted-types lit-html',
  ].join('; ');
}

export function blogPlugin() {
  return {
    name: 'cross-origin-blog',
    serve(context) {
      if (context.path !== '/blog/post.html') return undefined;
      const server = new URL(String(context.query.server)).origin;
      const thread = String(context.query.thread);
      if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(server) || !/^[\w/-]+$/.test(thread)) return { body: 'bad query', type: 'txt' };
      return {
        type: 'html',
        headers: { 'Content-Security-Policy': blogPolicy(server) },
        body: `<!doctype html>
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
</html>`,
      };
    },
  };
}
