import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { ChimeComments } from '../../src/components/chime-comments.js';
import { fill, formOf, headingText, renderedComments, shadow, submit, threadOf } from './helpers.js';

// Every tab here is a fresh page (an iframe) in the same browser profile: it shares IndexedDB,
// Web Locks and BroadcastChannel with the others, like a reload or a second tab would.

interface Endpoints {
  url: string;
  proxyUrl: string;
}

const server = <T = true>(command: string, payload?: object) => executeServerCommand<T, object>(command, payload);
const endpoints = () => server<Endpoints>('comments-server');
const stored = (thread: string, id?: string) => server<{ posts: number; stored: number }>('comments-stored', { thread, id });
const texts = (widget: ChimeComments) => renderedComments(widget).map((li) => li.querySelector('.body')!.textContent!.trim());
const deliveryOf = (widget: ChimeComments) => renderedComments(widget).map((li) => li.dataset.delivery ?? 'sent');

async function openTab(thread: string, endpoint: string): Promise<{ widget: ChimeComments; frame: HTMLIFrameElement }> {
  const frame = document.createElement('iframe');
  frame.src = new URL(`../fixtures/offline.html?${new URLSearchParams({ thread, endpoint })}`, import.meta.url).href;
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  await waitUntil(() => frame.contentDocument!.querySelector('chime-comments')?.shadowRoot, 'the tab never showed the widget');
  return { widget: frame.contentDocument!.querySelector('chime-comments') as ChimeComments, frame };
}

async function post(widget: ChimeComments, body: string): Promise<void> {
  await waitUntil(() => formOf(widget), 'no form');
  const form = formOf(widget)!;
  await fill(form, { name: 'Ada', body });
  submit(form);
}

function eventsOf(widget: ChimeComments, ...names: string[]): string[] {
  const seen: string[] = [];
  for (const name of names) widget.addEventListener(name, () => seen.push(name));
  return seen;
}

const newThread = () => `/offline/${crypto.randomUUID()}`;

