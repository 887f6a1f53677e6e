// A 10,000-comment thread in Chromium: first render, "Load more", DOM size and scrolling.
// Run with `npm run bench:thread`; it prints figures and asserts nothing about time.
import { fixture, html, waitUntil } from '@open-wc/testing';
import { MemoryAdapter } from '../src/adapters/memory.js';
import type { ChimeComments } from '../src/components/chime-comments.js';
import { defineChimeElements } from '../src/define.js';

defineChimeElements();

const TOTAL = 10_000;
const PAGES = 20;

/** 10,000 comments: every fourth answers the one before it, bodies of a few paragraphs. */
function bigThread(): MemoryAdapter {
  const comments = Array.from({ length: TOTAL }, (_, i) => ({
    id: `c${i}`,
    parentId: i % 4 === 3 ? `c${i - 1}` : null,
    author: { name: `Reader ${i % 97}` },
    body: `Comment ${i} with *some* emphasis and a [link](https://example.com/${i}).\n\n> a quote\n\nAnd a second paragraph.`,
    createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
  }));
  return new MemoryAdapter({ seed: { threads: { '/big': { comments } } } });
}

const shown = (element: ChimeComments) => element.shadowRoot!.querySelector('chime-thread')?.shadowRoot?.querySelectorAll('li').length ?? 0;

function domNodes(root: Document | ShadowRoot): number {
  let count = 0;
  for (const node of root.querySelectorAll('*')) {
    count++;
    if (node.shadowRoot) count += domNodes(node.shadowRoot);
  }
  return count;
}

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

async function scrollFrames(frames: number): Promise<number> {
  scrollTo(0, 0);
  const step = (document.documentElement.scrollHeight - innerHeight) / frames;
  const start = await nextFrame();
  let last = start;
  for (let i = 1; i <= frames; i++) {
    scrollTo(0, i * step);
    last = await nextFrame();
  }
  return (last - start) / frames;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

describe('10,000-comment thread', function () {
  this.timeout(120_000);

  it('renders, pages and scrolls', async () => {
    const adapter = bigThread();
    await adapter.getThread('/big'); // seed outside the measurement
    const t0 = performance.now();
    const element = await fixture<ChimeComments>(html`<chime-comments thread="/big" page-size="50" .adapter=${adapter}></chime-comments>`);
    await waitUntil(() => shown(element) > 0, 'never rendered', { timeout: 30_000, interval: 1 });
    await element.shadowRoot!.querySelector('chime-thread')!.updateComplete;
    await nextFrame();
    const first = performance.now() - t0;
    console.log(`first render, page-size 50: ${ms(first)}, ${shown(element)} comments, ${domNodes(document)} DOM elements`);

    const pageTimes: number[] = [];
    for (let page = 2; page <= PAGES; page++) {
      const before = shown(element);
      const t = performance.now();
      element.shadowRoot!.querySelector<HTMLButtonElement>('[part=load-more]')!.click();
      await waitUntil(() => shown(element) > before, 'load more failed', { timeout: 30_000, interval: 1 });
      await nextFrame();
      pageTimes.push(performance.now() - t);
    }
    const avg = pageTimes.reduce((a, b) => a + b, 0) / pageTimes.length;
    console.log(`"Load more": ${ms(avg)} per page on average, ${ms(pageTimes[0])} for page 2, ${ms(pageTimes.at(-1)!)} for page ${PAGES}`);
    console.log(
      `after ${PAGES} pages: ${shown(element)} comments, ${domNodes(document)} DOM elements (${(domNodes(document) / shown(element)).toFixed(1)} per comment)`,
    );
    const t1 = performance.now();
    await adapter.list('/big', { limit: 50, cursor: '950' });
    console.log(`memory adapter list() alone: ${ms(performance.now() - t1)}`);
    const thread = element.shadowRoot!.querySelector('chime-thread')!;
    const t2 = performance.now();
    thread.comments = [...thread.comments];
    await thread.updateComplete;
    console.log(`re-rendering the thread alone: ${ms(performance.now() - t2)}`);
    console.log(`scrolling through them: ${ms(await scrollFrames(120))} per frame on average (120 frames)`);
  });
});
