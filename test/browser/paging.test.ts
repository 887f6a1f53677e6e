import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { ChimeComments } from '../../src/components/chime-comments.js';
import { defineChimeElements } from '../../src/define.js';
import { loaded, memoryWith, renderedComments, shadow } from './helpers.js';

defineChimeElements();

const five = () => memoryWith([1, 2, 3, 4, 5].map((n) => ({ id: `c${n}`, author: { name: `Reader ${n}` }, body: `Comment ${n}`, pinned: n === 4 })));

async function mount(adapter = five(), sort = 'oldest'): Promise<ChimeComments> {
  const element = await fixture<ChimeComments>(html`<chime-comments thread="/t" page-size="2" sort=${sort} .adapter=${adapter}></chime-comments>`);
  await loaded(element);
  return element;
}

const ids = (element: ChimeComments) => renderedComments(element).map((li) => li.id.replace('comment-', ''));
const loadMore = (element: ChimeComments) => shadow(element).querySelector<HTMLButtonElement>('[part=load-more]');

describe('sorting and paging', () => {
  it('pages with "Load more" by page-size, pinned comments first, until the last page', async () => {
    const element = await mount();
    expect(ids(element)).to.deep.equal(['c4', 'c1']);
    expect(renderedComments(element)[0].querySelector('.badge')!.textContent).to.equal('Pinned');
    loadMore(element)!.click();
    await waitUntil(() => ids(element).length === 4, 'second page never came');
    loadMore(element)!.click();
    await waitUntil(() => ids(element).length === 5, 'last page never came');
    expect(ids(element)).to.deep.equal(['c4', 'c1', 'c2', 'c3', 'c5']);
    expect(loadMore(element)).to.be.null;
  });

  it('sorts from the select in the heading row and reflects the sort attribute', async () => {
    const element = await mount();
    const select = shadow(element).querySelector<HTMLSelectElement>('select[part=sort]')!;
    expect([...select.options].map((o) => o.value)).to.deep.equal(['oldest', 'newest', 'top']);
    select.value = 'newest';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => ids(element)[1] === 'c5', 'never re-sorted');
    expect(element.getAttribute('sort')).to.equal('newest');
    expect(ids(element)).to.deep.equal(['c4', 'c5']);
  });

  it('puts the most reacted first with sort="top"', async () => {
    const adapter = five();
    await adapter.react('/t', 'c3', 'like', true, { readerId: 'a' });
    await adapter.react('/t', 'c3', 'love', true, { readerId: 'b' });
    await adapter.react('/t', 'c5', 'like', true, { readerId: 'a' });
    const element = await mount(adapter, 'top');
    expect(ids(element)).to.deep.equal(['c4', 'c3']);
    expect(shadow(element).querySelector<HTMLSelectElement>('select')!.value).to.equal('top');
  });
});
