// JS heap and DOM size of a post page showing a 1,000-comment thread (every fourth a reply),
// all of it loaded ("Load more" until the end), against the reference server on 127.0.0.1 with
// the built dist/chime.js. The heap is read after a full garbage collection (CDP
// HeapProfiler.collectGarbage, then Performance.getMetrics' JSHeapUsedSize); the same page with an
// empty thread gives what the page and the widget's code cost before any comment.
// Run with `npm run bench:memory`; it prints figures and asserts nothing.
import { comments, launchBrowser, loadAll, startBlog, startChimeServer, THREAD_ROOT } from './harness.js';

const TOTAL = 1000;
const RUNS = 3;
const MB = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

/** Counted in the page: the thread's nodes by kind, and the elements of one plain comment. */
const DOM_COUNTS = `(() => {
  const root = ${THREAD_ROOT};
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
  const kinds = { elements: 0, text: 0, comments: 0 };
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === 1) kinds.elements++;
    else if (node.nodeType === 3) kinds.text++;
    else if (node.nodeType === 8) kinds.comments++;
  }
  // A plain comment: top-level, no replies, no website, no badge, a body of plain text.
  const plain = [...root.querySelectorAll('ol.top > li.comment')].find((li) => !li.querySelector('ol, a.author[href], .badge, .body :is(em, strong, a, code, blockquote, ul, pre)'));
  return { ...kinds, shown: root.querySelectorAll('li.comment').length, plain: plain.querySelectorAll('*').length + 1 };
})()`;

async function heapOf(page) {
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable');
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return metrics.find((m) => m.name === 'JSHeapUsedSize').value;
}

const chime = await startChimeServer({ '/bench/1000': { comments: comments(TOTAL, { replies: true }) }, '/bench/empty': { comments: [] } });
const blog = await startBlog();
const browser = await launchBrowser();
try {
  const results = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    const visit = async (thread) => {
      await page.goto(`${blog.url}/post?${new URLSearchParams({ thread, endpoint: chime.url, 'page-size': '100' })}`);
      await page.waitForFunction(`document.querySelector('chime-comments')?.shadowRoot?.querySelector('h2')`, { timeout: 30_000 });
    };
    await visit('/bench/empty');
    // Let the lazy chunks (form, offline layer) arrive: the full page, as a reader has it.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const empty = await heapOf(page);
    await visit('/bench/1000');
    await loadAll(page, TOTAL);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const full = await heapOf(page);
    results.push({ empty, full, dom: await page.evaluate(DOM_COUNTS) });
    await context.close();
  }
  const best = results.sort((a, b) => a.full - b.full)[0];
  const { dom } = best;
  console.log(`${TOTAL} comments shown (${dom.shown} rendered), best of ${RUNS} runs:`);
  console.log(`  JS heap, page with the thread:   ${MB(best.full)}`);
  console.log(`  JS heap, same page, empty thread: ${MB(best.empty)}`);
  console.log(`  JS heap per comment:             ${((best.full - best.empty) / TOTAL / 1024).toFixed(2)} KB`);
  console.log(
    `  DOM per comment: ${(dom.elements / dom.shown).toFixed(1)} elements, ${(dom.text / dom.shown).toFixed(1)} text nodes, ${(dom.comments / dom.shown).toFixed(1)} comment nodes`,
  );
  console.log(`  elements of one plain comment:   ${dom.plain}`);
} finally {
  await browser.close();
  blog.stop();
  chime.stop();
}
