import assert from 'node:assert/strict';
import { it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { hashPassword } from '../../server/password.ts';
import { PASSWORD_SETTING } from '../../server/service/sessions.ts';
import { ADMIN, ADMIN_TOKEN, eachBackend, newComment, type Instance } from './helpers/backends.ts';
import { cookieOf, ORIGIN, signIn } from './helpers/owner.ts';
import { as, sign, SSO_SECRET, user } from './helpers/sso.ts';

const SIGN_IN = 'POST /api/admin/session';

/** Every route under /api/admin, read from the app itself: a route added later is checked too. */
function adminRoutes(i: Instance) {
  const routes = i.app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/admin/')).map((r) => ({ method: r.method, path: r.path }));
  return [...new Map(routes.map((r) => [`${r.method} ${r.path}`, r])).values()];
}

/** A concrete URL for a route pattern. */
const urlOf = (path: string, id: string) => path.replace(':id', id).replace(':kind', 'ip').replace(':hash', 'a'.repeat(64));

const changes = (method: string) => !['GET', 'HEAD'].includes(method);

eachBackend('owner authorisation', (db) => {
  it('every admin route refuses a missing, wrong or expired credential (401), and a change without CSRF token or from another origin (403)', async () => {
    const expired = await signIn(await db.open({ CHIME_SESSION_TTL: '1' }));
    // With sign-in on: a reader the host site vouches for is a reader, never the owner.
    const i = await db.open({ CHIME_SSO_SECRET: SSO_SECRET });
    const { comment } = (await (await i.send('POST', '/api/comments', newComment())).json()) as { comment: { id: string } };
    const signedIn = as(sign(user({ id: 'owner', name: 'The Owner' })));
    const routes = adminRoutes(i);
    assert.ok(routes.length >= 20, `the admin routes are found (${routes.length})`);
    let owner = await signIn(i);
    const other = await signIn(i);
    await sleep(1100);
    for (const { method, path } of routes) {
      const url = urlOf(path, comment.id);
      const name = `${method} ${path}`;
      const statusOf = async (headers: Record<string, string>) => (await i.send(method, url, changes(method) ? {} : undefined, headers)).status;
      if (name === SIGN_IN) continue;
      assert.equal(await statusOf({ origin: ORIGIN }), 401, `${name} without a credential`);
      assert.equal(await statusOf({ authorization: 'Bearer wrong', origin: ORIGIN }), 401, `${name} with a wrong token`);
      assert.equal(await statusOf({ cookie: 'chime_console=forged', origin: ORIGIN }), 401, `${name} with a made-up session`);
      assert.equal(await statusOf(expired.headers), 401, `${name} with an expired session`);
      assert.equal(await statusOf({ ...signedIn, origin: ORIGIN }), 401, `${name} with a valid user token (X-Chime-User)`);

      if (changes(method)) {
        assert.equal(await statusOf({ cookie: owner.cookie, origin: ORIGIN }), 403, `${name} without the CSRF token`);
        assert.equal(await statusOf({ ...owner.headers, 'x-chime-csrf': other.csrf }), 403, `${name} with another session's CSRF token`);
        assert.equal(await statusOf({ ...owner.headers, origin: 'https://evil.example' }), 403, `${name} from another origin`);
        assert.equal(await statusOf({ cookie: owner.cookie, 'x-chime-csrf': owner.csrf }), 403, `${name} without an Origin`);
        assert.equal(
          await statusOf({ ...signedIn, cookie: owner.cookie, origin: ORIGIN }),
          403,
          `${name} with a user token in place of the CSRF token`,
        );
      }
      // With everything right the guard lets it through (whatever the route makes of an empty body).
      assert.ok(![401, 403].includes(await statusOf(owner.headers)), `${name} signed in`);
      assert.ok(![401, 403].includes(await statusOf(ADMIN)), `${name} with the admin token`);
      if (name === 'DELETE /api/admin/session') owner = await signIn(i);
    }
  });

  it('signs in with the token or the password, from the own origin only, and out again', async () => {
    const i = await db.open();
    await i.storage.owner.writeSetting(PASSWORD_SETTING, await hashPassword('correct horse battery'));
    const answer = async (body: unknown, headers: Record<string, string> = { origin: ORIGIN }) =>
      (await i.send('POST', '/api/admin/session', body, headers)).status;
    assert.equal(await answer({ token: 'nope' }), 401);
    assert.equal(await answer({ password: 'wrong horse battery' }), 401);
    assert.equal(await answer({ token: ADMIN_TOKEN, password: 'x' }), 422);
    assert.equal(await answer({ token: ADMIN_TOKEN }, { origin: 'https://evil.example' }), 403, 'no sign-in from another origin (login CSRF)');
    assert.equal(await answer({ token: ADMIN_TOKEN }, {}), 403);

    const byPassword = await signIn(i, { password: 'correct horse battery' });
    const who = await i.send('GET', '/api/admin/session', undefined, { cookie: byPassword.cookie });
    assert.equal(who.status, 200);
    assert.equal(who.headers.get('cache-control'), 'no-store');
    const seen = (await who.json()) as { csrf: string; via: string; expiresAt: string };
    assert.deepEqual([seen.csrf, seen.via], [byPassword.csrf, 'password']);
    assert.ok(Date.parse(seen.expiresAt) > Date.now() + 11 * 3600_000, 'twelve hours by default');

    const out = await i.send('DELETE', '/api/admin/session', undefined, byPassword.headers);
    assert.equal(out.status, 204);
    assert.match(out.headers.get('set-cookie') ?? '', /^chime_console=;.*Max-Age=0/);
    assert.equal((await i.send('GET', '/api/admin/counts', undefined, { cookie: byPassword.cookie })).status, 401, 'signed out for good');
    assert.equal((await i.send('GET', '/api/admin/counts', undefined, (await signIn(i)).headers)).status, 200);
  });

  it('sets the cookie HttpOnly, SameSite=Strict, on the admin API only, and Secure over https (behind a trusted proxy too)', async () => {
    const plain = await db.open();
    const res = await plain.send('POST', '/api/admin/session', { token: ADMIN_TOKEN }, { origin: ORIGIN });
    const cookie = res.headers.get('set-cookie')!;
    assert.match(cookie, /; HttpOnly/);
    assert.match(cookie, /; SameSite=Strict/);
    assert.match(cookie, /; Path=\/api\/admin/);
    assert.match(cookie, /; Max-Age=43200/);
    assert.doesNotMatch(cookie, /Secure/);
    assert.ok(!JSON.stringify(await res.json()).includes(cookieOf(res).split('=')[1]!), 'the session id is never in a body');

    const https = await plain.send(
      'POST',
      'https://comments.example/api/admin/session',
      { token: ADMIN_TOKEN },
      { origin: 'https://comments.example' },
    );
    assert.equal(https.status, 201);
    assert.match(https.headers.get('set-cookie')!, /; Secure/);

    const proxied = await db.open({ CHIME_TRUST_PROXY: '1' });
    const forwarded = {
      origin: 'https://comments.example',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'comments.example',
      'x-forwarded-for': '192.0.2.1',
    };
    const behind = await proxied.send('POST', '/api/admin/session', { token: ADMIN_TOKEN }, forwarded);
    assert.equal(behind.status, 201);
    assert.match(behind.headers.get('set-cookie')!, /; Secure/);
  });

  it('limits sign-in attempts per address', async () => {
    const i = await db.open({ CHIME_TRUST_PROXY: '1' });
    const from = (address: string, token: string) =>
      i.send('POST', '/api/admin/session', { token }, { origin: ORIGIN, 'x-forwarded-for': address }).then((r) => r.status);
    for (let n = 0; n < 10; n++) assert.equal(await from('192.0.2.7', 'guess'), 401);
    assert.equal(await from('192.0.2.7', ADMIN_TOKEN), 429, 'even the right token waits');
    assert.equal(await from('192.0.2.8', ADMIN_TOKEN), 201);
  });

  it('is off (403) with neither token nor password; a password alone opens the console', async () => {
    const i = await db.open({ CHIME_ADMIN_TOKEN: '' });
    assert.equal((await i.send('POST', '/api/admin/session', { token: 'x' }, { origin: ORIGIN })).status, 403);
    assert.equal((await i.send('GET', '/api/admin/queue')).status, 403);
    await i.storage.owner.writeSetting(PASSWORD_SETTING, await hashPassword('correct horse battery'));
    assert.equal((await i.send('GET', '/api/admin/queue')).status, 401);
    assert.equal((await i.send('GET', '/api/admin/queue', undefined, ADMIN)).status, 401, 'no token is set: a Bearer credential is wrong');
    const owner = await signIn(i, { password: 'correct horse battery' });
    assert.equal((await i.send('GET', '/api/admin/queue', undefined, { cookie: owner.cookie })).status, 200);
  });

  it('answers CORS of the admin API with credentials for CHIME_ADMIN_ORIGINS only, never with *', async () => {
    const i = await db.open({ CHIME_ADMIN_ORIGINS: 'https://blog.example.org' });
    const preflight = await i.send('OPTIONS', '/api/admin/comments/bulk', undefined, {
      origin: 'https://blog.example.org',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type,x-chime-csrf',
    });
    assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://blog.example.org');
    assert.equal(preflight.headers.get('access-control-allow-credentials'), 'true');
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /X-Chime-CSRF/i);
    // Other origins: as the readers' API (CHIME_ORIGINS), for scripts with the token, never with the cookie.
    const stranger = await i.send('GET', '/api/admin/counts', undefined, { origin: 'https://evil.example', ...ADMIN });
    assert.equal(stranger.headers.get('access-control-allow-origin'), '*');
    assert.equal(stranger.headers.get('access-control-allow-credentials'), null);
    // The readers' API stays open to every origin.
    assert.equal(
      (await i.send('GET', '/api/thread?thread=%2Fa', undefined, { origin: 'https://evil.example' })).headers.get('access-control-allow-origin'),
      '*',
    );

    // Signed in from the blog's own admin page: changes from there are allowed.
    const owner = await signIn(i);
    const fromBlog = await i.send('POST', '/api/admin/purge', undefined, { ...owner.headers, origin: 'https://blog.example.org' });
    assert.equal(fromBlog.status, 200);
  });
});
