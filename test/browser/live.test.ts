import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { ChimeComments } from '../../src/components/chime-comments.js';
import { defineChimeElements } from '../../src/define.js';
import { commentById, fill, formOf, headingText, loaded, memoryWith, renderedComments, settled, shadow, submit } from './helpers.js';

defineChimeElements();

const newButton = (element: ChimeComments) => shadow(element).querySelector<HTMLButtonElement>('[part=new-comments]');
const someoneElse = (id: string, parentId: string | null = null) => ({ id, threadId: '/t', parentId, author: { name: 'Grace' }, body: `Live ${id}` });

async function mount(sort = 'oldest') {
  const adapter = memoryWith([{ id: 'c1', author: { name: 'Ada' }, body: 'Hello' }]);
  const element = await fixture<ChimeComments>(html`<chime-comments thread="/t" sort=${sort} .adapter=${adapter}></chime-comments>`);
  await loaded(element);
  return { element, adapter };
}

describe('live updates', () => {
  it('holds new comments from others behind a "N new comments" button', async () => {
    const { element, adapter } = await mount();
    await adapter.post(someoneElse('n1'));
    await adapter.post(someoneElse('n2', 'c1'));
    await settled(element);
    expect(newButton(element)!.textContent!.trim()).to.equal('2 new comments');
    expect(headingText(element)).to.equal('Comments (3)');
    expect(renderedComments(element)).to.have.length(1);
    newButton(element)!.click();
    await settled(element);
    expect(renderedComments(element).map((li) => li.id)).to.deep.equal(['comment-c1', 'comment-n2', 'comment-n1']);
    expect(newButton(element)).to.be.null;
  });

  it('puts revealed comments on top when the newest come first', async () => {
    const { element, adapter } = await mount('newest');
    await adapter.post(someoneElse('n1'));
    await settled(element);
    newButton(element)!.click();
    await settled(element);
    expect(renderedComments(element).map((li) => li.id)).to.deep.equal(['comment-n1', 'comment-c1']);
  });

  it("shows the reader's own comment at once", async () => {
    const { element } = await mount();
    await fill(formOf(element)!, { name: 'Me', body: 'Mine' });
    const posted = oneEvent(element, 'chime-posted');
    submit(formOf(element)!);
    await posted;
    await settled(element);
    expect(newButton(element)).to.be.null;
    expect(renderedComments(element)).to.have.length(2);
  });

  it('applies edits and deletions by others as they happen', async () => {
    const { element, adapter } = await mount();
    const { comment, editToken } = await adapter.post(someoneElse('n1'));
    newButton(element)!.click();
    await adapter.edit('/t', comment.id, 'Changed live', { editToken: editToken! });
    await settled(element);
    expect(commentById(element, 'n1')!.querySelector('.body')!.textContent!.trim()).to.equal('Changed live');
    await adapter.remove('/t', comment.id, { editToken: editToken! });
    await waitUntil(() => !commentById(element, 'n1'), 'deleted comment stayed');
    expect(headingText(element)).to.equal('Comments (1)');
  });

  it('stops listening when the widget leaves the page', async () => {
    const { element, adapter } = await mount();
    element.remove();
    await adapter.post(someoneElse('n1'));
    await settled(element);
    expect(newButton(element)).to.be.null;
  });
});
