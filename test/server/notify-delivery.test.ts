import assert from 'node:assert/strict';
import { createServer, type Socket } from 'node:net';
import { afterEach, beforeEach, it } from 'node:test';
import { digestSlot } from '../../server/notify/digest.ts';
import { ADMIN, eachBackend, newComment } from './helpers/backends.ts';
import { MailServer, until } from './helpers/mail.ts';
import { follow, link, mailEnv, sending } from './helpers/notify.ts';

let mail: MailServer;
beforeEach(async () => {
  mail = await new MailServer().start();
});
afterEach(() => mail.stop());

const DAY = 86_400_000;

it('finds the digest that is due: the last HH:MM UTC at or before now', () => {
  const at = Date.UTC(2024, 4, 10, 8, 0);
  assert.equal(digestSlot(at, 8 * 60), at);
  assert.equal(digestSlot(at - 1, 8 * 60), at - DAY);
  assert.equal(digestSlot(Date.UTC(2024, 4, 10, 23, 59), 8 * 60), at);
  assert.equal(digestSlot(Date.UTC(2024, 4, 11, 0, 10), 0), Date.UTC(2024, 4, 11, 0, 0));
});

eachBackend('notifications: digest and delivery', (db) => {
  it('gathers the comments of a day into one digest, sent once whichever instances schedule it', async () => {
    const env = mailEnv(mail, { CHIME_OWNER_NOTIFY: 'digest', CHIME_DIGEST_AT: '06:30', CHIME_MODERATION: 'all' });
    const i = await sending(db, env);
    const other = await db.open(env);
    const posted = [];
    for (const body of ['First of the day.', 'Second, with a <b>tag</b>.', 'Third.']) posted.push(newComment({ body }));
    for (const input of posted) await i.send('POST', '/api/comments', input);
    await i.send('PATCH', `/api/admin/comments/${posted[0]!.id}`, { status: 'published' }, ADMIN);
    await i.service.notify.pass();
    assert.equal(mail.received.length, 0, 'nothing before the digest is due');

    const tomorrow = Date.now() + DAY;
    await i.service.notify.scheduleDigest(tomorrow);
    await other.service.notify.scheduleDigest(tomorrow);
    await i.service.notify.pass();
    await other.service.notify.pass();
    assert.equal(mail.received.length, 1);
    const digest = mail.received[0]!;
    assert.equal(digest.subject, '[blog.example] 3 new comments (2 awaiting approval)');
    for (const input of posted) assert.ok(digest.text!.includes(input.body as string));
    assert.match(digest.html as string, /Second, with a &lt;b&gt;tag&lt;\/b&gt;\./);
    assert.equal(digest.text!.match(/^Approve: /gm)?.length, 2);
    assert.equal(digest.text!.match(/^Delete: /gm)?.length, 3);
    // Its approve links work like the single emails'.
    assert.equal((await follow(i, link(digest, 'Approve'), 'POST', {})).status, 200);

    // The next day's digest has only what came after.
    await i.service.notify.scheduleDigest(tomorrow + DAY);
    await i.service.notify.pass();
    assert.equal(mail.received.length, 1, 'no digest of nothing');
    await i.send('POST', '/api/comments', newComment({ body: 'The day after.' }));
    await i.service.notify.scheduleDigest(tomorrow + 2 * DAY);
    await i.service.notify.pass();
    assert.equal(mail.received.length, 2);
    assert.equal(mail.received[1]!.subject, '[blog.example] 1 new comment (1 awaiting approval)');
    assert.ok(!mail.received[1]!.text!.includes('First of the day.'));
  });

  it('tries again after the mail server refused for now, and gives up at once when it refused for good', async () => {
    const i = await sending(db, mailEnv(mail));
    mail.refuse = [451, 421];
    await i.send('POST', '/api/comments', newComment({ body: 'Third time lucky.' }));
    await until('delivery after two refusals', () => mail.received.length === 1);
    assert.equal(mail.attempts, 3);

    mail.refuse = [550];
    await i.send('POST', '/api/comments', newComment({ body: 'No such mailbox.' }));
    await until('the notification given up', () => mail.attempts === 4);
    await i.service.notify.pass();
    assert.deepEqual(await i.storage.notify.backlog(), { waiting: 0, failed: 1 });
    // Had it been tried again, this attempt would have been accepted.
    assert.equal(mail.attempts, 4);
    assert.equal(mail.received.length, 1);
  });

  it('never makes a post wait for the mail server, and delivers once it is back', async () => {
    const i = await sending(db, mailEnv(mail));
    await mail.stop();
    const started = Date.now();
    const res = await i.send('POST', '/api/comments', newComment({ body: 'While the mail server is down.' }));
    assert.equal(res.status, 201);
    await i.service.notify.pass();
    await i.service.notify.pass();
    await mail.start();
    await until('delivery once the server is back', () => mail.received.length === 1);
    assert.match(mail.received[0]!.text!, /While the mail server is down\./);
    assert.ok(Date.now() - started < 20_000);
  });

  it('answers posts at once while the mail server holds the connection without a word', async () => {
    // Accepts connections and never greets: the SMTP client waits for its greeting timeout.
    const sockets: Socket[] = [];
    const silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    try {
      const i = await sending(db, mailEnv(mail, { CHIME_SMTP_URL: `smtp://127.0.0.1:${port}` }));
      await i.send('POST', '/api/comments', newComment());
      await until('the first connection', () => sockets.length === 1);
      const started = Date.now();
      for (let n = 0; n < 3; n++) assert.equal((await i.send('POST', '/api/comments', newComment())).status, 201);
      assert.ok(Date.now() - started < 2000, `posts took ${Date.now() - started} ms`);
      assert.equal((await i.storage.notify.backlog()).waiting, 4);
    } finally {
      sockets.forEach((s) => s.destroy());
      silent.close();
    }
  });

  it('loses nothing when the server stops before sending: the next one sends it', async () => {
    const first = await db.open(mailEnv(mail));
    await first.send('POST', '/api/comments', newComment({ body: 'Posted just before a restart.' }));
    await first.close();
    assert.equal(mail.received.length, 0);
    await sending(db, mailEnv(mail));
    await until('delivery after the restart', () => mail.received.length === 1);
    assert.match(mail.received[0]!.text!, /Posted just before a restart\./);
  });
});