describe('offline first', function () {
  this.timeout(20000);
  let url: string;
  let proxyUrl: string;

  before(async () => ({ url, proxyUrl } = await endpoints()));
  afterEach(async () => {
    for (const frame of document.querySelectorAll('iframe')) frame.remove();
    await server('comments-set', { holdLists: false, postDelayMs: 0 });
    await server('comments-server-up');
  });

  it('opens a thread seen before from IndexedDB before the server answers, then updates it in place', async () => {
    const thread = newThread();
    const first = await openTab(thread, url);
    await post(first.widget, 'One');
    await waitUntil(() => deliveryOf(first.widget).join() === 'sent', 'the first comment was never delivered');
    first.frame.remove();

    await server('comments-set', { holdLists: true });
    const second = await openTab(thread, proxyUrl);
    await waitUntil(() => texts(second.widget).join() === 'One', 'the saved thread was not shown while the server held its answer');
    const third = await openTab(thread, url);
    await post(third.widget, 'Two');
    await server('comments-set', { holdLists: false });
    await waitUntil(() => headingText(second.widget) === 'Comments (2)' && deliveryOf(second.widget).join() === 'sent,sent', 'the saved thread was not revalidated');
    expect(texts(second.widget)).to.deep.equal(['One', 'Two']);
  });

  it('shows the saved thread with a quiet notice when the server is unreachable', async () => {
    const thread = newThread();
    const first = await openTab(thread, url);
    await post(first.widget, 'Saved for later');
    await waitUntil(() => deliveryOf(first.widget).join() === 'sent', 'never delivered');
    await server('comments-server-down');
    const { widget } = await openTab(thread, url);
    await waitUntil(() => shadow(widget).querySelector('[part="offline"]'), 'no offline notice');
    expect(shadow(widget).querySelector('[part="offline"]')!.textContent).to.equal('Offline: showing saved comments.');
    expect(texts(widget)).to.deep.equal(['Saved for later']);
    expect(shadow(widget).querySelector('[part="error"]')).to.be.null;
  });

  it('shows a comment written while the server is down as pending at once, and retries with backoff until it is delivered', async () => {
    const thread = newThread();
    const { widget } = await openTab(thread, url);
    await waitUntil(() => headingText(widget) === 'Comments (0)', 'never loaded');
    const events = eventsOf(widget, 'chime-queued', 'chime-delivered', 'chime-posted');
    await server('comments-server-down');
    await post(widget, 'Written on a train');
    await waitUntil(() => deliveryOf(widget).join() === 'pending', 'not shown as pending');
    expect(renderedComments(widget)[0].textContent).to.contain('Pending');
    expect(formOf(widget)!.draft.body).to.equal('');
    await server('comments-server-up');
    await waitUntil(() => deliveryOf(widget).join() === 'sent', 'the retry never delivered it', { timeout: 8000 });
    expect(events).to.deep.equal(['chime-queued', 'chime-delivered', 'chime-posted']);
    expect(headingText(widget)).to.equal('Comments (1)');
    expect((await stored(thread)).stored).to.equal(1);
  });

  it('keeps a pending comment across a reload and delivers it from the new page', async () => {
    const thread = newThread();
    const first = await openTab(thread, url);
    await waitUntil(() => headingText(first.widget), 'never loaded');
    await server('comments-server-down');
    await post(first.widget, 'Do not lose me');
    await waitUntil(() => deliveryOf(first.widget).join() === 'pending', 'not pending');
    first.frame.remove();

    await server('comments-server-up');
    const { widget } = await openTab(thread, url);
    await waitUntil(() => texts(widget).join() === 'Do not lose me' && deliveryOf(widget).join() === 'sent', 'the reloaded page did not deliver it');
    expect((await stored(thread)).stored).to.equal(1);
  });

  it('stores a comment exactly once when the answer is lost and the outbox retries', async () => {
    const thread = newThread();
    const { widget } = await openTab(thread, proxyUrl);
    await waitUntil(() => headingText(widget), 'never loaded');
    // Two: Chrome itself re-sends a POST once when a reused connection dies without an answer.
    await server('comments-set', { dropResponses: 2 });
    const before = (await stored(thread)).posts;
    const queued = oneEvent(widget, 'chime-queued');
    await post(widget, 'Once only');
    await queued;
    expect(deliveryOf(widget)).to.deep.equal(['pending']);
    expect((await stored(thread)).stored).to.equal(1);
    await waitUntil(() => deliveryOf(widget).join() === 'sent', 'the retry never completed', { timeout: 8000 });
    const after = await stored(thread);
    console.log(`lost-answer test: ${after.posts - before} requests reached the server`);
    expect(after.posts - before).to.be.at.least(2);
    expect(after.stored).to.equal(1);
    expect(texts(widget)).to.deep.equal(['Once only']);
  });

  it('keeps a refused comment visible with the reason, to edit and send again or to discard', async () => {
    const thread = newThread();
    const { widget } = await openTab(thread, url);
    await waitUntil(() => headingText(widget), 'never loaded');
    const events = eventsOf(widget, 'chime-rejected', 'chime-error');
    await server('comments-set', { thread, closed: true });
    await post(widget, 'Too late');
    await waitUntil(() => deliveryOf(widget).join() === 'rejected', 'not marked as not sent');
    const item = renderedComments(widget)[0];
    expect(item.querySelector('.delivery p')!.textContent).to.equal('Not sent: Comments are closed.');
    expect(events).to.deep.equal(['chime-rejected', 'chime-error']);

    await server('comments-set', { thread, closed: false });
    item.querySelector('details')!.open = true;
    item.querySelector('textarea')!.value = 'Too late, but edited';
    item.querySelector<HTMLButtonElement>('details button')!.click();
    await waitUntil(() => deliveryOf(widget).join() === 'sent', 'the edited comment was not sent');
    expect(texts(widget)).to.deep.equal(['Too late, but edited']);

    await server('comments-set', { thread, closed: true });
    await post(widget, 'Never mind');
    await waitUntil(() => deliveryOf(widget).join() === 'sent,rejected', 'not refused');
    renderedComments(widget)[1].querySelector<HTMLButtonElement>('.delivery > button')!.click();
    await waitUntil(() => renderedComments(widget).length === 1, 'not discarded');
    const reloaded = await openTab(thread, url);
    await waitUntil(() => headingText(reloaded.widget), 'never loaded');
    expect(texts(reloaded.widget)).to.deep.equal(['Too late, but edited']);
  });

  it('restores the text being typed after a reload, and forgets it once the comment is sent', async () => {
    const thread = newThread();
    const first = await openTab(thread, url);
    await waitUntil(() => formOf(first.widget), 'no form');
    await fill(formOf(first.widget)!, { name: 'Ada', body: 'Half a thought' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    first.frame.remove();

    const second = await openTab(thread, url);
    await waitUntil(() => formOf(second.widget)?.draft.body === 'Half a thought', 'the draft was not restored');
    expect(shadow(formOf(second.widget)!).querySelector('textarea')!.value).to.equal('Half a thought');
    submit(formOf(second.widget)!);
    await waitUntil(() => deliveryOf(second.widget).join() === 'sent', 'not sent');
    second.frame.remove();

    // Give a draft save that was still waiting time to (wrongly) happen.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const third = await openTab(thread, url);
    await waitUntil(() => threadOf(third.widget) && formOf(third.widget), 'never loaded');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(formOf(third.widget)!.draft.body).to.equal('');
  });

  it('lets tabs share the outbox: one delivery, every tab shows the comment', async () => {
    const thread = newThread();
    const a = await openTab(thread, url);
    const b = await openTab(thread, url);
    await waitUntil(() => headingText(a.widget) && headingText(b.widget), 'never loaded');
    await server('comments-server-down');
    await post(a.widget, 'Seen in every tab');
    await waitUntil(() => deliveryOf(a.widget).join() === 'pending' && deliveryOf(b.widget).join() === 'pending', 'the other tab did not show it pending');
    const before = (await stored(thread)).posts;
    // A slow server keeps one tab's request in flight while the others want to send the same entry:
    // two new tabs flush on load, and the first tab's retry comes due.
    await server('comments-set', { postDelayMs: 300 });
    await server('comments-server-up');
    const [c, d] = await Promise.all([openTab(thread, url), openTab(thread, url)]);
    const tabs = [a, b, c, d].map((tab) => tab.widget);
    await waitUntil(() => tabs.every((w) => texts(w).join() === 'Seen in every tab' && deliveryOf(w).join() === 'sent'), 'not shown as sent in every tab', { timeout: 8000 });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const after = await stored(thread);
    expect(after.posts - before).to.equal(1);
    expect(after.stored).to.equal(1);
  });
});
