import assert from 'node:assert/strict';
import { afterEach, beforeEach, it } from 'node:test';
import type { PostResult } from 'chime-comments/protocol';
import { ADMIN, eachBackend, newComment, type Instance } from './helpers/backends.ts';
import { header, MailServer, until } from './helpers/mail.ts';
import { follow, link, mailEnv, sending, SITE } from './helpers/notify.ts';

let mail: MailServer;
beforeEach(async () => {
  mail = await new MailServer().start();
});
afterEach(() => mail.stop());

const ANN = 'ann@example.org';
const BOB = { name: 'Bob Answers', email: 'bob@example.net' };

/** Posts and returns the stored comment. */
async function post(i: Instance, input: Record<string, unknown>, headers: Record<string, string> = {}) {
  const res = await i.send('POST', '/api/comments', newComment(input), headers);
  // 202: stored, held for approval.
  assert.ok(res.status === 201 || res.status === 202, `${res.status} ${await res.clone().text()}`);
  return ((await res.json()) as PostResult).comment;
}

eachBackend('notifications: replies to commenters', (db) => {
  it('asks an address to confirm first, emails replies only once confirmed, and never the replier about their own', async () => {
    // No owner emails here: only what commenters get.
    const i = await sending(db, mailEnv(mail, { CHIME_OWNER_NOTIFY: 'off' }));
    const ann = await post(i, {
      author: { name: 'Ann Reader', email: 'Ann@Example.org' },
      body: 'Tell me when someone answers.',
      notifyReplies: true,
    });

    await until('the confirmation', () => mail.received.length === 1);
    const confirmation = mail.received[0]!;
    assert.deepEqual([confirmation.to].flat()[0]!.value[0]!.address, ANN);
    assert.equal(confirmation.subject, '[blog.example] Confirm: email me replies');
    assert.match(confirmation.text!, /commented on blog\.example as “Ann Reader”/);
    assert.equal(header(confirmation, 'List-Unsubscribe-Post'), 'List-Unsubscribe=One-Click');

    // A reply before Ann confirmed: nothing for her.
    await post(i, { parentId: ann.id, author: BOB, body: 'Too early.' });
    await i.service.notify.pass();
    assert.equal(mail.received.length, 1);

    const confirm = link(confirmation, 'Yes, email me replies');
    assert.match((await follow(i, confirm)).html, /<button>Yes, email me replies<\/button>/);
    assert.match((await follow(i, confirm, 'POST', {})).html, /<h1>Subscribed<\/h1>/);

    const reply = await post(i, { parentId: ann.id, author: BOB, body: 'Here is *my* answer.' });
    await until('the reply email', () => mail.received.length === 2);
    const email = mail.received[1]!;
    assert.equal(email.subject, '[blog.example] Bob Answers replied to your comment');
    assert.match(email.text!, /> Tell me when someone answers\./);
    assert.match(email.text!, /Here is \*my\* answer\./);
    assert.match(email.html as string, /Here is <em>my<\/em> answer\./);
    assert.equal(link(email, 'Read and answer'), `${SITE}/2006/03/suggest-a-topic#comment-${reply.id}`);
    assert.ok(!email.text!.includes('bob@example.net'), "the replier's email is not given away");
    assert.match(header(email, 'List-Unsubscribe')!, /^<https:\/\/comments\.blog\.example\/api\/notify\/link\?t=/);

    // Ann answering in her own thread, and replies to comments of someone who did not ask: nothing.
    await post(i, { parentId: ann.id, author: { name: 'Ann Reader', email: ANN }, body: 'Thanks!' });
    const bob = await post(i, { author: BOB, body: 'No emails for me.' });
    await post(i, { parentId: bob.id, author: { name: 'Cy' }, body: 'Hi Bob.' });
    // A confirmed address commenting again is not asked again.
    await post(i, { author: { name: 'Ann Reader', email: ANN }, body: 'Again.', notifyReplies: true });
    await i.service.notify.pass();
    assert.equal(mail.received.length, 2);

    // Unsubscribing from the reply email stops them.
    await follow(i, link(email, 'Unsubscribe'), 'POST', { 'List-Unsubscribe': 'One-Click' });
    await post(i, { parentId: ann.id, author: BOB, body: 'One more.' });
    await i.service.notify.pass();
    assert.equal(mail.received.length, 2);
  });

  it('emails a reply that waited for approval once it is approved, once', async () => {
    const i = await sending(db, mailEnv(mail, { CHIME_OWNER_NOTIFY: 'off', CHIME_MODERATION: 'all' }));
    const ann = await post(i, { author: { name: 'Ann', email: ANN }, body: 'Question?' }, ADMIN);
    await i.storage.notify.setAddressState(ANN, 'confirmed', Date.now());
    await i.storage.notify.subscribe(ann.id, ANN, Date.now());
    const reply = await post(i, { parentId: ann.id, author: BOB, body: 'Held answer.' });
    await i.service.notify.pass();
    assert.equal(mail.received.length, 0, 'nothing while the reply waits for approval');
    await i.send('PATCH', `/api/admin/comments/${reply.id}`, { status: 'published' }, ADMIN);
    await until('the reply email', () => mail.received.length === 1);
    assert.match(mail.received[0]!.text!, /Held answer\./);
    // Hidden and approved again: no second email.
    await i.send('PATCH', `/api/admin/comments/${reply.id}`, { status: 'hidden' }, ADMIN);
    await i.send('PATCH', `/api/admin/comments/${reply.id}`, { status: 'published' }, ADMIN);
    await i.service.notify.pass();
    assert.equal(mail.received.length, 1);
  });

  it("sends someone else's address one confirmation a day at most, and none once it unsubscribed", async () => {
    const i = await sending(db, mailEnv(mail, { CHIME_OWNER_NOTIFY: 'off' }));
    const victim = { name: 'Mallory', email: 'victim@example.com' };
    for (let n = 0; n < 5; n++) await post(i, { author: victim, body: `Sign them up ${n}`, notifyReplies: true });
    await until('a confirmation', () => mail.received.length === 1);
    await i.service.notify.pass();
    assert.equal(mail.to('victim@example.com').length, 1);

    // The holder of the address says no: no confirmation ever again, however often it is entered.
    await follow(i, link(mail.received[0]!, 'Unsubscribe'), 'POST', { 'List-Unsubscribe': 'One-Click' });
    assert.equal(await i.storage.notify.addressState('victim@example.com'), 'unsubscribed');
    // A day later, the next attempt would be allowed for a pending address; not for this one.
    await i.storage.notify.askToConfirm('someone@example.com', Date.now() - 2 * 86_400_000, 0);
    await post(i, { author: victim, body: 'Again', notifyReplies: true });
    await post(i, { author: { name: 'S', email: 'someone@example.com' }, body: 'Pending for two days', notifyReplies: true });
    await until('the second address asked again', () => mail.to('someone@example.com').length === 1);
    await i.service.notify.pass();
    assert.equal(mail.to('victim@example.com').length, 1);
  });

  it('forgets subscriptions of deleted comments and addresses that were never confirmed', async () => {
    const i = await sending(db, mailEnv(mail, { CHIME_OWNER_NOTIFY: 'off' }));
    const res = await i.send('POST', '/api/comments', newComment({ author: { name: 'Ann', email: ANN }, notifyReplies: true }));
    const { comment, editToken } = (await res.json()) as PostResult;
    await until('the confirmation', () => mail.received.length === 1);
    assert.equal(await i.storage.notify.subscriber(comment.id), ANN);
    await i.send('DELETE', `/api/comments/${comment.id}`, undefined, { 'x-chime-edit-token': editToken! });
    await i.storage.notify.purge(Date.now() - 60_000);
    assert.equal(await i.storage.notify.subscriber(comment.id), null);
    assert.equal(await i.storage.notify.addressState(ANN), 'pending', 'asked a minute ago: kept');
    await i.storage.notify.purge(Date.now() + 1);
    assert.equal(await i.storage.notify.addressState(ANN), null);
  });

  it('refuses notifyReplies without an email, and ignores it where reply emails are off', async () => {
    const i = await sending(db, mailEnv(mail, { CHIME_OWNER_NOTIFY: 'off', CHIME_REPLY_EMAILS: '0' }));
    const res = await i.send('POST', '/api/comments', newComment({ author: { name: 'Ann' }, notifyReplies: true }));
    assert.equal(res.status, 422);
    assert.deepEqual(((await res.json()) as { error: { field: string } }).error.field, 'author.email');
    assert.equal((await i.send('POST', '/api/comments', newComment({ notifyReplies: 'yes' }))).status, 422);
    await post(i, { author: { name: 'Ann', email: ANN }, body: 'Hi', notifyReplies: true });
    await i.service.notify.pass();
    assert.equal(mail.received.length, 0);
    assert.equal(await i.storage.notify.addressState(ANN), null);
  });
});
