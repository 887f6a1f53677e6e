import { expect, oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { fill, formOf, headingText, renderedComments, shadow, submit } from './helpers.js';
import {
  cachedBodies,
  deliveryOf,
  eventsOf,
  network,
  newThread,
  openTab,
  outboxOf,
  post,
  postElsewhere,
  proxyStats,
  savedOffline,
  setClosed,
  storedComments,
  storedCount,
  texts,
  useServer,
  waitUntil,
} from './tabs.js';

describe('offline first, against the real server through a real network', function () {
  this.timeout(20000);

  useServer();

  it('hears about comments posted while its event stream was cut, once it reconnects', async () => {
    const thread = newThread();
    const { widget } = await openTab(thread);
    await waitUntil(() => headingText(widget) === 'Comments (0)', 'never loaded');
    // Let the event stream be listening, then cut it; the page itself stays online.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await network('proxy-down');
    await postElsewhere(thread, 'Posted while the stream was down');
    await network('proxy-up');
    // EventSource reconnects by itself (retry: 3 s) with Last-Event-ID; the server replays.
    const reveal = () => shadow(widget).querySelector<HTMLButtonElement>('[part=new-comments]');
    await waitUntil(() => reveal()?.textContent!.trim() === '1 new comment', 'the comment posted meanwhile never came', { timeout: 10000 });
    expect(headingText(widget)).to.equal('Comments (1)');
    reveal()!.click();
    await waitUntil(() => texts(widget).join() === 'Posted while the stream was down', 'revealing did not show it');
  });

  it('opens a thread seen before from IndexedDB before the server answers, then updates it in place', async () => {
    const thread = newThread();
    const first = await openTab(thread);
    await post(first.widget, 'One');
    await waitUntil(() => deliveryOf(first.widget).join() === 'sent', 'the first comment was never delivered');
    // The tab saves the thread after showing it: closing it sooner would keep the older copy.
    await waitUntil(async () => (await cachedBodies(thread)).join() === 'One', 'the thread was never saved');
    first.frame.remove();

    await network('proxy-hold-lists');
    const second = await openTab(thread);
    await waitUntil(() => texts(second.widget).join() === 'One', 'the saved thread was not shown while the server held its answer');
    expect(headingText(second.widget)).to.equal('Comments (1)');
    const saved = renderedComments(second.widget)[0];
    await postElsewhere(thread, 'Two');
    await network('proxy-release');
    await waitUntil(
      () => headingText(second.widget) === 'Comments (2)' && deliveryOf(second.widget).join() === 'sent,sent',
      'the saved thread was not revalidated',
    );
    expect(texts(second.widget)).to.deep.equal(['One', 'Two']);
    expect(renderedComments(second.widget)[0]).to.equal(saved, 'the saved comment was re-created instead of updated in place');
  });

  it('shows the saved thread with a quiet notice when the server is unreachable', async () => {
    const thread = newThread();
    const first = await openTab(thread);
    await post(first.widget, 'Saved for later');
    await waitUntil(() => deliveryOf(first.widget).join() === 'sent', 'never delivered');
    await waitUntil(async () => (await cachedBodies(thread)).join() === 'Saved for later', 'the thread was never saved');
    await network('proxy-down');
    const { widget } = await openTab(thread);
    await waitUntil(() => shadow(widget).querySelector('[part="offline"]'), 'no offline notice');
    expect(shadow(widget).querySelector('[part="offline"]')!.textContent).to.equal('Offline: showing saved comments.');
    expect(texts(widget)).to.deep.equal(['Saved for later']);
    expect(shadow(widget).querySelector('[part="error"]')).to.be.null;
  });

  it('shows a comment written while the server is down as pending at once, and retries with backoff until it is delivered', async () => {
    const thread = newThread();
    const { widget } = await openTab(thread);
    await waitUntil(() => headingText(widget) === 'Comments (0)', 'never loaded');
    const events = eventsOf(widget, 'chime-queued', 'chime-delivered', 'chime-posted');
    await network('proxy-down');
    await post(widget, 'Written on a train');
    await waitUntil(() => deliveryOf(widget).join() === 'pending', 'not shown as pending');
    expect(renderedComments(widget)[0].textContent).to.contain('Pending');
    expect(formOf(widget)!.draft.body).to.equal('');
    // A real attempt failed (connection refused) before the network comes back: the backoff delivers it.
    await waitUntil(async () => ((await outboxOf(thread))[0]?.attempts ?? 0) >= 1, 'no attempt was made while the server was down');
    expect(await storedCount(thread)).to.equal(0);
    await network('proxy-up');
    await waitUntil(() => deliveryOf(widget).join() === 'sent', 'the retry never delivered it', { timeout: 8000 });
    expect(events).to.deep.equal(['chime-queued', 'chime-delivered', 'chime-posted']);
    expect(headingText(widget)).to.equal('Comments (1)');
    expect((await storedComments(thread)).map((c) => c.body)).to.deep.equal(['Written on a train']);
  });

  it('sends at once when the browser reports the connection is back (online event), before the backoff is due', async () => {
    const thread = newThread();
    const { widget, frame } = await openTab(thread);
    await waitUntil(() => headingText(widget) === 'Comments (0)', 'never loaded');
    await network('proxy-down');
    await post(widget, 'Back online');
    // Two refused attempts: the next retry is at least 1 s away.
    await waitUntil(async () => ((await outboxOf(thread))[0]?.attempts ?? 0) >= 2, 'the outbox did not retry');
    const [{ retryAt }] = await outboxOf(thread);
    await network('proxy-up');
    frame.contentWindow!.dispatchEvent(new Event('online'));
    await waitUntil(() => deliveryOf(widget).join() === 'sent', 'not sent when the connection came back');
    expect(Date.now()).to.be.below(retryAt, 'delivered by the backoff, not by the online event');
    expect(await storedCount(thread)).to.equal(1);
  });

  it('keeps a pending comment across a reload and delivers it from the new page', async () => {
    const thread = newThread();
    const first = await openTab(thread);
    await waitUntil(() => headingText(first.widget), 'never loaded');
    await network('proxy-down');
    await post(first.widget, 'Do not lose me');
    await waitUntil(() => deliveryOf(first.widget).join() === 'pending', 'not pending');
    first.frame.remove();

    await network('proxy-up');
    const { widget } = await openTab(thread);
    await waitUntil(() => texts(widget).join() === 'Do not lose me' && deliveryOf(widget).join() === 'sent', 'the reloaded page did not deliver it');
    expect((await storedComments(thread)).map((c) => c.body)).to.deep.equal(['Do not lose me']);
    expect(await outboxOf(thread)).to.deep.equal([]);
  });

  it('stores a comment exactly once when the answer is lost and the outbox retries', async () => {
    const thread = newThread();
    const { widget } = await openTab(thread);
    await waitUntil(() => headingText(widget), 'never loaded');
    await network('proxy-drop-next-post-response');
    const before = await proxyStats();
    const queued = oneEvent(widget, 'chime-queued');
    await post(widget, 'Once only');
    await queued;
    // The server stored it and answered; the reader's connection was cut before the answer.
    expect((await proxyStats()).dropped - before.dropped).to.equal(1);
    expect(deliveryOf(widget)).to.deep.equal(['pending']);
    expect(await storedCount(thread)).to.equal(1);
    await waitUntil(() => deliveryOf(widget).join() === 'sent', 'the retry never completed', { timeout: 8000 });
    const after = await proxyStats();
    expect(after.posts - before.posts).to.equal(2);
    const stored = await storedComments(thread);
    expect(stored.map((c) => c.body)).to.deep.equal(['Once only']);
    expect(await storedCount(thread)).to.equal(1);
    expect(texts(widget)).to.deep.equal(['Once only']);
    expect(renderedComments(widget)[0].id).to.equal(`comment-${stored[0].id}`);
  });

  it('keeps a comment written before the code that sends it came, and sends it once that code can be fetched', async () => {
    const thread = newThread();
    const { widget } = await openTab(thread);
    await waitUntil(() => headingText(widget) === 'Comments (0)', 'never loaded');
    // A reader who has only read has not fetched the outbox's delivery (its own chunk); then the network goes.
    await executeServerCommand('cdp-block', { urls: ['*chime-outbox-delivery-*'] });
    try {
      await network('proxy-down');
      const queued = oneEvent(widget, 'chime-queued');
      await post(widget, 'Written before the code came');
      expect((await queued).detail.comment.body).to.equal('Written before the code came');
      expect(deliveryOf(widget)).to.deep.equal(['pending']);
      expect((await outboxOf(thread)).map((e) => e.input.body)).to.deep.equal(['Written before the code came']);
      await waitUntil(() => !formOf(widget)!.sending && !formOf(widget)!.draft.body, 'the form was not freed for the next comment');
    } finally {
      await executeServerCommand('cdp-block', { urls: [] });
    }
    await network('proxy-up');
    await waitUntil(() => deliveryOf(widget).join() === 'sent', 'never sent once its code could be fetched', { timeout: 8000 });
    expect((await storedComments(thread)).map((c) => c.body)).to.deep.equal(['Written before the code came']);
    expect(await outboxOf(thread)).to.deep.equal([]);
  });

  it('keeps a refused comment visible with the reason, to edit and send again or to discard', async () => {
    const thread = newThread();
    const { widget } = await openTab(thread);
    await waitUntil(() => headingText(widget), 'never loaded');
    const events = eventsOf(widget, 'chime-rejected', 'chime-error');
    // Written offline; the author closes the thread meanwhile; the retry is refused for good.
    await network('proxy-down');
    await post(widget, 'Too late');
    await waitUntil(() => deliveryOf(widget).join() === 'pending', 'not pending');
    await setClosed(thread, true);
    await network('proxy-up');
    await waitUntil(() => deliveryOf(widget).join() === 'rejected', 'not marked as not sent', { timeout: 8000 });
    const item = renderedComments(widget)[0];
    expect(item.querySelector('.delivery p')!.textContent).to.equal('Not sent: Comments are closed.');
    expect(events).to.deep.equal(['chime-rejected', 'chime-error']);

    await setClosed(thread, false);
    item.querySelector('details')!.open = true;
    item.querySelector('textarea')!.value = 'Too late, but edited';
    item.querySelector<HTMLButtonElement>('details button')!.click();
    await waitUntil(() => deliveryOf(widget).join() === 'sent', 'the edited comment was not sent');
    expect(texts(widget)).to.deep.equal(['Too late, but edited']);

    // The server's own rule, which the form does not check: no control characters but tabs and line
    // breaks. (Too many links no longer refuse a comment: the server holds it for approval.)
    await post(widget, 'A bell \u0007 rings');
    await waitUntil(() => deliveryOf(widget).join() === 'sent,rejected', 'not refused');
    expect(renderedComments(widget)[1].querySelector('.delivery p')!.textContent).to.equal(
      'Not sent: This text cannot be posted as it is. Please change it.',
    );
    renderedComments(widget)[1].querySelector<HTMLButtonElement>('.delivery > button')!.click();
    await waitUntil(() => renderedComments(widget).length === 1, 'not discarded');
    expect(await outboxOf(thread)).to.deep.equal([]);
    const reloaded = await openTab(thread);
    await waitUntil(() => headingText(reloaded.widget) === 'Comments (1)', 'never loaded');
    expect(texts(reloaded.widget)).to.deep.equal(['Too late, but edited']);
    expect((await storedComments(thread)).map((c) => c.body)).to.deep.equal(['Too late, but edited']);
  });

  it('restores the text being typed after a reload, and forgets it once the comment is sent', async () => {
    const thread = newThread();
    const first = await openTab(thread);
    await waitUntil(() => formOf(first.widget)?.shadowRoot?.querySelector('textarea'), 'no form');
    await fill(formOf(first.widget)!, { name: 'Ada', body: 'Half a thought' });
    await waitUntil(
      async () => ((await savedOffline()).get(`draft:${thread}`) as { body?: string } | undefined)?.body === 'Half a thought',
      'the draft was never saved',
    );
    first.frame.remove();

    const second = await openTab(thread);
    await waitUntil(() => formOf(second.widget)?.draft?.body === 'Half a thought', 'the draft was not restored');
    expect(shadow(formOf(second.widget)!).querySelector('textarea')!.value).to.equal('Half a thought');
    submit(formOf(second.widget)!);
    await waitUntil(() => deliveryOf(second.widget).join() === 'sent', 'not sent');
    await waitUntil(async () => !(await savedOffline()).has(`draft:${thread}`), 'the draft was not cleared');
    second.frame.remove();

    // Longer than the draft debounce (300 ms): a save still waiting would (wrongly) have happened.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await savedOffline()).has(`draft:${thread}`)).to.equal(false);
    const third = await openTab(thread);
    await waitUntil(
      () => headingText(third.widget) === 'Comments (1)' && formOf(third.widget)?.shadowRoot?.querySelector('textarea'),
      'never loaded',
    );
    expect(formOf(third.widget)!.draft.body).to.equal('');
  });

  it('lets tabs share the outbox: one delivery, every tab shows the comment', async () => {
    const thread = newThread();
    const a = await openTab(thread);
    const b = await openTab(thread);
    await waitUntil(() => headingText(a.widget) && headingText(b.widget), 'never loaded');
    await network('proxy-down');
    await post(a.widget, 'Seen in every tab');
    await waitUntil(
      () => deliveryOf(a.widget).join() === 'pending' && deliveryOf(b.widget).join() === 'pending',
      'the other tab did not show it pending',
    );
    const before = await proxyStats();
    // A slow server keeps one tab's request in flight while the others want to send the same entry:
    // two new tabs flush on load, and the first tab's retry comes due.
    await network('proxy-delay-posts', { ms: 300 });
    await network('proxy-up');
    const [c, d] = await Promise.all([openTab(thread), openTab(thread)]);
    const tabs = [a, b, c, d].map((tab) => tab.widget);
    await waitUntil(
      () => tabs.every((w) => texts(w).join() === 'Seen in every tab' && deliveryOf(w).join() === 'sent'),
      'not shown as sent in every tab',
      { timeout: 8000 },
    );
    // Nothing is left to send and nothing is on its way: the count of POSTs is final.
    await waitUntil(async () => (await outboxOf(thread)).length === 0 && (await proxyStats()).postsInFlight === 0, 'the outbox never emptied');
    expect((await proxyStats()).posts - before.posts).to.equal(1);
    expect(await storedCount(thread)).to.equal(1);
  });

  it('writes nothing to IndexedDB with offline-cache="off"', async () => {
    const thread = newThread();
    const { widget } = await openTab(thread, { 'offline-cache': 'off' });
    await waitUntil(() => headingText(widget) === 'Comments (0)', 'never loaded');
    await post(widget, 'Not kept on this device');
    await waitUntil(() => deliveryOf(widget).join() === 'sent', 'not sent');
    await fill(formOf(widget)!, { body: 'A draft' });
    // Longer than the draft debounce, so a draft save would have happened.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect([...(await savedOffline()).keys()]).to.deep.equal([]);
    expect(await storedCount(thread)).to.equal(1);
  });
});
