import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, it } from 'node:test';
import { eachBackend, newComment, THREAD } from './helpers/backends.ts';
import { MailServer, until, WebhookReceiver } from './helpers/mail.ts';
import { mailEnv, sending, SITE } from './helpers/notify.ts';

let hook: WebhookReceiver;
let spare: WebhookReceiver;
beforeEach(async () => {
  [hook, spare] = await Promise.all([new WebhookReceiver().start(), new WebhookReceiver().start()]);
});
afterEach(() => Promise.all([hook.stop(), spare.stop()]));

const env = (extra: Record<string, string> = {}) => ({
  CHIME_WEBHOOK_URLS: `${hook.url}, ${spare.url}`,
  CHIME_WEBHOOK_SECRET: 'hook-secret',
  CHIME_SITE_URL: SITE,
  CHIME_NOTIFY_POLL: '0.05',
  CHIME_NOTIFY_RETRY: '0.05',
  ...extra,
});

eachBackend('notifications: webhooks', (db) => {
  it('posts each new comment to every webhook as Slack-compatible JSON, signed', async () => {
    const i = await sending(db, env({ CHIME_MODERATION: 'all' }));
    const input = newComment({ author: { name: 'Ann <Admin> & Co', email: 'ann@example.org' }, body: 'Look: <!channel> *bold*' });
    // Held for approval: 202.
    assert.equal((await i.send('POST', '/api/comments', input)).status, 202);
    await until('both webhooks', () => hook.received.length === 1 && spare.received.length === 1);
    const [{ headers, body }] = hook.received as [(typeof hook.received)[0]];
    assert.equal(headers['content-type'], 'application/json');
    assert.equal(headers['x-chime-event'], 'comment.created');
    assert.equal(headers['x-chime-signature'], `sha256=${createHmac('sha256', 'hook-secret').update(body).digest('hex')}`);
    const json = JSON.parse(body) as { text: string; event: string; comment: Record<string, unknown> };
    const url = `${SITE}${THREAD}#comment-${input.id}`;
    // Slack's text: its three markup characters escaped, so a reader cannot ping the channel or forge links.
    assert.equal(json.text, `*Ann &lt;Admin&gt; &amp; Co* commented on <${url}|${THREAD}> (awaiting approval):\n>Look: &lt;!channel&gt; *bold*`);
    assert.equal(json.event, 'comment.created');
    assert.deepEqual(json.comment, {
      id: input.id,
      threadId: THREAD,
      parentId: null,
      number: json.comment.number,
      author: { name: 'Ann <Admin> & Co', website: null },
      body: 'Look: <!channel> *bold*',
      status: 'pending',
      createdAt: json.comment.createdAt,
      url,
    });
    assert.ok(!body.includes('ann@example.org'), 'no email address goes to a channel');
    assert.equal(JSON.parse(spare.received[0]!.body).comment.id, input.id);
  });

  it('retries a failing receiver with backoff, delivers once, and gives up on one that is gone', async () => {
    const i = await sending(db, env());
    hook.statuses = [503, 500, 429];
    spare.statuses = [410];
    await i.send('POST', '/api/comments', newComment());
    await until('delivery after three failures', () => hook.received.length === 4);
    await until('the gone one tried', () => spare.received.length === 1);
    await i.service.notify.pass();
    await i.service.notify.pass();
    assert.equal(hook.received.length, 4);
    assert.equal(spare.received.length, 1);
    assert.deepEqual(await i.storage.notify.backlog(), { waiting: 0, failed: 1 });
  });

  it('sends email and webhooks side by side: a failing webhook does not hold the email', async () => {
    const mail = await new MailServer().start();
    try {
      const i = await sending(db, { ...mailEnv(mail), ...env() });
      hook.statuses = Array(1000).fill(500);
      const res = await i.send('POST', '/api/comments', newComment());
      assert.equal(res.status, 201);
      await until('the email, and the webhook tried again and again', () => mail.received.length === 1 && hook.received.length >= 3);
      assert.equal(mail.received.length, 1);
    } finally {
      await mail.stop();
    }
  });
});
