import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/adapters/memory.js';
import { registerAdapter } from '../../src/adapters/registry.js';
import type { ChimeCount } from '../../src/components/chime-count.js';
import { defineChimeElements } from '../../src/define.js';
import { shadow } from './helpers.js';

await defineChimeElements();

const text = (count: Element) => shadow(count).textContent!.trim();

describe('<chime-count>', () => {
  it('shows "N comments" for every post on a page with one counts() call per adapter', async () => {
    const memory = new MemoryAdapter({
      seed: {
        threads: {
          '/a': {
            comments: [
              { author: { name: 'A' }, body: 'x' },
              { author: { name: 'B' }, body: 'y' },
            ],
          },
          '/b': { comments: [{ author: { name: 'A' }, body: 'x' }] },
        },
      },
    });
    const calls: string[][] = [];
    registerAdapter('counted', () =>
      Object.assign(memory, { counts: (ids: string[]) => (calls.push(ids), MemoryAdapter.prototype.counts.call(memory, ids)) }),
    );
    const list = await fixture(html`<ul>
      <li><chime-count thread="/a" adapter="counted"></chime-count></li>
      <li><chime-count thread="/b" adapter="counted"></chime-count></li>
      <li><chime-count thread="/c" adapter="counted"></chime-count></li>
      <li><chime-count thread="/a" adapter="counted"></chime-count></li>
    </ul>`);
    const counts = [...list.querySelectorAll<ChimeCount>('chime-count')];
    await waitUntil(() => counts.every((c) => text(c)), 'counts never showed');
    expect(counts.map(text)).to.deep.equal(['2 comments', '1 comment', '0 comments', '2 comments']);
    expect(calls).to.deep.equal([['/a', '/b', '/c']]);
  });

  it('updates when its thread changes, and shows nothing when the storage fails', async () => {
    const adapter = new MemoryAdapter({ seed: { threads: { '/a': { comments: [{ author: { name: 'A' }, body: 'x' }] } } } });
    const count = await fixture<ChimeCount>(html`<chime-count thread="/a" .adapter=${adapter}></chime-count>`);
    await waitUntil(() => text(count) === '1 comment', 'never counted');
    count.thread = '/none';
    await waitUntil(() => text(count) === '0 comments', 'never re-counted');
    adapter.counts = () => Promise.reject(new Error('down'));
    count.thread = '/a';
    await waitUntil(() => text(count) === '', 'kept a stale count');
  });
});
