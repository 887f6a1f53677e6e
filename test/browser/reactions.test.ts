import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { ChimeComments } from '../../src/components/chime-comments.js';
import type { CommentAdapter } from '../../src/core/adapter.js';
import { AdapterError } from '../../src/core/errors.js';
import { defineChimeElements } from '../../src/define.js';
import { commentById, delegate, loaded, memoryWith, settled } from './helpers.js';

defineChimeElements();

/** The memory adapter, with react() held until the test settles it. */
function heldReactions() {
  const memory = memoryWith([{ id: 'c1', author: { name: 'Ada' }, body: 'Hello' }]);
  const pending: Array<{ go: () => void; fail: () => void }> = [];
  const adapter: CommentAdapter = {
    ...delegate(memory),
    react: (...args: Parameters<NonNullable<CommentAdapter['react']>>) =>
      new Promise<Record<string, number>>((resolve, reject) => {
        pending.push({ go: () => resolve(memory.react(...args)), fail: () => reject(new AdapterError('server', 'Try later.')) });
      }),
  };
  return { adapter, pending };
}

async function mount(adapter: CommentAdapter, reactions = 'like,love'): Promise<ChimeComments> {
  const element = await fixture<ChimeComments>(html`<chime-comments thread="/t" reactions=${reactions} .adapter=${adapter}></chime-comments>`);
  await loaded(element);
  return element;
}

const buttons = (element: ChimeComments) => [...commentById(element, 'c1')!.querySelectorAll<HTMLButtonElement>('.reaction')];
const label = (button: HTMLButtonElement) => button.textContent!.replace(/\s+/g, ' ').trim();

describe('reactions', () => {
  it('offers the chosen set, toggles at once and settles on the stored counts', async () => {
    const { adapter, pending } = heldReactions();
    const element = await mount(adapter);
    expect(buttons(element).map((b) => b.dataset.arg)).to.deep.equal(['like', 'love']);
    const [like] = buttons(element);
    expect(like.getAttribute('aria-pressed')).to.equal('false');

    like.click();
    await settled(element);
    // Optimistic: shown before the storage answered.
    expect(pending).to.have.length(1);
    expect(label(like)).to.equal('👍 Like 1');
    expect(like.getAttribute('aria-label')).to.equal('Like, 1');
    expect(like.getAttribute('aria-pressed')).to.equal('true');
    pending[0].go();

    like.click();
    await settled(element);
    expect(label(like)).to.equal('👍 Like');
    expect(like.getAttribute('aria-pressed')).to.equal('false');
    pending[1].go();
  });

  it('puts the reaction back and reports the error when the storage refuses', async () => {
    const { adapter, pending } = heldReactions();
    const element = await mount(adapter);
    const failed = oneEvent(element, 'chime-error');
    buttons(element)[1].click();
    await settled(element);
    expect(label(buttons(element)[1])).to.equal('❤️ Love 1');
    pending[0].fail();
    const { detail } = await failed;
    expect(detail.action).to.equal('react');
    await settled(element);
    expect(label(buttons(element)[1])).to.equal('❤️ Love');
    expect(buttons(element)[1].getAttribute('aria-pressed')).to.equal('false');
  });

  it('shows a reader their own reactions after a reload', async () => {
    const adapter = memoryWith([{ id: 'c1', author: { name: 'Ada' }, body: 'Hello' }]);
    const first = await mount(adapter);
    buttons(first)[0].click();
    await waitUntil(async () => (await adapter.list('/t')).comments[0].reactions?.like === 1, 'the reaction was never stored');
    const second = await mount(adapter);
    await settled(second);
    expect(buttons(second)[0].getAttribute('aria-pressed')).to.equal('true');
  });

  it('counts one reaction of a kind per reader in the storage', async () => {
    const adapter = memoryWith([{ id: 'c1', author: { name: 'Ada' }, body: 'Hello' }]);
    await adapter.react('/t', 'c1', 'like', true, { readerId: 'r1' });
    await adapter.react('/t', 'c1', 'like', true, { readerId: 'r1' });
    expect(await adapter.react('/t', 'c1', 'like', true, { readerId: 'r2' })).to.deep.equal({ like: 2 });
  });

  it("starts from the counts in the memory adapter's seed: shown, sorted on, added to, never the reader's own", async () => {
    const adapter = memoryWith([
      { id: 'c1', author: { name: 'Ada' }, body: 'Hello', reactions: { like: 2 } },
      { id: 'c2', author: { name: 'Grace' }, body: 'Most liked', reactions: { like: 5, love: 1 } },
    ]);
    const element = await mount(adapter);
    expect(buttons(element).map(label)).to.deep.equal(['👍 Like 2', '❤️ Love']);
    expect(buttons(element)[0].getAttribute('aria-pressed')).to.equal('false');
    expect((await adapter.list('/t', { sort: 'top' })).comments.map((c) => c.id)).to.deep.equal(['c2', 'c1']);
    expect(await adapter.react('/t', 'c1', 'like', true, { readerId: 'r1' })).to.deep.equal({ like: 3 });
  });

  it('offers none for reactions="" or an adapter without react()', async () => {
    expect(buttons(await mount(memoryWith([{ id: 'c1', author: { name: 'Ada' }, body: 'Hello' }]), ''))).to.have.length(0);
    const memory = memoryWith([{ id: 'c1', author: { name: 'Ada' }, body: 'Hello' }]);
    expect(buttons(await mount(delegate(memory)))).to.have.length(0);
  });
});
