import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/adapters/memory.js';
import type { ChimeComments } from '../../src/components/chime-comments.js';
import { AdapterError } from '../../src/core/errors.js';
import type { NewComment } from '../../src/core/types.js';
import { defineChimeElements } from '../../src/define.js';
import { commentById, fill, formOf, loaded, renderedComments, replyForm, settled, shadow, submit } from './helpers.js';

defineChimeElements();

/** <chime-comments>'s events, as the README and the manifest document them: the only ones a page may hear. */
const PUBLIC = ['chime-posted', 'chime-queued', 'chime-delivered', 'chime-rejected', 'chime-error'];

/**
 * Every chime-* event any code on the page dispatches, and those that reached document. A capturing
 * listener on document is added for each type before its first dispatch, so an event that is
 * composed (even one that does not bubble) is heard.
 */
function watchEvents() {
  const dispatched = new Map<string, number>();
  const heard = new Set<string>();
  const original = EventTarget.prototype.dispatchEvent;
  EventTarget.prototype.dispatchEvent = function (this: EventTarget, event: Event) {
    if (event.type.startsWith('chime-')) {
      if (!dispatched.has(event.type)) document.addEventListener(event.type, () => heard.add(event.type), { capture: true });
      dispatched.set(event.type, (dispatched.get(event.type) ?? 0) + 1);
    }
    return original.call(this, event);
  };
  return { dispatched, heard, restore: () => (EventTarget.prototype.dispatchEvent = original) };
}

/** Clicks a button of the thread by what it does (data-act), the first in the given comment. */
async function act(widget: ChimeComments, id: string, action: string): Promise<void> {
  const button = () => commentById(widget, id)?.querySelector<HTMLButtonElement>(`[data-act="${action}"]`);
  await waitUntil(button, `no ${action} button on ${id}`);
  button()!.click();
  await settled(widget);
}

describe('events at the element boundary', () => {
  let watch: ReturnType<typeof watchEvents>;
  beforeEach(() => (watch = watchEvents()));
  afterEach(() => {
    watch.restore();
    window.confirm = Window.prototype.confirm;
  });

  it('lets only the documented public events reach document, whatever the reader does', async () => {
    // 'q' has two replies, of which its page carries one: "Show 1 more reply".
    const memory = new MemoryAdapter({
      replyBudget: 1,
      seed: {
        threads: {
          '/events': {
            comments: [
              { id: 'q', author: { name: 'Grace' }, body: 'Question' },
              { id: 'a1', parentId: 'q', author: { name: 'Ada' }, body: 'One' },
              { id: 'a2', parentId: 'q', author: { name: 'Ada' }, body: 'Two' },
            ],
          },
        },
      },
    });
    // What post does next: the storage's own answer, or a failure.
    const outcomes: Array<AdapterError | undefined> = [];
    memory.post = (input: NewComment, options) => {
      const failure = outcomes.shift();
      return failure ? Promise.reject(failure) : MemoryAdapter.prototype.post.call(memory, input, options);
    };
    // Typed by GlobalEventHandlersEventMap: no cast, the detail is a PostResult.
    const posted: string[] = [];
    const listening = new AbortController();
    document.addEventListener('chime-posted', (event) => posted.push(event.detail.comment.body), { signal: listening.signal });
    const widget = await fixture<ChimeComments>(html`<chime-comments thread="/events" .adapter=${memory}></chime-comments>`);
    await loaded(widget);

    // Post (chime-submit, chime-posted), reply and cancel (chime-reply, chime-cancel), react, show more replies.
    await fill(formOf(widget)!, { name: 'Linus', body: 'Mine' });
    submit(formOf(widget)!);
    await waitUntil(() => renderedComments(widget).some((li) => li.textContent!.includes('Mine') && !li.dataset.delivery), 'not posted');
    const mine = renderedComments(widget)
      .find((li) => li.textContent!.includes('Mine'))!
      .id.slice('comment-'.length);
    await act(widget, 'q', 'reply');
    shadow(await replyForm(widget))
      .querySelector<HTMLButtonElement>('button.secondary:last-of-type')!
      .click();
    await waitUntil(() => !shadow(widget).querySelector('chime-form[part=reply-form]'), 'reply form stayed open');
    await act(widget, 'q', 'react');
    await act(widget, 'q', 'more-replies');
    await waitUntil(() => commentById(widget, 'a2'), 'more replies never came');

    // Edit and delete one's own comment (chime-edit, chime-delete).
    await act(widget, mine, 'edit');
    commentById(widget, mine)!.querySelector<HTMLTextAreaElement>('.editor')!.value = 'Mine, edited';
    await act(widget, mine, 'save');
    window.confirm = () => true;
    await act(widget, mine, 'delete');

    // Refused for good (chime-rejected, chime-error), sent again and refused, discarded.
    outcomes.push(new AdapterError('validation', 'No.'), new AdapterError('validation', 'Still no.'));
    await fill(formOf(widget)!, { name: 'Linus', body: 'Refused' });
    submit(formOf(widget)!);
    const refused = () => renderedComments(widget).find((li) => li.dataset.delivery === 'rejected');
    await waitUntil(refused, 'not refused');
    await waitUntil(() => refused()!.querySelector('[data-act=resend]'), 'no Resend button');
    refused()!.querySelector<HTMLButtonElement>('[data-act=resend]')!.click();
    await waitUntil(() => outcomes.length === 0 && refused(), 'not sent again');
    refused()!.querySelector<HTMLButtonElement>('[data-act=discard]')!.click();
    await waitUntil(() => !refused(), 'not discarded');

    // Offline first (chime-queued), then delivered (chime-delivered).
    outcomes.push(new AdapterError('network', 'Offline.'));
    await fill(formOf(widget)!, { name: 'Linus', body: 'Later' });
    submit(formOf(widget)!);
    await waitUntil(() => watch.dispatched.has('chime-queued'), 'never queued');
    dispatchEvent(new Event('online'));
    await waitUntil(() => watch.dispatched.has('chime-delivered'), 'never delivered', { timeout: 8000 });
    await settled(widget);

    const internal = ['chime-submit', 'chime-cancel', 'chime-reply', 'chime-react', 'chime-more-replies', 'chime-edit', 'chime-delete'];
    expect([...watch.dispatched.keys()].sort()).to.deep.equal([...PUBLIC, ...internal, 'chime-resend', 'chime-discard'].sort());
    expect([...watch.heard].sort()).to.deep.equal([...PUBLIC].sort());
    listening.abort();
    expect(posted).to.deep.equal(['Mine', 'Later']);

    // Every event the code dispatched is one an element of the manifest declares.
    const manifest = await (await fetch('/dist/custom-elements.json')).json();
    const declared = new Set<string>(
      manifest.modules.flatMap((m: { declarations?: Array<{ events?: Array<{ name: string }> }> }) =>
        (m.declarations ?? []).flatMap((d) => (d.events ?? []).map((e) => e.name)),
      ),
    );
    expect([...watch.dispatched.keys()].filter((type) => !declared.has(type))).to.deep.equal([]);
  });
});
