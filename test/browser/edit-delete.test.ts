import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { ChimeComments } from '../../src/components/chime-comments.js';
import { saveEditToken } from '../../src/core/author.js';
import { editToken } from '../../src/core/identity.js';
import { defineChimeElements } from '../../src/define.js';
import {
  buttonOf,
  commentById,
  fill,
  formOf,
  headingText,
  loaded,
  memoryWith,
  replyForm,
  settled,
  shadow,
  submit,
  threadOf,
  typeInto,
} from './helpers.js';

defineChimeElements();

async function mount(editWindowMs?: number): Promise<ChimeComments> {
  const adapter = memoryWith([{ id: 'other', author: { name: 'Grace' }, body: 'Not yours' }], { editWindowMs });
  const element = await fixture<ChimeComments>(html`<chime-comments thread="/t" .adapter=${adapter}></chime-comments>`);
  await loaded(element);
  return element;
}

/** Posts through the form like a reader and returns the new comment's id. */
async function post(element: ChimeComments, body: string, parent?: string): Promise<string> {
  let form = formOf(element)!;
  if (parent) {
    buttonOf(commentById(element, parent)!, 'Reply')!.click();
    form = await replyForm(element);
  }
  await fill(form, { name: 'Ada', body });
  const posted = oneEvent(element, 'chime-posted');
  submit(form);
  const { detail } = await posted;
  await settled(element);
  return detail.comment.id;
}

const bodyText = (li: Element) => li.querySelector(':scope > article .body')?.textContent!.trim();

