import { expect, fixture, html } from '@open-wc/testing';
import { LocalStorageAdapter } from '../../docs/examples/local-storage-adapter.js';
import { registerAdapter } from '../../src/adapters/registry.js';
import type { ChimeComments } from '../../src/components/chime-comments.js';
import { defineChimeElements } from '../../src/define.js';
import { fill, formOf, headingText, loaded, renderedComments, submit } from './helpers.js';

defineChimeElements();

describe('the custom adapter from docs/adapters.md', () => {
  beforeEach(() => localStorage.clear());

  it('stores a posted comment where a second widget finds it', async () => {
    registerAdapter('local', () => new LocalStorageAdapter('test:'));
    const first = await fixture<ChimeComments>(html`<chime-comments thread="/doc" adapter="local"></chime-comments>`);
    await loaded(first);
    expect(headingText(first)).to.equal('Comments (0)');
    await fill(formOf(first)!, { name: 'Ada', body: 'Kept in localStorage' });
    submit(formOf(first)!);
    await new Promise((resolve) => first.addEventListener('chime-posted', resolve, { once: true }));

    const second = await fixture<ChimeComments>(html`<chime-comments thread="/doc" .adapter=${new LocalStorageAdapter('test:')}></chime-comments>`);
    await loaded(second);
    expect(headingText(second)).to.equal('Comments (1)');
    expect(renderedComments(second)[0].querySelector('.body')!.textContent!.trim()).to.equal('Kept in localStorage');
  });

  it('returns the stored comment when the same id is posted twice', async () => {
    const adapter = new LocalStorageAdapter('test:');
    const input = { id: 'same', threadId: '/doc', author: { name: 'Ada' }, body: 'Once' };
    const first = await adapter.post(input);
    const again = await adapter.post(input);
    expect(again.comment.id).to.equal(first.comment.id);
    expect((await adapter.getThread('/doc')).count).to.equal(1);
  });
});
