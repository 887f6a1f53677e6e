import assert from 'node:assert/strict';
import { afterEach, beforeEach, it } from 'node:test';
import { eachBackend, newComment } from './helpers/backends.ts';
import { MailServer, until } from './helpers/mail.ts';
import { mailEnv, sending } from './helpers/notify.ts';
import { asOwner, signIn } from './helpers/owner.ts';

let mail: MailServer;
beforeEach(async () => {
  mail = await new MailServer().start();
});
afterEach(() => mail.stop());

eachBackend('notification settings in the console', (db) => {
  it('start from the environment, and the owner’s own apply to the next comment on every instance', async () => {
    const env = mailEnv(mail, { CHIME_OWNER_NOTIFY: 'digest', CHIME_DIGEST_AT: '07:30' });
    const [a, b] = [await sending(db, env), await db.open(env)];
    const owner = await signIn(b);
    const settings = await asOwner<Record<string, unknown>>(b, owner, 'GET', '/api/admin/settings');
    assert.deepEqual(
      [settings.ownerEmail, settings.notifyOwner, settings.digestAt, settings.replyEmails],
      ['owner@blog.example', 'digest', '07:30', true],
    );

    // Saved on one instance; the other, which sends, emails the new address at once.
    await asOwner(b, owner, 'PUT', '/api/admin/settings', { ...settings, ownerEmail: 'me@blog.example', notifyOwner: 'immediate' });
    assert.equal((await a.send('POST', '/api/comments', newComment())).status, 201);
    await until('the owner email', () => mail.received.length === 1);
    assert.deepEqual(
      [mail.received[0]!.to].flat().map((t) => t?.text),
      ['me@blog.example'],
    );

    // Reply emails turned off: a reader asking for them is not asked to confirm.
    await asOwner(b, owner, 'PUT', '/api/admin/settings', { ...settings, ownerEmail: null, notifyOwner: 'off', replyEmails: false });
    await a.send('POST', '/api/comments', newComment({ notifyReplies: true, author: { name: 'Ann', email: 'ann@example.org' } }));
    await a.service.notify.pass();
    assert.equal(mail.received.length, 1, 'no owner email, no confirmation');

    const refused = await b.send('PUT', '/api/admin/settings', { ...settings, ownerEmail: 'not an address', digestAt: '25:00' }, owner.headers);
    assert.equal(refused.status, 422);
  });
});
