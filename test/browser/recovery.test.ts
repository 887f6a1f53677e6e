import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { ChimeComments } from '../../src/components/chime-comments.js';
import { buttonOf, commentById, headingText, renderedComments, shadow, typeInto } from './helpers.js';
import {
  api,
  asAdmin,
  at,
  deliveryOf,
  network,
  newThread,
  openTab,
  post,
  postElsewhere,
  savedThread,
  storedComments,
  texts,
  useServer,
  waitUntil,
} from './tabs.js';

// The saved thread is what the reader last saw, outages end by themselves, and a second visit
// paints from the device without the thread ever shrinking: the built widget in tabs, against
// the reference server through a real network (tabs.ts).

/** What a reader sees of a thread: heading, and each comment's text, marks and reactions. */
function seen(widget: ChimeComments) {
  return {
    heading: headingText(widget),
    comments: renderedComments(widget).map((li) => ({
      id: li.id,
      text: li.querySelector(':scope > article .body')?.textContent!.trim() ?? li.querySelector('.deleted')?.textContent,
      edited: Boolean(li.querySelector(':scope > article .edited')),
      delivery: li.dataset.delivery ?? 'sent',
      reactions: [...li.querySelectorAll(':scope > article .reaction')].map(
        (b) => `${b.textContent!.replace(/\s+/g, ' ').trim()} ${b.getAttribute('aria-pressed')}`,
      ),
    })),
  };
}

/** Waits until the saved copy holds exactly the comments on screen (it is written a moment after a change). */
async function savedAsShown(thread: string, widget: ChimeComments): Promise<void> {
  const shown = () => renderedComments(widget).map((li) => li.id.slice('comment-'.length));
  await waitUntil(async () => {
    const saved = await savedThread(thread);
    const ids = saved?.comments.filter((c) => !c.deleted || saved.comments.some((r) => r.parentId === c.id)).map((c) => c.id) ?? [];
    return ids.sort().join() === shown().sort().join() && saved?.thread.count === Number(/\d+/.exec(headingText(widget) ?? '')?.[0]);
  }, 'the saved copy never caught up with the screen');
  // Written at the end of a burst: let the last write land.
  await new Promise((resolve) => setTimeout(resolve, 400));
}

/** Reloads with the storage unreachable: what shows is the saved copy. */
async function reloadOffline(thread: string): Promise<ChimeComments> {
  await network('proxy-down');
  const { widget } = await openTab(thread);
  await waitUntil(() => shadow(widget).querySelector('[part=offline]'), 'the saved thread did not show offline');
  await waitUntil(() => renderedComments(widget).length, 'no comments');
  return widget;
}

