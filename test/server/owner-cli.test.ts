import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { it } from 'node:test';
import { eachBackend, newComment, rawSql } from './helpers/backends.ts';
import { CLI, cli } from './helpers/cli.ts';
import { ORIGIN, signIn } from './helpers/owner.ts';

const hasScript = spawnSync('script', ['--version']).status === 0;

eachBackend('chime-server set-password and purge', (db) => {
  it('stores only a scrypt hash of the password, signs everybody out, and can remove it', async () => {
    const before = await db.open();
    const session = await signIn(before);
    await before.close();

    const short = await cli(['set-password'], db.url, 'short\n');
    assert.equal(short.code, 1);
    assert.match(short.stderr, /at least 10 characters/);

    const set = await cli(['set-password'], db.url, 'correct horse battery\nignored second line\n');
    assert.equal(set.code, 0, set.stderr);
    assert.match(set.stdout, /the console password is set; every session was signed out/);
    const i = await db.open({ CHIME_ADMIN_TOKEN: '' });
    const stored = (await i.storage.owner.readSetting('owner-password'))!;
    assert.match(stored, /^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    assert.ok(!stored.includes('horse'));
    assert.equal((await i.send('GET', '/api/admin/counts', undefined, { cookie: session.cookie })).status, 401, 'the old session ended');
    await signIn(i, { password: 'correct horse battery' });

    assert.equal((await cli(['set-password', '--remove'], db.url)).code, 0);
    assert.equal(
      (await i.send('POST', '/api/admin/session', { password: 'correct horse battery' }, { origin: ORIGIN })).status,
      403,
      'no token, no password: off',
    );
    assert.equal((await cli(['set-password', '--nope'], db.url)).code, 2);
  });

  it('purges from cron: what it did, in one line', async () => {
    const i = await db.open();
    const res = await i.send('POST', '/api/comments', newComment({ homepage: 'bot' }));
    const { comment } = (await res.json()) as { comment: { id: string } };
    await rawSql(db, 'UPDATE comments SET changed_at = 0 WHERE id = ?', [comment.id]);
    const run = await cli(['purge'], db.url);
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stdout,
      /^chime: purge: removed 1 spam comment and 0 deleted comments older than 30 days; 0 expired rate-limit windows, 0 expired sessions, 1 empty thread; auto-closed 0 threads$/m,
    );
    assert.match((await cli(['purge'], db.url)).stdout, /removed 0 spam comments/);
  });

  it('asks twice, without echo, on a terminal', { skip: hasScript ? false : 'util-linux script(1) is not installed' }, async () => {
    const command = [...CLI, 'set-password'].map((a) => `'${a}'`).join(' ');
    const child = spawn('script', ['-qefc', command, '/dev/null'], { env: { ...process.env, DATABASE_URL: db.url }, stdio: 'pipe' });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (output += s));
    const waitFor = async (text: RegExp) => {
      for (let n = 0; n < 100 && !text.test(output); n++) await new Promise((r) => setTimeout(r, 100));
      assert.match(output, text);
    };
    await waitFor(/New console password/);
    child.stdin.write('correct horse battery\r');
    await waitFor(/The same again/);
    child.stdin.write('correct horse battery\r');
    const code = await new Promise((resolve) => child.on('close', resolve));
    assert.equal(code, 0, output);
    assert.match(output, /password is set/);
    assert.ok(!output.includes('horse'), 'the password is never shown');
    const i = await db.open({ CHIME_ADMIN_TOKEN: '' });
    await signIn(i, { password: 'correct horse battery' });
  });
});
