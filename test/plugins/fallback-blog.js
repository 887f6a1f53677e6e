// A web-test-runner plugin: a blog post whose site generator put the thread's HTML inside
// <chime-comments> when it built the page, as docs/fallback.md tells a blog owner to:
//
//   /blog/fallback.html?server=http://127.0.0.1:PORT&thread=/posts/x[&endpoint=URL][&api=URL][&script=0][&fallback=0]
//
// The HTML comes from the real comment server (GET /api/threads/{id}.html) at each request, as a build
// would fetch it. The widget (chime.js) and the thread come from `endpoint` (the server itself,
// or a proxy in front of it), unless `api` names another endpoint for the element (chime.js and its
// chunks still from `endpoint`); `script=0` leaves chime.js out, `fallback=0` the HTML. The page has
// the demo blog's stylesheet and a footer below the comments, and records every layout shift
// (PerformanceObserver) and, each frame, where the comments and the footer are.

/** Runs first in the page: what moved, and when. */
const RECORDER = `
window.shifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.shifts.push({ value: entry.value, at: entry.startTime,
    sources: entry.sources.map((s) => ({ node: s.node ? s.node.nodeName + (s.node.className ? '.' + s.node.className : '') : null,
      from: s.previousRect.toJSON(), to: s.currentRect.toJSON() })) });
}).observe({ type: 'layout-shift', buffered: true });
window.frames_ = [];
const sample = () => {
  const element = document.querySelector('chime-comments');
  const footer = document.querySelector('footer');
  if (element && footer) {
    const box = element.getBoundingClientRect();
    const last = window.frames_.at(-1);
    const frame = { at: performance.now(), height: box.height, footer: footer.getBoundingClientRect().top };
    if (!last || last.height !== frame.height || last.footer !== frame.footer) window.frames_.push(frame);
  }
  requestAnimationFrame(sample);
};
requestAnimationFrame(sample);`;

export function fallbackBlogPlugin() {
  return {
    name: 'fallback-blog',
    async serve(context) {
      if (context.path !== '/blog/fallback.html') return undefined;
      const server = new URL(String(context.query.server)).origin;
      const endpoint = new URL(String(context.query.endpoint ?? server)).origin;
      const api = new URL(String(context.query.api ?? endpoint)).origin;
      const thread = String(context.query.thread);
      const ok = [server, endpoint, api].every((url) => /^http:\/\/127\.0\.0\.1:\d+$/.test(url)) && /^[\w/-]+$/.test(thread);
      if (!ok) return { body: 'bad query', type: 'txt' };
      // The element's attributes that the HTML repeats, given to both.
      const query = new URLSearchParams();
      let attributes = '';
      for (const name of ['locale', 'sort', 'max-depth', 'avatars']) {
        const value = context.query[name];
        if (!value || !/^[\w-]+$/.test(String(value))) continue;
        query.set(name, String(value));
        attributes += ` ${name}="${value}"`;
      }
      const res = context.query.fallback === '0' ? null : await fetch(`${server}/api/threads/${encodeURIComponent(thread)}.html?${query}`);
      if (res && !res.ok) return { status: 500, body: `the comment server answered ${res.status}`, type: 'txt' };
      const fallback = res ? await res.text() : '';
      const script = context.query.script === '0' ? '' : `<script type="module" src="${endpoint}/chime.js"></script>`;
      return {
        type: 'html',
        body: `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>A post whose comments were put in it when it was built</title>
    <link rel="stylesheet" href="/demo/blog.css" />
    <script>${RECORDER}</script>
    ${script}
  </head>
  <body>
    <header class="site"><a class="site-title" href="/">A blog</a></header>
    <main>
      <article><h1>A post</h1><p>Its text, long enough to be a paragraph of a real post about build caches and linkers.</p></article>
      <chime-comments thread="${thread}" endpoint="${api}"${attributes}>${fallback}</chime-comments>
    </main>
    <footer class="site"><p>Other posts: <a href="#">one</a> · <a href="#">two</a></p></footer>
  </body>
</html>`,
      };
    },
  };
}
