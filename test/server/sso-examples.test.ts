import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { it } from 'node:test';
import { loadConfig } from '../../server/config.ts';
import { verifyUserToken } from '../../server/sso.ts';
import { SSO_SECRET } from './helpers/sso.ts';

// The signing code docs/sso.md shows, run as a site's backend would run it, and its token
// checked by the server's own verification. The docs include each file whole (checked below).

const examples = new URL('../../docs/examples/sso/', import.meta.url);
const file = (name: string) => fileURLToPath(new URL(name, examples));
const docs = readFileSync(new URL('../../docs/sso.md', import.meta.url), 'utf8');
const sso = loadConfig({ CHIME_SSO_SECRET: SSO_SECRET }).sso;
/** Non-ASCII on purpose: UTF-8 in the payload, byte for byte the same in every language. */
const account = { id: 73, name: 'Zoë Ørsted 李', email: 'zoe@example.org', avatar: 'https://blog.example/a/zoe.png' };

const has = (command: string) => spawnSync(command, ['--version']).status === 0;

function checkToken(token: string) {
  const now = Date.now();
  const user = verifyUserToken(token.trim(), sso, now);
  assert.deepEqual(user, { id: '73', name: account.name, email: account.email, avatar: account.avatar });
  const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { iat: number; exp: number };
  assert.ok(Math.abs(payload.iat - now / 1000) < 5);
  assert.equal(payload.exp - payload.iat, 7200);
}

it('the Node example signs a token the server accepts', () => {
  const script = `import { chimeUserToken } from ${JSON.stringify(file('user-token.mjs'))};
    process.stdout.write(chimeUserToken(JSON.parse(process.argv[1]), process.argv[2]));`;
  checkToken(execFileSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(account), SSO_SECRET], { encoding: 'utf8' }));
});

it('the Python example signs a token the server accepts', { skip: !has('python3') && 'python3 is not installed' }, () => {
  const script = `import json, sys; sys.path.insert(0, sys.argv[1]); from user_token import chime_user_token
print(chime_user_token(json.loads(sys.argv[2]), sys.argv[3]))`;
  checkToken(execFileSync('python3', ['-c', script, fileURLToPath(examples), JSON.stringify(account), SSO_SECRET], { encoding: 'utf8' }));
});

it('the PHP example signs a token the server accepts', { skip: !has('php') && 'php is not installed' }, () => {
  const script = `require $argv[1]; echo chime_user_token(json_decode($argv[2], true), $argv[3]);`;
  checkToken(execFileSync('php', ['-r', script, file('user-token.php'), JSON.stringify(account), SSO_SECRET], { encoding: 'utf8' }));
});

it('docs/sso.md shows each example whole, as tested', () => {
  for (const name of ['user-token.mjs', 'user_token.py', 'user-token.php']) {
    assert.ok(docs.includes(readFileSync(file(name), 'utf8').trim()), `docs/sso.md includes ${name}`);
  }
});

it('reads the sign-in settings, and refuses those that cannot work without printing the secret', () => {
  assert.deepEqual(loadConfig({}).sso, { secrets: [], required: false, maxAgeSeconds: 86_400 });
  const next = 'n'.repeat(32);
  assert.deepEqual(
    loadConfig({ CHIME_SSO_SECRET: next, CHIME_SSO_SECRET_PREVIOUS: SSO_SECRET, CHIME_SSO_REQUIRED: '1', CHIME_SSO_MAX_AGE: '3600' }).sso,
    {
      secrets: [next, SSO_SECRET],
      required: true,
      maxAgeSeconds: 3600,
    },
  );
  for (const [env, message] of [
    [{ CHIME_SSO_SECRET: 'hunter2' }, /^invalid CHIME_SSO_SECRET=\(hidden\): too short: use at least 32 random characters/],
    [{ CHIME_SSO_REQUIRED: '1' }, /CHIME_SSO_REQUIRED=1 but CHIME_SSO_SECRET is not set/],
    [{ CHIME_SSO_SECRET_PREVIOUS: SSO_SECRET }, /CHIME_SSO_SECRET_PREVIOUS is set but CHIME_SSO_SECRET is not/],
    [{ CHIME_SSO_SECRET: SSO_SECRET, CHIME_SSO_MAX_AGE: '10' }, /invalid CHIME_SSO_MAX_AGE="10"/],
  ] as const) {
    assert.throws(
      () => loadConfig(env),
      (err: Error) => message.test(err.message) && !err.message.includes('hunter2'),
    );
  }
});
