import assert from 'node:assert/strict';
import { once } from 'node:events';
import { afterEach, beforeEach, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { spawnServer } from '../plugins/spawn-server.js';
import { eachBackend, newComment } from './helpers/backends.ts';
import { MailServer, until } from './helpers/mail.ts';
import { mailEnv, sending } from './helpers/notify.ts';

let mail: MailServer;
beforeEach(async () => {
  mail = await new MailServer().start();
});
afterEach(() => mail.stop());

eachBackend('notifications: several instances on one database', (db) => {
  it('sends each notification once, whichever instance (or process) took the comment and whichever claims it', async () => {
    const env = mailEnv(mail);
    const [a, b] = [await sending(db, env), await sending(db, env)];
    // A third instance in its own process, as on a real deployment.
    const { child, listening } = spawnServer({ ...env, DATABASE_URL: db.url, CHIME_RATE_LIMIT: '10000' });
    try {
      const url = await listening;
      const bodies: string[] = [];
      const posts: Array<Promise<number>> = [];
      for (let n = 0; n < 30; n++) {
        const input = newComment({ body: `Comment number ${n}.` });
        bodies.push(input.body as string);
        const res =
          n % 3 === 0
            ? a.send('POST', '/api/comments', input)
            : n % 3 === 1
              ? b.send('POST', '/api/comments', input)
              : fetch(`${url}/api/comments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
        posts.push(res.then((r) => r.status));
      }
      assert.deepEqual(new Set(await Promise.all(posts)), new Set([201]));
      await until('30 emails', () => mail.received.length >= 30, 30_000);
      // Give every instance more passes: a duplicate would arrive now.
      await Promise.all([a.service.notify.pass(), b.service.notify.pass()]);
      await sleep(500);
      assert.equal(mail.received.length, 30);
      const got = mail.received.map((m) => /Comment number \d+\./.exec(m.text!)![0]).sort();
      assert.deepEqual(got, [...bodies].sort());
    } finally {
      child.kill();
      await once(child, 'exit');
    }
  });

  it('claims atomically: concurrent claims of two instances never share a notification', async () => {
    const [a, b] = [await db.open(), await db.open()];
    const now = Date.now();
    for (let n = 0; n < 200; n++) await a.storage.notify.enqueue({ dedupe: `test:${n}`, kind: 'owner', payload: {}, dueAt: now });
    const claims = await Promise.all(
      Array.from({ length: 20 }, (_, n) => (n % 2 ? a : b).storage.notify.claim(`claim-${n}`, Date.now(), Date.now() + 60_000, 15)),
    );
    const ids = claims.flat().map((row) => row.id);
    assert.equal(ids.length, 200);
    assert.equal(new Set(ids).size, 200);
    // Held by their claims: nothing is left to claim until a lease ends.
    assert.deepEqual(await a.storage.notify.claim('late', Date.now(), Date.now() + 60_000, 10), []);
    // A lease that ended (its instance died) is claimed again.
    const later = await b.storage.notify.claim('after-the-lease', Date.now() + 120_000, Date.now() + 180_000, 500);
    assert.equal(later.length, 200);
  });
});
