import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/adapters/memory.js';
import type { ChimeComments } from '../../src/components/chime-comments.js';
import { defineChimeElements } from '../../src/define.js';
import { buttonOf, commentById, fill, formOf, loaded, memoryWith, renderedComments, replyForm, shadow, submit, threadOf } from './helpers.js';

defineChimeElements();

// A chain five answers deep: r1 <- r2 <- r3 <- r4 <- r5, and a second top-level comment.
const chain = () =>
  memoryWith([
    { id: 'r1', author: { name: 'Ada' }, body: 'Root' },
    { id: 'r2', parentId: 'r1', author: { name: 'Grace' }, body: 'Answer' },
    { id: 'r3', parentId: 'r2', author: { name: 'Linus' }, body: 'Deeper' },
    { id: 'r4', parentId: 'r3', author: { name: 'Barbara' }, body: 'Deeper still' },
    { id: 'r5', parentId: 'r4', author: { name: 'Ken' }, body: 'Deepest' },
    { id: 'x1', author: { name: 'Edsger' }, body: 'Another root' },
  ]);

async function mount(maxDepth?: number): Promise<ChimeComments> {
  const element = await fixture<ChimeComments>(
    html`<chime-comments thread="/t" locale="en" max-depth=${maxDepth ?? 3} .adapter=${chain()}></chime-comments>`,
  );
  await loaded(element);
  return element;
}

/** How many lists a comment is nested in. */
const level = (li: Element) => {
  let depth = 0;
  for (let node: Element | null = li; node; node = node.parentElement) if (node.localName === 'ol') depth++;
  return depth;
};

describe('threaded replies', () => {
  it('nests answers up to max-depth, then keeps deeper ones at the last level saying whom they answer', async () => {
    const element = await mount();
    const levels = ['r1', 'r2', 'r3', 'r4', 'r5', 'x1'].map((id) => level(commentById(element, id)!));
    expect(levels).to.deep.equal([1, 2, 3, 3, 3, 1]);
    expect(commentById(element, 'r3')!.querySelector('.reference')).to.be.null;
    const reference = commentById(element, 'r5')!.querySelector('.reference')!;
    expect(reference.textContent!.replace(/\s+/g, ' ').trim()).to.equal('in reply to Barbara');
    expect(reference.querySelector('a')!.getAttribute('href')).to.equal('#comment-r4');
  });

  it('honours a smaller max-depth', async () => {
    const element = await mount(2);
    expect(['r1', 'r2', 'r3', 'r5'].map((id) => level(commentById(element, id)!))).to.deep.equal([1, 2, 2, 2]);
  });

  it('collapses and expands a sub-thread with aria-expanded', async () => {
    const element = await mount();
    const root = commentById(element, 'r1')!;
    const toggle = buttonOf(root, 'Hide replies')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    toggle.click();
    await threadOf(element)!.updateComplete;
    expect(commentById(element, 'r2')).to.be.null;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(toggle.textContent!.trim()).to.equal('Show replies (4)');
    toggle.click();
    await threadOf(element)!.updateComplete;
    expect(commentById(element, 'r5')).to.exist;
  });

  it('answers a comment from a form under it, keeping the name typed in the main form', async () => {
    const element = await mount();
    await fill(formOf(element)!, { name: 'Margaret' });
    buttonOf(commentById(element, 'x1')!, 'Reply')!.click();
    const form = await replyForm(element);
    // Slotted under the comment it answers, with the writer's name in its heading.
    expect(form.assignedSlot!.closest('li')!.id).to.equal('comment-x1');
    expect(shadow(form).querySelector('h3')!.textContent).to.equal('Reply to Edsger');
    expect(shadow(form).activeElement?.localName).to.equal('textarea');
    expect(form.draft.name).to.equal('Margaret');
    await fill(form, { body: 'I agree.' });
    const posted = oneEvent(element, 'chime-posted');
    submit(form);
    const { detail } = await posted;
    expect(detail.comment.parentId).to.equal('x1');
    await element.updateComplete;
    const reply = commentById(element, detail.comment.id)!;
    expect(level(reply)).to.equal(2);
    expect(reply.parentElement!.closest('li')!.id).to.equal('comment-x1');
    expect(shadow(element).querySelector('chime-form[part=reply-form]')).to.be.null;
    expect(renderedComments(element)).to.have.length(7);
  });

  it('keeps what is typed in a reply form while the comment section re-renders', async () => {
    const element = await mount();
    buttonOf(commentById(element, 'x1')!, 'Reply')!.click();
    const form = await replyForm(element);
    await fill(form, { name: 'Barbara', body: 'Half an answer' });
    // As a live comment, a reaction or a delivered comment would: the forms get their drafts again.
    element.requestUpdate();
    await element.updateComplete;
    await form.updateComplete;
    expect(shadow(form).querySelector('textarea')!.value).to.equal('Half an answer');
    expect(form.draft).to.deep.equal({ name: 'Barbara', website: '', body: 'Half an answer' });
  });

  it('closes the reply form on Cancel', async () => {
    const element = await mount();
    buttonOf(commentById(element, 'r1')!, 'Reply')!.click();
    const form = await replyForm(element);
    [...shadow(form).querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Cancel')!.click();
    await element.updateComplete;
    expect(shadow(element).querySelector('chime-form[part=reply-form]')).to.be.null;
  });

  it('offers no Reply button when comments are closed', async () => {
    const element = await mount();
    element.closed = true;
    await element.updateComplete;
    await threadOf(element)!.updateComplete;
    expect(buttonOf(commentById(element, 'r1')!, 'Reply')).to.be.undefined;
  });

  it('shows "Show N more replies" under a top-level comment whose page left replies out, and loads them when asked', async () => {
    // A storage whose pages carry at most 3 replies: 7 answer the first comment, 1 the second.
    const comments = [
      { id: 'q', author: { name: 'Ada' }, body: 'Question' },
      { id: 's', author: { name: 'Edsger' }, body: 'Second question' },
      ...Array.from({ length: 7 }, (_, n) => ({
        id: `a${n + 1}`,
        parentId: n === 3 ? 'a3' : 'q',
        author: { name: 'Grace' },
        body: `Answer ${n + 1}`,
      })),
      { id: 'b1', parentId: 's', author: { name: 'Linus' }, body: 'Other answer' },
    ];
    const adapter = new MemoryAdapter({ replyBudget: 3, seed: { threads: { '/t': { comments } } } });
    const element = await fixture<ChimeComments>(html`<chime-comments thread="/t" .adapter=${adapter}></chime-comments>`);
    await loaded(element);
    const more = () => buttonOf(commentById(element, 'q')!, /more repl/);
    expect(more()!.textContent!.trim()).to.equal('Show 4 more replies');
    expect(more()!.getAttribute('part')).to.equal('more-replies');
    expect(['a1', 'a2', 'a3', 'a4'].map((id) => Boolean(commentById(element, id)))).to.deep.equal([true, true, true, false]);
    expect(commentById(element, 'b1'), 'the budget was spent on the first comment').to.be.null;
    expect(buttonOf(commentById(element, 's')!, /more repl/)!.textContent!.trim()).to.equal('Show 1 more reply');
    more()!.click();
    await waitUntil(() => commentById(element, 'a7'), 'the other replies never came');
    expect(['a4', 'a5', 'a6', 'a7'].map((id) => level(commentById(element, id)!))).to.deep.equal([3, 2, 2, 2]);
    await threadOf(element)!.updateComplete;
    expect(more()).to.be.undefined;
    expect(renderedComments(element)).to.have.length(9);
  });
});
