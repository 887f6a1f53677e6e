import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ChimeComments } from '../../src/components/chime-comments.js';
import type { CommentAdapter } from '../../src/core/adapter.js';
import { AdapterError } from '../../src/core/errors.js';
import { defineChimeElements } from '../../src/define.js';
import { commentById, delegate, formOf, liveText, loaded, memoryWith, renderedComments, replyForm, shadow, threadOf } from './helpers.js';

await defineChimeElements();

// Everything here is done with real key presses (Tab, Enter, Space, arrows, typing) sent by the
// browser's own input pipeline; a control is only given focus directly to start a sequence.

const comments = [
  { id: 'c1', author: { name: 'Ada' }, body: 'First' },
  { id: 'c2', author: { name: 'Grace' }, body: 'Second' },
  { id: 'c3', author: { name: 'Linus' }, body: 'Third' },
];

async function mount(adapter: CommentAdapter = memoryWith(comments), pageSize = 50) {
  const page = await fixture<HTMLElement>(html`<div>
    <button id="before">Before</button>
    <chime-comments thread="/t" page-size=${pageSize} .adapter=${adapter}></chime-comments>
    <button id="after">After</button>
  </div>`);
  const element = page.querySelector<ChimeComments>('chime-comments')!;
  await loaded(element);
  await waitUntil(() => formOf(element) && shadow(formOf(element)).querySelector('form'), 'no form');
  return { page, element };
}

/** The element that has focus, through shadow roots. */
function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

const press = (key: string) => sendKeys({ press: key });
const type = (text: string) => sendKeys({ type: text });
const field = (element: ChimeComments, name: string, form = formOf(element)!) => shadow(form).querySelector<HTMLElement>(`[name=${name}]`)!;
const button = (root: Element | ShadowRoot, text: string) =>
  [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === text)!;
const control = (element: ChimeComments, id: string, act: string) =>
  commentById(element, id)!.querySelector<HTMLElement>(`:scope > article > [data-act=${act}]`)!;

/** Writes a comment in `form` with the keyboard and sends it with Enter on its button; resolves to the new comment's item. */
async function write(element: ChimeComments, body: string, form = formOf(element)!): Promise<HTMLLIElement> {
  const before = new Set(renderedComments(element).map((li) => li.id));
  field(element, 'name', form).focus();
  await type('Ada');
  field(element, 'body', form).focus();
  await type(body);
  shadow(form).querySelector<HTMLButtonElement>('button[type=submit]')!.focus();
  await press('Enter');
  await waitUntil(() => renderedComments(element).find((li) => !before.has(li.id)), 'the comment did not show');
  return renderedComments(element).find((li) => !before.has(li.id))!;
}

