// A reader's second visit to a 100- and a 1,000-comment thread (every fourth comment a reply),
// against the reference server on 127.0.0.1, with the built dist/chime.js served from the blog's
// own origin (chime.js revalidated by ETag, chunks cached for good).
//
// Each run is a fresh browser profile: a cold visit (nothing cached), "Load more" until the whole
// thread is on screen, then, once another reader has posted a comment, a second visit with the
// scripts in the HTTP cache and the thread saved in IndexedDB. At the first painted comment the
// heading tells where it came from: the saved count (the device) or the new one (the network).
// t_first: from navigation start to the frame after the first comment is in the DOM.
// Run with `npm run bench:visit`; it prints figures and asserts nothing about time.
import { ADMIN_TOKEN, comments, launchBrowser, loadAll, median, startBlog, startChimeServer, THREAD_ROOT } from './harness.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const SIZES = [100, 1000];
/** How long after the first paint the shown comments are watched for shrinking. */
const WATCH_MS = 2000;

// In every page, from its start: note the first painted comment and the heading then, and
// whether the number of comments shown ever went down (a long thread is drawn a batch per frame,
// so it grows for a while after the first paint).
const PROBE = `(() => {
  const count = () => ${THREAD_ROOT}?.querySelectorAll('li.comment').length ?? 0;
  (function poll() {
    if (!count()) return void setTimeout(poll, 1);
    const heading = document.querySelector('chime-comments').shadowRoot.querySelector('h2')?.textContent.trim();
    requestAnimationFrame(() => {
      window.__first = { t: performance.now(), heading, most: count(), shrank: false };
      const until = performance.now() + ${WATCH_MS};
      (function watch() {
        const shown = count();
        window.__first.shrank ||= shown < window.__first.most;
        window.__first.most = Math.max(window.__first.most, shown);
        if (performance.now() < until) requestAnimationFrame(watch);
        else window.__first.done = true;
      })();
    });
  })();
})()`;

const chime = await startChimeServer(
  Object.fromEntries(SIZES.map((n) => [`/visit/${n}`, { comments: comments(n, { replies: true, prefix: `v${n}-` }) }])),
);
const blog = await startBlog();
const browser = await launchBrowser();

async function otherReaderPosts(thread) {
  const response = await fetch(`${chime.url}/api/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
    body: JSON.stringify({ id: crypto.randomUUID(), threadId: thread, author: { name: 'Grace' }, body: 'Posted between the visits.' }),
  });
  const { comment } = await response.json();
  return () => fetch(`${chime.url}/api/admin/comments/${comment.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
}

/** The saved copy's comment count, read from the page's IndexedDB. */
const SAVED_COUNT = (thread) => `new Promise((resolve) => {
  const open = indexedDB.open('chime');
  open.onupgradeneeded = () => open.result.createObjectStore('keyval');
  open.onsuccess = () => {
    const get = open.result.transaction('keyval').objectStore('keyval').get('thread:oldest:${thread}');
    get.onsuccess = () => { open.result.close(); resolve(get.result?.comments?.length ?? 0); };
  };
})`;

try {
  for (const n of SIZES) {
    const thread = `/visit/${n}`;
    const url = `${blog.url}/post?${new URLSearchParams({ thread, endpoint: chime.url, 'page-size': '100' })}`;
    const cold = [];
    const second = [];
    let fromDevice = 0;
    let kept = 0;
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.evaluateOnNewDocument(PROBE);
      await page.goto(url);
      await page.waitForFunction('window.__first', { timeout: 30_000 });
      cold.push(await page.evaluate('window.__first.t'));
      await loadAll(page, n);
      await page.waitForFunction(`${SAVED_COUNT(thread)}.then((saved) => saved >= ${n})`, { timeout: 30_000, polling: 100 });
      // Gone from the page before the other reader posts: this reader's device has not seen it.
      await page.goto('about:blank');
      const undo = await otherReaderPosts(thread);
      await page.goto(url);
      await page.waitForFunction('window.__first?.done', { timeout: 30_000 });
      const first = await page.evaluate('window.__first');
      second.push(first.t);
      if (first.heading === `Comments (${n})`) fromDevice++;
      if (!first.shrank && first.most >= n) kept++;
      await undo();
      await context.close();
    }
    const ms = (values) => `${median(values).toFixed(0)} ms (min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)})`;
    console.log(`${String(n).padStart(5)} comments, ${RUNS} runs:`);
    console.log(`  saved copy painted first:        ${fromDevice} of ${RUNS}`);
    console.log(`  shown thread never shrank:       ${kept} of ${RUNS} (watched ${WATCH_MS} ms after the first paint)`);
    console.log(`  t_first, cold visit:             ${ms(cold)}`);
    console.log(`  t_first, second visit:           ${ms(second)}  (${(median(second) / median(cold)).toFixed(2)}× cold)`);
  }
} finally {
  await browser.close();
  blog.stop();
  chime.stop();
}
