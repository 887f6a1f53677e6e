/** `chime-server import` and `export` as an owner runs them: real processes on real databases. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { openStorage } from '../../server/storage/index.ts';
import { eachBackend } from './helpers/backends.ts';
import { CLI, cli } from './helpers/cli.ts';
import { anotherDatabase, fixture } from './helpers/migrate.ts';

const WXR = fileURLToPath(fixture('wordpress.xml'));

/** How many comments the database has numbered, over all threads. */
async function numbered(url: string) {
  const storage = await openStorage(url);
  try {
    return (await storage.exportThreads(null, 100, null)).reduce((n, t) => n + t.lastNumber, 0);
  } finally {
    await storage.close();
  }
}

eachBackend('chime-server import and export (processes)', (db) => {
  it('imports, reports plainly off a terminal, and adds nothing the second time', async () => {
    const first = await cli(['import', 'wxr', WXR, '--rewrite', 'https://old.example/blog/=/'], db.url);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /^chime: import of .*wordpress\.xml \(WordPress \(WXR\)\)$/m);
    assert.match(first.stdout, /^ {2}imported {3}8 comments in 2 threads$/m);
    assert.match(first.stdout, /^ {2}skipped {4}2 \(pingback 1, trackback 1\)$/m);
    assert.match(first.stdout, /^ {2}warnings {3}2$/m);
    assert.equal(first.stderr, '', 'no progress bar when stderr is not a terminal');
    assert.equal(await numbered(db.url), 8);

    const second = await cli(['import', 'wxr', WXR, '--rewrite', 'https://old.example/blog/=/'], db.url);
    assert.equal(second.code, 0);
    assert.match(second.stdout, /^ {2}imported {3}0 comments in 0 threads$/m);
    assert.match(second.stdout, /^ {2}duplicates 8$/m);
    assert.equal(await numbered(db.url), 8);
  });

  it('a malformed file: exit status 1, the line, and an empty database', async () => {
    const run = await cli(['import', 'wxr', fileURLToPath(fixture('wordpress-malformed.xml'))], db.url);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /line 225: not well-formed XML \(column \d+\): unclosed tag: wp:comment/);
    assert.match(run.stdout, /nothing was written: correct the file, or run again with --partial/);
    assert.equal(await numbered(db.url), 0);
  });

  it('export > file, import chime from standard input into an empty database: the same backup', async () => {
    assert.equal((await cli(['import', 'disqus', fileURLToPath(fixture('disqus.xml'))], db.url)).code, 0);
    const exported = await cli(['export'], db.url);
    assert.equal(exported.code, 0, exported.stderr);
    assert.match(exported.stderr, /^chime: exported 7 comments in 3 threads$/m);
    const other = await anotherDatabase(db);
    const restore = await cli(['import', 'chime', '-'], other, exported.stdout);
    assert.equal(restore.code, 0, restore.stdout + restore.stderr);
    assert.match(restore.stdout, /imported {3}7 comments in 3 threads/);
    const again = await cli(['export'], other);
    const body = (text: string) => text.slice(text.indexOf('\n') + 1);
    assert.equal(body(again.stdout), body(exported.stdout));
    const one = await cli(['export', '--thread', '/blog/2013/03/late-thread/'], db.url);
    assert.deepEqual(
      one.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).type ?? 'header'),
      ['header', 'thread', 'comment'],
    );
  });

  it('says how to use it when asked wrongly', async () => {
    for (const args of [
      ['import'],
      ['import', 'mbox', WXR],
      ['import', 'wxr'],
      ['import', 'wxr', WXR, '--rewrite', 'nothing'],
      ['export', 'file.json'],
      ['frobnicate'],
    ]) {
      const run = await cli(args, db.url);
      assert.equal(run.code, 2, args.join(' '));
      assert.match(run.stderr, /chime-server import wxr\|disqus\|chime FILE/, args.join(' '));
    }
    const missing = await cli(['import', 'wxr', '/nonexistent/export.xml'], db.url);
    assert.deepEqual([missing.code, missing.stderr.trim()], [1, 'chime-server import: cannot read /nonexistent/export.xml']);
    const help = await cli(['help'], db.url);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /chime-server export \[--thread ID\]/);
  });
});

// `script` gives the command a terminal, as an owner's shell would.
const hasScript = spawnSync('script', ['--version']).status === 0;
describe('chime-server import on a terminal', { skip: hasScript ? false : 'util-linux script(1) is not installed' }, () => {
  it('draws a progress bar on a terminal, then the summary', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chime-tty-'));
    const command = [...CLI, 'import', 'wxr', WXR].map((a) => `'${a}'`).join(' ');
    const run = spawnSync('script', ['-qec', command, '/dev/null'], {
      env: { ...process.env, DATABASE_URL: join(dir, 'chime.sqlite') },
      encoding: 'utf8',
    });
    rmSync(dir, { recursive: true });
    assert.equal(run.status, 0, run.stdout);
    assert.match(run.stdout, /reading \[[█░]+\] \d+% [\d.]+ MB of [\d.]+ MB/);
    assert.match(run.stdout, /writing \[[█░]+\] \d+% \d of 3 threads/);
    assert.match(run.stdout, /imported {3}8 comments in 2 threads/);
  });
});