describe('keyboard', () => {
  afterEach(() => {
    window.confirm = Window.prototype.confirm;
  });

  it('reaches every control with Tab, in reading order, and leaves the widget', async () => {
    const adapter = memoryWith([...comments, { id: 'c4', author: { name: 'Eve' }, body: 'Fourth' }]);
    const { page, element } = await mount(adapter, 3);
    await write(element, 'Mine');
    await adapter.post({ id: 'n', threadId: '/t', parentId: null, author: { name: 'Bob' }, body: 'New' });
    await waitUntil(() => shadow(element).querySelector('[part=new-comments]'), 'no new-comments button');
    page.querySelector<HTMLElement>('#before')!.focus();
    const reached: string[] = [];
    for (let i = 0; i < 80 && focused()?.id !== 'after'; i++) {
      await press('Tab');
      const e = focused()!;
      reached.push(e.getAttribute('aria-label') ?? e.getAttribute('name') ?? (e.localName === 'select' ? 'sort' : e.textContent!.trim()));
    }
    expect(focused()?.id, 'focus never left the widget').to.equal('after');
    for (const name of [
      'sort',
      '1 new comment',
      'Like, 0',
      'Love, 0',
      'Reply',
      'Edit',
      'Delete',
      'Load more comments',
      'name',
      'body',
      'Post comment',
      'Preview',
    ])
      expect(reached, name).to.include(name);
    expect(reached.indexOf('sort')).to.be.below(reached.indexOf('Reply'));
    expect(reached.indexOf('Reply')).to.be.below(reached.indexOf('Post comment'));
  });

  it('posts: the new comment takes focus, and the live region says it was posted', async () => {
    const { element } = await mount();
    const li = await write(element, 'Hello from the keyboard');
    await waitUntil(() => focused() === li, 'focus did not go to the new comment');
    await waitUntil(() => liveText(element).includes('Your comment was posted.'), `said: ${liveText(element)}`);
  });

  it('replies: Reply opens a form with the cursor in it; the reply takes focus; Cancel goes back to the comment', async () => {
    const { element } = await mount();
    control(element, 'c2', 'reply').focus();
    await press('Enter');
    let form = await replyForm(element);
    await waitUntil(() => focused() === field(element, 'body', form), 'the reply form did not take focus');
    const li = await write(element, 'A reply', form);
    expect(li.parentElement!.closest('li')).to.equal(commentById(element, 'c2'));
    await waitUntil(() => focused() === li, 'focus did not go to the reply');

    control(element, 'c3', 'reply').focus();
    await press('Enter');
    form = await replyForm(element);
    button(shadow(form), 'Cancel').focus();
    await press('Enter');
    await waitUntil(() => !shadow(element).querySelector('[part=reply-form]'), 'the reply form stayed');
    await waitUntil(() => focused() === commentById(element, 'c3'), 'focus did not go back to the comment');
  });

  it('reacts with Space and Enter, saying the name and the count', async () => {
    const { element } = await mount();
    const like = commentById(element, 'c1')!.querySelector<HTMLButtonElement>('[data-arg=like]')!;
    expect(like.getAttribute('aria-label')).to.equal('Like, 0');
    like.focus();
    await press('Space');
    await waitUntil(() => like.getAttribute('aria-pressed') === 'true', 'Space did not react');
    expect(like.getAttribute('aria-label')).to.equal('Like, 1');
    expect(like.textContent!.replace(/\s+/g, ' ').trim()).to.equal('👍 Like 1');
    expect(focused()).to.equal(like);
    await press('Enter');
    await waitUntil(() => like.getAttribute('aria-pressed') === 'false', 'Enter did not undo the reaction');
    expect(like.getAttribute('aria-label')).to.equal('Like, 0');
  });

  it('edits and deletes: focus goes into the edit box, back to the comment, then to the next comment', async () => {
    const { element } = await mount();
    const mine = await write(element, 'Typo');
    const id = mine.id.slice('comment-'.length);
    await waitUntil(() => control(element, id, 'edit'), 'no Edit');
    control(element, id, 'edit').focus();
    await press('Enter');
    await waitUntil(() => focused()?.classList.contains('editor'), 'focus did not go into the edit box');
    await sendKeys({ down: 'Control' });
    await press('a');
    await sendKeys({ up: 'Control' });
    await type('Fixed');
    await press('Tab');
    expect(focused()?.textContent).to.equal('Save');
    await press('Enter');
    await waitUntil(() => mine.querySelector('.body')?.textContent?.trim() === 'Fixed', 'not edited');
    await waitUntil(() => focused() === mine, 'focus did not go back to the comment');

    window.confirm = () => true;
    const before = mine.previousElementSibling;
    control(element, id, 'delete').focus();
    await press('Enter');
    await waitUntil(() => !mine.isConnected, 'not deleted');
    await waitUntil(() => focused() === before, 'focus did not go to the comment before');
  });

  it('loads more: focus goes to the first comment shown', async () => {
    const { element } = await mount(memoryWith(comments), 2);
    shadow(element).querySelector<HTMLElement>('[part=load-more]')!.focus();
    await press('Enter');
    await waitUntil(() => focused() === commentById(element, 'c3'), 'focus did not go to the first new comment');
  });

  it('sorts with the arrow keys', async () => {
    const { element } = await mount();
    shadow(element).querySelector<HTMLSelectElement>('[part=sort]')!.focus();
    await press('ArrowDown');
    await waitUntil(() => element.sort === 'newest', 'not sorted');
    await waitUntil(() => renderedComments(element)[0]?.id === 'comment-c3', 'not shown newest first');
  });

  it('shows new comments: the live region counts them, and the first takes focus', async () => {
    const adapter = memoryWith(comments);
    const { element } = await mount(adapter);
    await adapter.post({ id: 'n1', threadId: '/t', parentId: null, author: { name: 'Bob' }, body: 'New' });
    await adapter.post({ id: 'n2', threadId: '/t', parentId: null, author: { name: 'Bob' }, body: 'Newer' });
    await waitUntil(() => liveText(element) === '2 new comments', `said: ${liveText(element)}`);
    shadow(element).querySelector<HTMLElement>('[part=new-comments]')!.focus();
    await press('Enter');
    await waitUntil(() => focused() === commentById(element, 'n1'), 'focus did not go to the first new comment');
  });
});

describe('live region', () => {
  it('is the only one, and says what became of a comment: waiting offline, then not sent and why', async () => {
    const memory = memoryWith(comments);
    let refusal = new AdapterError('network', 'Unreachable.');
    const { element } = await mount({ ...delegate(memory), post: () => Promise.reject(refusal) });
    await write(element, 'Offline');
    await waitUntil(() => liveText(element).includes('Pending: it will be sent when the connection is back.'), `said: ${liveText(element)}`);
    refusal = new AdapterError('validation', 'Links are not allowed here.');
    await write(element, 'Refused');
    await waitUntil(() => liveText(element).includes('Not sent: Links are not allowed here.'), `said: ${liveText(element)}`);
    const roots = [shadow(element), shadow(threadOf(element)!), shadow(formOf(element)!)];
    expect(roots.flatMap((root) => [...root.querySelectorAll('[role=status], [role=log], [aria-live]')])).to.have.length(1);
  });
});
