import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs, { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it, mock } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { PostResult } from 'chime-comments/protocol';
import { spawnServer } from '../plugins/spawn-server.js';
import { eachBackend, newComment, THREAD, type BackendContext } from './helpers/backends.ts';

/** Another process's write lock on the thread: SQLite's whole database, PostgreSQL's thread row. Resolves to its release. */
async function holdLock(db: BackendContext): Promise<() => Promise<void>> {
  if (db.name === 'sqlite') {
    const other = new Database(db.url);
    other.exec('BEGIN IMMEDIATE');
    return async () => {
      other.exec('ROLLBACK');
      other.close();
    };
  }
  const other = new pg.Client({ connectionString: db.url });
  await other.connect();
  await other.query('BEGIN');
  await other.query('SELECT * FROM threads WHERE id = $1 FOR UPDATE', [THREAD]);
  return async () => {
    await other.query('ROLLBACK');
    await other.end();
  };
}

eachBackend('a lock held elsewhere (M4, L7)', (db) => {
  it('keeps answering reads, and answers a post 503 with Retry-After once CHIME_DB_TIMEOUT has passed', async () => {
    const i = await db.open({ CHIME_DB_TIMEOUT: '1' });
    assert.equal((await i.send('POST', '/api/comments', newComment())).status, 201);
    const release = await holdLock(db);
    // Released at the latest after 4 s, should the post wait for it (it must not).
    const failsafe = setTimeout(() => void release(), 4000);
    try {
      let answered = false;
      const posting = i.send('POST', '/api/comments', newComment()).finally(() => (answered = true));
      // The event loop is free while the post waits for the lock: reads come and go before it.
      for (let n = 0; n < 5; n++) {
        assert.equal((await i.send('GET', `/api/comments?thread=${encodeURIComponent(THREAD)}`)).status, 200);
        assert.equal(answered, false, 'the post was answered before the reads');
      }
      const res = await posting;
      assert.equal(res.status, 503, await res.clone().text());
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'unavailable');
      assert.ok(Number(res.headers.get('retry-after')) >= 1);
    } finally {
      clearTimeout(failsafe);
      await release();
    }
    assert.equal((await i.send('POST', '/api/comments', newComment())).status, 201);
  });

  it('lets a post wait for a lock released within CHIME_DB_TIMEOUT', async () => {
    const i = await db.open({ CHIME_DB_TIMEOUT: '5' });
    assert.equal((await i.send('POST', '/api/comments', newComment())).status, 201);
    const release = await holdLock(db);
    setTimeout(() => void release(), 300);
    assert.equal((await i.send('POST', '/api/comments', newComment())).status, 201);
  });
});

/** A 600 KB filesystem of its own (tmpfs), when this process may mount one (root on Linux); null otherwise. */
function smallDisk(): string | null {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return null;
  const dir = mkdtempSync(join(tmpdir(), 'chime-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=600k', 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
}

const disk = smallDisk();
process.once('exit', () => {
  if (!disk) return;
  execFileSync('umount', ['-l', disk]);
  rmSync(disk, { recursive: true, force: true });
});

eachBackend('a full disk (Also)', (db) => {
  const sqliteOnly = db.name === 'postgres' && 'SQLite: PostgreSQL answers the same to its disk_full';
  const fillUp = async (env: Record<string, string>) => {
    const logged = mock.method(console, 'error', () => undefined);
    try {
      const i = await db.open(env);
      const stored: string[] = [];
      let full: Response | null = null;
      for (let n = 0; n < 100 && !full; n++) {
        const res = await i.send('POST', '/api/comments', newComment({ body: `${n} `.padEnd(9000, 'x') }));
        if (res.status === 201) stored.push(((await res.json()) as PostResult).comment.id);
        else full = res;
      }
      assert.ok(full, 'the database never filled up');
      assert.equal(full.status, 503, await full.clone().text());
      assert.match(((await full.json()) as { error: { message: string } }).error.message, /full/);
      const log = logged.mock.calls.map((call) => call.arguments.map(String).join(' ')).join('\n');
      assert.match(log, /SQLITE_FULL|disk is full/i);
      assert.doesNotMatch(log, /cannot rollback/);
      const res = await i.send('GET', `/api/comments?thread=${encodeURIComponent(THREAD)}&limit=100`);
      assert.deepEqual(
        ((await res.json()) as { comments: { id: string }[] }).comments.map((c) => c.id),
        stored,
      );
    } finally {
      logged.mock.restore();
    }
  };

  it(
    'answers 503 and logs the real cause (not "cannot rollback") when the disk is full, keeping what was stored',
    { skip: sqliteOnly || (!disk && 'cannot mount a small tmpfs here') },
    () => fillUp({ DATABASE_URL: join(disk!, `${process.pid}.sqlite`) }),
  );

  it('does the same at CHIME_SQLITE_MAX_MB', { skip: sqliteOnly }, () => fillUp({ CHIME_SQLITE_MAX_MB: '0.2' }));
});

eachBackend('durability (L4)', (db) => {
  it(
    'syncs each comment to disk before acknowledging it, off the event loop',
    { skip: db.name === 'postgres' && 'PostgreSQL commits durably by default' },
    async () => {
      const i = await db.open();
      const original = fs.fsync;
      let synced = 0;
      const syncs = mock.method(fs, 'fsync', (fd: number, done: (err: NodeJS.ErrnoException | null) => void) =>
        original(fd, (err) => {
          synced++;
          done(err);
        }),
      );
      try {
        const posts = await Promise.all(Array.from({ length: 5 }, () => i.send('POST', '/api/comments', newComment())));
        assert.deepEqual(
          posts.map((r) => r.status),
          [201, 201, 201, 201, 201],
        );
        // Acknowledged only once the WAL was on disk; posts that came together shared syncs.
        assert.ok(synced >= 1 && syncs.mock.callCount() <= 5, `${synced} syncs done, ${syncs.mock.callCount()} asked`);
        assert.match(i.storage.describe(), /journal_mode=wal, synchronous=normal, each commit's WAL synced before it is acknowledged/);
      } finally {
        syncs.mock.restore();
      }
    },
  );
});

it('stops, saving what it held, when its SQLite file is deleted under it (Also)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chime-deleted-'));
  const file = join(dir, 'chime.sqlite');
  const { child, listening } = spawnServer({ DATABASE_URL: file, CHIME_RATE_LIMIT: '1000' }, undefined, { stderr: 'pipe' });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  try {
    const base = await listening;
    const post = (input: object) =>
      fetch(`${base}/api/comments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
    const kept = newComment({ body: 'Written before the file went.' });
    assert.equal((await post(kept)).status, 201);
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });

    const after = await post(newComment());
    assert.equal(after.status, 503, 'a post after the file went is not acknowledged');
    // Not 1: a service manager told not to restart on 3 (docs/deploy.md) does not start over on an empty database.
    assert.equal(await exited, 3);
    assert.match(stderr, /chime\.sqlite was removed or replaced while the server ran/);
    const copy = readdirSync(dir).find((name) => name.startsWith('chime.sqlite.recovered-'));
    assert.ok(copy && stderr.includes(copy), stderr);
    const saved = new Database(join(dir, copy), { readonly: true });
    assert.deepEqual(saved.prepare('SELECT body FROM comments').pluck().all(), ['Written before the file went.']);
    saved.close();
  } finally {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});
