import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import type { CommentPage } from 'chime-comments/protocol';
import { eachBackend, newComment, THREAD, type Instance } from './helpers/backends.ts';
import { binDir, postgres } from './helpers/postgres.ts';

/** `chime-server backup FILE` as an operator runs it, beside the running server. */
function backup(databaseUrl: string, file: string): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, ['--conditions=chime-source', '--import', 'tsx', 'server/cli.ts', 'backup', file], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk) => (out += String(chunk)));
  child.stderr.on('data', (chunk) => (out += String(chunk)));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out })));
}

const bodies = async (i: Instance) =>
  ((await (await i.send('GET', `/api/comments?thread=${encodeURIComponent(THREAD)}&limit=100`)).json()) as CommentPage).comments.map((c) => c.body);

eachBackend('chime-server backup', (db) => {
  it('copies the database while the server writes to it, and the copy serves the same comments', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chime-backup-'));
    try {
      const i = await db.open();
      for (let n = 0; n < 3; n++) assert.equal((await i.send('POST', '/api/comments', newComment({ body: `before ${n}` }))).status, 201);
      // Posts keep coming while the backup runs.
      let writing = true;
      const writer = (async () => {
        for (let n = 0; writing; n++) {
          await i.send('POST', '/api/comments', newComment({ body: `during ${n}` }));
          // In-process requests to SQLite never wait on I/O: let the backup process be heard.
          await new Promise((resolve) => setImmediate(resolve));
        }
      })();
      const file = join(dir, db.name === 'sqlite' ? 'copy.sqlite' : 'copy.dump');
      const result = await backup(db.url, file);
      writing = false;
      await writer;
      assert.equal(result.code, 0, result.out);
      assert.match(result.out, /chime-server backup: wrote /);

      let copyUrl = file;
      if (db.name === 'postgres') {
        copyUrl = await (await postgres()).createDatabase();
        execFileSync(join(binDir(), 'pg_restore'), ['--no-owner', '-d', copyUrl, file], { stdio: 'pipe' });
      }
      const copy = await db.open({ DATABASE_URL: copyUrl });
      const restored = await bodies(copy);
      assert.deepEqual(restored.slice(0, 3), ['before 0', 'before 1', 'before 2']);
      // A consistent snapshot: what it holds of the posts made meanwhile is a prefix of them, in order.
      const during = (await bodies(i)).slice(3, 3 + restored.length - 3);
      assert.deepEqual(restored.slice(3), during);
      assert.equal((await copy.send('POST', '/api/comments', newComment())).status, 201);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says what is wrong instead of creating an empty database', async () => {
    const result = await backup(
      db.name === 'sqlite' ? '/nonexistent/chime.sqlite' : db.url.replace(/\/\w+$/, '/no_such_database'),
      join(tmpdir(), 'never'),
    );
    assert.equal(result.code, 1);
    assert.match(result.out, db.name === 'sqlite' ? /does not exist: check DATABASE_URL/ : /no_such_database/);
  });
});
