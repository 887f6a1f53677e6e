import assert from 'node:assert/strict';
import { it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { PostResult } from 'chime-comments/protocol';
import { loadConfig } from '../../server/config.ts';
import { Service } from '../../server/service/index.ts';
import type { PurgeReport } from '../../server/service/retention.ts';
import { ADMIN, eachBackend, newComment, rawSql, type BackendContext, type Instance } from './helpers/backends.ts';

const DAY = 86_400_000;

async function post(i: Instance, overrides: Record<string, unknown> = {}, headers?: Record<string, string>) {
  return ((await (await i.send('POST', '/api/comments', newComment(overrides), headers)).json()) as PostResult).comment;
}

const moderate = (i: Instance, id: string, status: string) => i.send('PATCH', `/api/admin/comments/${id}`, { status }, ADMIN);
const purge = async (i: Instance) => (await (await i.send('POST', '/api/admin/purge', undefined, ADMIN)).json()) as PurgeReport;
/** Makes a comment look as if its last change was `days` ago. */
const age = (db: BackendContext, id: string, days: number) =>
  rawSql(db, 'UPDATE comments SET changed_at = ? WHERE id = ?', [Date.now() - days * DAY, id]);
const counts = (r: PurgeReport) => [r.spam, r.trash, r.rateLimits, r.sessions, r.emptyThreads, r.closed.length];

eachBackend('retention', (db) => {
  it('removes spam and deleted comments older than the retention, once, keeping ids readers saw', async () => {
    const i = await db.open();
    const spam = await post(i, { homepage: 'bot', threadId: '/spam-only' });
    const fresh = await post(i, { homepage: 'bot' });
    const seen = await post(i);
    const answered = await post(i);
    const reply = await post(i, { parentId: answered.id });
    const hidden = await post(i);
    for (const [id, status] of [
      [seen.id, 'trash'],
      [answered.id, 'trash'],
      [hidden.id, 'hidden'],
    ] as const)
      assert.equal((await moderate(i, id, status)).status, 200);
    for (const id of [spam.id, seen.id, answered.id, hidden.id]) await age(db, id, 31);
    await age(db, fresh.id, 29);
    // Rate-limit windows: one long over, one current (on SQLite they live in the server's memory).
    await i.storage.hit('reader', 'old-client', Date.now() - 2 * DAY);
    await i.storage.hit('post', 'new-client', Date.now());
    await i.storage.owner.createSession('expired', 'token', Date.now() - 2 * DAY, Date.now() - DAY);
    await i.send('PUT', '/api/admin/thread?thread=%2Fnever-commented', { closed: true }, ADMIN);

    const report = await purge(i);
    assert.deepEqual(counts(report), [1, 2, 1, 1, 1, 0]);
    assert.equal(report.retentionDays, 30);
    assert.equal(await i.storage.find(spam.id), null, 'spam nobody saw is gone for good');
    const tombstone = (await i.storage.find(seen.id))!;
    assert.deepEqual(
      [tombstone.status, tombstone.body, tombstone.author_name, tombstone.ip_hash],
      ['removed', '', '', null],
      'a comment readers saw keeps its id',
    );
    const placeholder = (await i.storage.find(answered.id))!;
    assert.deepEqual([placeholder.deleted, placeholder.body], [1, ''], 'one with replies stays, emptied, for them');
    assert.equal((await i.storage.find(reply.id))!.status, 'published');
    assert.equal((await i.storage.find(fresh.id))!.status, 'spam', 'younger than the retention');
    assert.equal((await i.storage.find(hidden.id))!.status, 'hidden', 'hidden comments are the owner’s to keep');
    assert.deepEqual((await i.storage.exportThreads(null, 10, null)).map((t) => t.id).sort(), ['/2006/03/suggest-a-topic', '/never-commented']);

    assert.deepEqual(counts(await purge(i)), [0, 0, 0, 0, 0, 0], 'a second run finds nothing');
  });

  it('follows the retention the owner set', async () => {
    const i = await db.open({ CHIME_RETENTION_DAYS: '60' });
    const spam = await post(i, { homepage: 'bot' });
    await age(db, spam.id, 31);
    assert.equal((await purge(i)).spam, 0);
    const settings = (await (await i.send('GET', '/api/admin/settings', undefined, ADMIN)).json()) as Record<string, unknown>;
    await i.send('PUT', '/api/admin/settings', { ...settings, retentionDays: 7 }, ADMIN);
    assert.equal((await purge(i)).spam, 1);
  });

  it('closes threads N days after their first comment, unless the owner reopened them', async () => {
    const i = await db.open({ CHIME_AUTO_CLOSE_DAYS: '10' });
    const old = await post(i, { threadId: '/old' });
    await post(i, { threadId: '/recent' });
    await rawSql(db, 'UPDATE comments SET created_at = ? WHERE id = ?', [Date.now() - 11 * DAY, old.id]);
    // Before any purge ran: the post itself finds the thread too old, closes it and is refused.
    assert.equal((await i.send('POST', '/api/comments', newComment({ threadId: '/old' }))).status, 403);
    assert.equal((await post(i, { threadId: '/old' }, ADMIN)).author.role, 'author', 'the owner may still answer');
    await i.send('PUT', '/api/admin/thread?thread=%2Fold', { closed: false }, ADMIN);
    assert.deepEqual((await purge(i)).closed, [], 'reopened by the owner: left open');
    assert.equal((await i.send('POST', '/api/comments', newComment({ threadId: '/old' }))).status, 201);

    const other = await post(i, { threadId: '/older' });
    await rawSql(db, 'UPDATE comments SET created_at = ? WHERE id = ?', [Date.now() - 30 * DAY, other.id]);
    assert.deepEqual((await purge(i)).closed, ['/older']);
    assert.equal(((await (await i.send('GET', '/api/thread?thread=%2Folder')).json()) as { closed: boolean }).closed, true);
    assert.deepEqual((await purge(i)).closed, []);
  });

  it('runs by itself every CHIME_PURGE_INTERVAL', async () => {
    const i = await db.open();
    const spam = await post(i, { homepage: 'bot' });
    await age(db, spam.id, 31);
    const stop = new Service(i.storage, loadConfig({ DATABASE_URL: db.url, CHIME_PURGE_INTERVAL: '0.2' })).retention.schedule();
    const logged: string[] = [];
    const log = console.log;
    console.log = (line: string) => logged.push(line);
    try {
      // Until the run has logged what it did (it removes the comment first, then logs).
      for (let n = 0; n < 50 && !logged.some((line) => line.startsWith('chime: purge:')); n++) await sleep(100);
    } finally {
      console.log = log;
      await stop();
    }
    assert.equal(await i.storage.find(spam.id), null);
    assert.ok(
      logged.some((line) => /^chime: purge: removed 1 spam comment and 0 deleted comments older than 30 days/.test(line)),
      logged.join('\n'),
    );
  });
});