describe('the saved thread is what the reader last saw', function () {
  this.timeout(30000);
  useServer();

  it('keeps edits, deletions and reactions, the reader’s and live ones from others, for a reload with the storage unreachable', async () => {
    const thread = newThread('saved');
    const [first, second, third] = [
      await postElsewhere(thread, 'First'),
      await postElsewhere(thread, 'Second'),
      await postElsewhere(thread, 'Third'),
    ];
    const { widget, frame } = await openTab(thread);
    frame.contentWindow!.confirm = () => true;
    await waitUntil(() => texts(widget).join() === 'First,Second,Third', 'never loaded');
    await new Promise((resolve) => setTimeout(resolve, 500)); // the event stream listens

    // The reader: a comment, then an edit of it; another one deleted; a reaction.
    await post(widget, 'Mine');
    await waitUntil(() => deliveryOf(widget).join() === 'sent,sent,sent,sent', 'never sent');
    await post(widget, 'Going away');
    await waitUntil(() => texts(widget).includes('Going away') && deliveryOf(widget).every((d) => d === 'sent'), 'never sent');
    const mine = renderedComments(widget).find((li) => li.textContent!.includes('Mine'))!;
    buttonOf(mine, 'Edit')!.click();
    await waitUntil(() => mine.querySelector('textarea'), 'no edit box');
    typeInto(mine.querySelector('textarea')!, 'Mine, edited');
    buttonOf(mine, 'Save')!.click();
    const going = renderedComments(widget).find((li) => li.textContent!.includes('Going away'))!;
    buttonOf(going, 'Delete')!.click();
    buttonOf(commentById(widget, first.comment.id)!, /👍/)!.click();
    await waitUntil(
      () => texts(widget).join() === 'First,Second,Third,Mine, edited' && seen(widget).comments[0].reactions[0] === '👍 Like 1 true',
      "the reader's changes never all showed",
    );
    await savedAsShown(thread, widget);
    // Then others, live, with nothing else happening: an edit and a deletion.
    await api(`/api/comments/${second.comment.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', 'x-chime-edit-token': second.editToken },
      body: JSON.stringify({ body: 'Second, edited by its writer' }),
    });
    await api(`/api/comments/${third.comment.id}`, { method: 'DELETE', headers: { 'x-chime-edit-token': third.editToken } });
    await waitUntil(() => texts(widget).join() === 'First,Second, edited by its writer,Mine, edited', 'the live changes never showed');
    const before = seen(widget);
    expect(before.heading).to.equal('Comments (3)');
    await savedAsShown(thread, widget);

    const offline = await reloadOffline(thread);
    expect(seen(offline)).to.deep.equal(before);
  });
});

describe('a comment approved by a moderator', function () {
  this.timeout(30000);
  useServer({ CHIME_MODERATION: 'all' });

  it('is saved as approved, live, for the next visit', async () => {
    const thread = newThread('approved');
    const { widget } = await openTab(thread);
    await waitUntil(() => headingText(widget) === 'Comments (0)', 'never loaded');
    await new Promise((resolve) => setTimeout(resolve, 500)); // the event stream listens
    await post(widget, 'Waiting for a moderator');
    await waitUntil(() => deliveryOf(widget).join() === 'moderation', 'not awaiting approval');
    const { comments: queue } = (await asAdmin('GET', '/api/admin/queue')) as { comments: Array<{ id: string }> };
    const [{ id }] = queue;
    await asAdmin('PATCH', `/api/admin/comments/${id}`, { status: 'published' });
    await waitUntil(() => deliveryOf(widget).join() === 'sent' && headingText(widget) === 'Comments (1)', 'the approval never showed');
    const before = seen(widget);
    await savedAsShown(thread, widget);
    expect(seen(await reloadOffline(thread))).to.deep.equal(before);
  });
});

describe('an outage of the comment server ends by itself', function () {
  this.timeout(60000);
  useServer();

  it('when the server is killed and restarted while the browser stays online: the banner goes, the thread and live updates come back, the pending comment is delivered', async () => {
    const thread = newThread('outage');
    await postElsewhere(thread, 'Before the outage');
    const first = await openTab(thread);
    await waitUntil(() => texts(first.widget).join() === 'Before the outage', 'never loaded');
    await savedAsShown(thread, first.widget);
    first.frame.remove();

    await executeServerCommand('chime-server-kill', { url: at.server });
    const { widget, frame } = await openTab(thread);
    let online = 0;
    frame.contentWindow!.addEventListener('online', () => online++);
    await waitUntil(() => shadow(widget).querySelector('[part=offline]'), 'no offline notice while the server is down');
    expect(texts(widget)).to.deep.equal(['Before the outage']);
    await post(widget, 'Written during the outage');
    await waitUntil(() => deliveryOf(widget).join() === 'sent,pending', 'not pending');

    await executeServerCommand('chime-server-restart', { url: at.server });
    await postElsewhere(thread, 'Posted after the restart');
    await waitUntil(
      () =>
        !shadow(widget).querySelector('[part=offline]') &&
        texts(widget).includes('Posted after the restart') &&
        deliveryOf(widget).every((d) => d === 'sent'),
      'the widget did not come back by itself',
      // The server takes a few seconds to start again, the widget's tries come further and further apart.
      { timeout: 30000 },
    );
    expect(online, 'no online event: the browser never went offline').to.equal(0);
    expect(texts(widget)).to.have.members(['Before the outage', 'Written during the outage', 'Posted after the restart']);
    expect((await storedComments(thread)).map((c) => c.body)).to.have.members([
      'Before the outage',
      'Written during the outage',
      'Posted after the restart',
    ]);

    // Live updates again: a comment from elsewhere is offered.
    await postElsewhere(thread, 'Live after the restart');
    await waitUntil(
      () => shadow(widget).querySelector('[part=new-comments]')?.textContent!.trim() === '1 new comment',
      'no live updates after the outage',
      {
        timeout: 10000,
      },
    );
  });
});

describe('a second visit paints from the device', function () {
  this.timeout(30000);
  useServer();

  it('shows every comment seen before while the server is slow, then confirms them page by page without shrinking the thread', async () => {
    const thread = newThread('second');
    const posted = [];
    for (const n of [1, 2, 3, 4, 5, 6, 7]) posted.push(await postElsewhere(thread, `Comment ${n}`));
    const first = await openTab(thread, { 'page-size': '2' });
    const loadMore = () => shadow(first.widget).querySelector<HTMLButtonElement>('[part=load-more]');
    while (texts(first.widget).length < 7) {
      await waitUntil(() => loadMore() && !loadMore()!.disabled, 'no Load more');
      const shown = texts(first.widget).length;
      loadMore()!.click();
      await waitUntil(() => texts(first.widget).length > shown, 'Load more did nothing');
    }
    await savedAsShown(thread, first.widget);
    first.frame.remove();

    // Meanwhile a comment is deleted and another one posted.
    await asAdmin('DELETE', `/api/admin/comments/${posted[4].comment.id}`);
    await postElsewhere(thread, 'Comment 8');
    await network('proxy-hold-lists');
    const { widget } = await openTab(thread, { 'page-size': '2' });
    await waitUntil(() => texts(widget).length === 7, 'the saved thread did not show while the server held its answer');
    expect(texts(widget)).to.deep.equal(['Comment 1', 'Comment 2', 'Comment 3', 'Comment 4', 'Comment 5', 'Comment 6', 'Comment 7']);
    const items = renderedComments(widget);
    let fewest = Infinity;
    const watch = setInterval(() => (fewest = Math.min(fewest, texts(widget).length)), 5);
    await network('proxy-release');
    await waitUntil(
      () => texts(widget).join() === 'Comment 1,Comment 2,Comment 3,Comment 4,Comment 6,Comment 7,Comment 8',
      'the saved thread was not confirmed',
    );
    clearInterval(watch);
    expect(fewest, 'the thread shrank while it was confirmed').to.be.at.least(7);
    expect(headingText(widget)).to.equal('Comments (7)');
    expect(renderedComments(widget)[0]).to.equal(items[0], 'a saved comment was drawn again instead of kept');
    expect(shadow(widget).querySelector('[part=load-more]')).to.be.null;
  });
});
