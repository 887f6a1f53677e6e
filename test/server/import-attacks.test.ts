/**
 * Files an attacker could get an owner to import ("here is our Disqus export"): what they may
 * change besides comments, and what they may cost the server that reads them.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { hashPassword } from '../../server/password.ts';
import { PASSWORD_SETTING } from '../../server/service/sessions.ts';
import { ADMIN, eachBackend, type Instance } from './helpers/backends.ts';
import { ORIGIN, signIn } from './helpers/owner.ts';

interface Summary {
  imported: number;
  written: boolean;
  errorCount: number;
  warnings: Array<{ line: number; message: string }>;
  fatal: { line: number; message: string } | null;
}

/** Uploads `file` through the console's import, as the owner. */
async function upload(i: Instance, format: string, file: string | Uint8Array | ReadableStream<Uint8Array>): Promise<Summary> {
  const res = await i.app.request(`/api/admin/import?format=${format}`, {
    method: 'POST',
    headers: { ...ADMIN, 'content-type': 'application/octet-stream' },
    body: file,
    ...(file instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
  const text = await res.text();
  assert.equal(res.status, 200, text);
  return JSON.parse(text) as Summary;
}

const backup = (...records: unknown[]) =>
  [{ format: 'chime-backup', version: 1, exportedAt: new Date().toISOString(), thread: null }, ...records].map((r) => JSON.stringify(r)).join('\n');

eachBackend('attacks by imported files', (db) => {
  it("a backup sets no password, nor any setting a backup does not carry: the console stays the owner's", async () => {
    const i = await db.open();
    const planted = backup(
      { type: 'setting', name: PASSWORD_SETTING, value: await hashPassword('the attackers own password') },
      { type: 'setting', name: 'something-else', value: 'x' },
    );
    const summary = await upload(i, 'chime', planted);
    assert.equal(summary.errorCount, 0);
    assert.deepEqual(
      summary.warnings.map((w) => w.message),
      [`"${PASSWORD_SETTING}" is not a setting backups carry: left out`, '"something-else" is not a setting backups carry: left out'],
    );
    assert.equal(await i.storage.owner.readSetting(PASSWORD_SETTING), null);
    assert.equal(await i.storage.owner.readSetting('something-else'), null);
    const res = await i.send('POST', '/api/admin/session', { password: 'the attackers own password' }, { origin: ORIGIN });
    assert.equal(res.status, 401);
  });

  it("restores the owner's settings however long their blocklists, as the export wrote them", async () => {
    const source = await db.open();
    const owner = await signIn(source);
    const current = (await (await source.send('GET', '/api/admin/settings', undefined, owner.headers)).json()) as Record<string, unknown>;
    const blockedWords = Array.from({ length: 300 }, (_, n) => `blocked phrase number ${n}`);
    assert.equal((await source.send('PUT', '/api/admin/settings', { ...current, blockedWords }, owner.headers)).status, 200);
    const file = await (await source.send('GET', '/api/admin/export', undefined, ADMIN)).text();

    const target = await db.open({ DATABASE_URL: await freshDatabase(db) });
    const summary = await upload(target, 'chime', file);
    assert.deepEqual([summary.errorCount, summary.written], [0, true], JSON.stringify(summary).slice(0, 300));
    const restored = (await (await target.send('GET', '/api/admin/settings', undefined, ADMIN)).json()) as { blockedWords: string[] };
    assert.deepEqual(restored.blockedWords, blockedWords);
  });
});

/** Another empty database of the same kind as the test's. */
async function freshDatabase(db: { name: string; url: string }) {
  if (db.name === 'sqlite') return db.url.replace(/chime\.sqlite$/, 'restored.sqlite');
  const { postgres } = await import('./helpers/postgres.ts');
  return (await postgres()).createDatabase();
}