describe('editing and deleting your own comment', () => {
  afterEach(() => {
    window.confirm = Window.prototype.confirm;
  });

  it('keeps the edit token on the device, for the edit window only', async () => {
    const element = await mount();
    const id = await post(element, 'Mine');
    expect(editToken(id)).to.be.a('string');
    expect(JSON.parse(localStorage.getItem('chime:identity')!).tokens[id][0]).to.equal(editToken(id));
    saveEditToken('old', 'secret', Date.now() - 1);
    expect(editToken('old')).to.be.undefined;
  });

  it('offers Edit and Delete on your comments only, and marks an edit', async () => {
    const element = await mount();
    const id = await post(element, 'Frist');
    expect(buttonOf(commentById(element, 'other')!, 'Edit')).to.be.undefined;
    buttonOf(commentById(element, id)!, 'Edit')!.click();
    await threadOf(element)!.updateComplete;
    const editor = commentById(element, id)!.querySelector('textarea')!;
    expect(editor.value).to.equal('Frist');
    typeInto(editor, 'First');
    buttonOf(commentById(element, id)!, 'Save')!.click();
    await settled(element);
    const mine = commentById(element, id)!;
    expect(bodyText(mine)).to.equal('First');
    expect(mine.querySelector('.edited')!.textContent).to.equal('edited');
  });

  it('moves relative times on while the page stays open, and takes Edit away once the window closes', async () => {
    // The thread's once-a-minute clock, caught so that the test can move time on.
    const ticks: Array<() => void> = [];
    const realSetInterval = window.setInterval;
    const realNow = Date.now;
    window.setInterval = ((handler: () => void, ms?: number) => {
      if (ms === 60_000) ticks.push(handler);
      return realSetInterval(handler, ms);
    }) as typeof setInterval;
    try {
      const element = await mount();
      const id = await post(element, 'Just written');
      const mine = () => commentById(element, id)!;
      expect(mine().querySelector('time')!.textContent).to.match(/now|second/);
      expect(buttonOf(mine(), 'Edit')).to.exist;
      expect(ticks).to.have.length(1);
      const start = realNow();
      Date.now = () => start + 16 * 60_000;
      ticks.forEach((tick) => tick());
      await threadOf(element)!.updateComplete;
      expect(mine().querySelector('time')!.textContent).to.equal('16 minutes ago');
      expect(buttonOf(mine(), 'Edit')).to.be.undefined;
    } finally {
      window.setInterval = realSetInterval;
      Date.now = realNow;
    }
  });

  it('keeps the text being edited when the comments before it change', async () => {
    const element = await mount();
    window.confirm = () => true;
    const before = await post(element, 'Going away');
    const id = await post(element, 'Staying');
    buttonOf(commentById(element, id)!, 'Edit')!.click();
    await threadOf(element)!.updateComplete;
    typeInto(commentById(element, id)!.querySelector('textarea')!, 'Staying, with more said');
    // The list shifts by one under the open editor.
    buttonOf(commentById(element, before)!, 'Delete')!.click();
    await settled(element);
    expect(commentById(element, before)).to.be.null;
    expect(commentById(element, id)!.querySelector('textarea')!.value).to.equal('Staying, with more said');
    buttonOf(commentById(element, id)!, 'Save')!.click();
    await settled(element);
    expect(bodyText(commentById(element, id)!)).to.equal('Staying, with more said');
  });

  it('leaves a placeholder for a deleted comment that has replies, and removes one without', async () => {
    const element = await mount();
    window.confirm = () => true;
    const parent = await post(element, 'Question');
    const reply = await post(element, 'Answer', parent);
    const lonely = await post(element, 'Nobody answers this');
    buttonOf(commentById(element, parent)!, 'Delete')!.click();
    buttonOf(commentById(element, lonely)!, 'Delete')!.click();
    await settled(element);
    expect(commentById(element, parent)!.querySelector('.deleted')!.textContent).to.equal('This comment was deleted.');
    expect(commentById(element, parent)!.querySelector(':scope > article .author')).to.be.null;
    expect(bodyText(commentById(element, reply)!)).to.equal('Answer');
    expect(commentById(element, lonely)).to.be.null;
    await waitUntil(() => headingText(element) === 'Comments (2)', 'count not lowered');
  });

  it('asks before deleting', async () => {
    const element = await mount();
    const id = await post(element, 'Keep me');
    window.confirm = () => false;
    buttonOf(commentById(element, id)!, 'Delete')!.click();
    await settled(element);
    expect(bodyText(commentById(element, id)!)).to.equal('Keep me');
  });

  it('offers no Edit once the storage says the window is over', async () => {
    const element = await mount(0);
    const id = await post(element, 'Not changeable');
    expect(buttonOf(commentById(element, id)!, 'Edit')).to.be.undefined;
    expect(editToken(id)).to.be.undefined;
  });

  it('puts the text back and says why when the storage refuses (window closed while editing)', async () => {
    const element = await mount(300);
    const id = await post(element, 'Too late to change');
    buttonOf(commentById(element, id)!, 'Edit')!.click();
    await threadOf(element)!.updateComplete;
    typeInto(commentById(element, id)!.querySelector('textarea')!, 'Changed');
    await new Promise((resolve) => setTimeout(resolve, 400));
    const failed = oneEvent(element, 'chime-error');
    buttonOf(commentById(element, id)!, 'Save')!.click();
    const { detail } = await failed;
    expect(detail.action).to.equal('edit');
    expect(detail.error.code).to.equal('forbidden');
    await settled(element);
    expect(bodyText(commentById(element, id)!)).to.equal('Too late to change');
    // Said from the code; the adapter's own words are the page's (chime-error).
    expect(detail.error.message).to.equal('The time for changing this comment is over.');
    await waitUntil(() => shadow(element).querySelector('[role=alert]')!.textContent, 'no reason');
    expect(shadow(element).querySelector('[role=alert]')!.textContent).to.equal('This comment can no longer be changed.');
  });

  it('puts a comment back, text and all, when the storage refuses to delete it', async () => {
    const element = await mount(300);
    window.confirm = () => true;
    const id = await post(element, 'Still here');
    await new Promise((resolve) => setTimeout(resolve, 400));
    const failed = oneEvent(element, 'chime-error');
    buttonOf(commentById(element, id)!, 'Delete')!.click();
    expect((await failed).detail.action).to.equal('delete');
    await settled(element);
    expect(bodyText(commentById(element, id)!)).to.equal('Still here');
    expect(commentById(element, id)!.querySelector('.deleted')).to.be.null;
    expect(headingText(element)).to.equal('Comments (2)');
  });
});
