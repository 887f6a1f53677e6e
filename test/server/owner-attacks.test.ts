/** Attacks on the owner's side: console sessions, CSRF and origins, what an imported file may change. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { hashPassword } from '../../server/password.ts';
import { PASSWORD_SETTING } from '../../server/service/sessions.ts';
import { ADMIN, eachBackend, newComment } from './helpers/backends.ts';
import { cookieOf, ORIGIN, signIn } from './helpers/owner.ts';

const PASSWORD = 'correct horse battery';

eachBackend('attacks on the owner side', (db) => {
  it('signs every console out when the admin token changes or goes: a leaked token is revoked by replacing it', async () => {
    const first = await db.open();
    await first.storage.owner.writeSetting(PASSWORD_SETTING, await hashPassword(PASSWORD));
    const byToken = await signIn(first);
    const byPassword = await signIn(first, { password: PASSWORD });
    assert.equal((await first.send('GET', '/api/admin/counts', undefined, { cookie: byToken.cookie })).status, 200);

    // The operator replaces a leaked token and restarts: nothing opened with the old one still works.
    const rotated = await db.open({ CHIME_ADMIN_TOKEN: 'a-new-admin-token-after-the-leak' });
    for (const session of [byToken, byPassword]) {
      assert.equal((await rotated.send('GET', '/api/admin/counts', undefined, { cookie: session.cookie })).status, 401);
      assert.equal((await rotated.send('POST', '/api/admin/purge', undefined, session.headers)).status, 401);
    }
    const again = await signIn(rotated, { password: PASSWORD });
    assert.equal((await rotated.send('GET', '/api/admin/counts', undefined, { cookie: again.cookie })).status, 200);

    // Without any token (password only), and with neither: sessions of before are gone too.
    const noToken = await db.open({ CHIME_ADMIN_TOKEN: '' });
    assert.equal((await noToken.send('GET', '/api/admin/counts', undefined, { cookie: again.cookie })).status, 401);
    await noToken.storage.owner.writeSetting(PASSWORD_SETTING, null);
    assert.equal((await noToken.send('GET', '/api/admin/counts', undefined, { cookie: byToken.cookie })).status, 403, 'the console is off');
  });

  it('checks one password at a time, refusing a flood of guesses (503) rather than filling the thread pool with them', async () => {
    const i = await db.open({ CHIME_TRUST_PROXY: '1' });
    await i.storage.owner.writeSetting(PASSWORD_SETTING, await hashPassword(PASSWORD));
    // 40 guesses at once, each from its own address (a botnet: the per-address limit does not stop them).
    const guesses = await Promise.all(
      Array.from({ length: 40 }, (_, n) =>
        i.send('POST', '/api/admin/session', { password: `guess number ${n}` }, { origin: ORIGIN, 'x-forwarded-for': `198.51.100.${n}` }),
      ),
    );
    const statuses = guesses.map((r) => r.status);
    assert.ok(
      statuses.every((s) => s === 401 || s === 503),
      statuses.join(),
    );
    assert.ok(statuses.filter((s) => s === 401).length >= 8, statuses.join());
    const busy = guesses.find((r) => r.status === 503);
    assert.ok(busy, `some were refused: ${statuses.join()}`);
    assert.ok(Number(busy.headers.get('retry-after')) >= 1);
    // The owner, a moment later, gets in.
    await signIn(i, { password: PASSWORD });
  });

  it('never adopts a session id the browser brings (fixation): signing in always makes a new one', async () => {
    const i = await db.open();
    const mine = await signIn(i);
    // A cookie planted by a sibling subdomain, or the attacker's own valid session: neither is kept.
    for (const planted of ['chime_console=planted-by-the-attacker', mine.cookie]) {
      const res = await i.send('POST', '/api/admin/session', { token: ADMIN.authorization.slice(7) }, { origin: ORIGIN, cookie: planted });
      assert.equal(res.status, 201);
      assert.notEqual(cookieOf(res), planted);
    }
    assert.equal((await i.send('GET', '/api/admin/counts', undefined, { cookie: 'chime_console=planted-by-the-attacker' })).status, 401);
  });

  it('refuses changes from look-alike origins: null, another port, scheme or host, a suffix', async () => {
    const i = await db.open();
    const owner = await signIn(i);
    const origins = [
      'null',
      'http://localhost:8080',
      'https://localhost',
      'http://localhost.evil.example',
      'http://evil.example',
      'http://LOCALHOST',
      'http://localhost/',
      'http://localhost, http://evil.example',
    ];
    for (const origin of origins) {
      const res = await i.send('POST', '/api/admin/purge', undefined, { ...owner.headers, origin });
      assert.equal(res.status, 403, JSON.stringify(origin));
      const signInFrom = await i.send('POST', '/api/admin/session', { token: ADMIN.authorization.slice(7) }, { origin });
      assert.equal(signInFrom.status, 403, `sign-in from ${JSON.stringify(origin)}`);
    }
    // A GET never changes anything, so it needs no origin; a change by GET does not exist.
    assert.equal((await i.send('GET', '/api/admin/purge', undefined, { cookie: owner.cookie })).status, 404);
    assert.equal((await i.send('POST', '/api/admin/purge', undefined, owner.headers)).status, 200);
  });

  it("validates the owner's reply before touching the comment it answers: a bad reply approves nothing", async () => {
    const i = await db.open({ CHIME_MODERATION: 'all' });
    const held = newComment({ body: 'Waiting for approval.' });
    assert.equal((await i.send('POST', '/api/comments', held)).status, 202);
    const owner = await signIn(i);
    for (const body of [{ body: '' }, { body: '   ' }, { body: 'x'.repeat(10_001) }, { body: 'NUL \u0000' }, {}, { body: 'ok', extra: 1 }]) {
      const res = await i.send('POST', `/api/admin/comments/${held.id}/reply`, body, owner.headers);
      assert.equal(res.status, 422, JSON.stringify(body).slice(0, 40));
      assert.equal((await i.storage.find(held.id))!.status, 'pending', 'still waiting');
    }
    // Nor can the name replies are signed with be one a reply could not carry (then failing after the approval).
    const settings = (await (await i.send('GET', '/api/admin/settings', undefined, owner.headers)).json()) as Record<string, unknown>;
    for (const ownerName of ['\u202eevil', '\u200b', 'Pat\nBcc: x@evil.example']) {
      assert.equal((await i.send('PUT', '/api/admin/settings', { ...settings, ownerName }, owner.headers)).status, 422, JSON.stringify(ownerName));
    }
    const ok = await i.send('POST', `/api/admin/comments/${held.id}/reply`, { body: 'Thanks!' }, owner.headers);
    assert.equal(ok.status, 201);
    assert.equal((await i.storage.find(held.id))!.status, 'published');
  });
});
