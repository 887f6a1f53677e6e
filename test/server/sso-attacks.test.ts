/** Attempts at user tokens beyond sso.test.ts: other encodings of a valid token, odd numbers, other token formats, ids that collide. */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { it } from 'node:test';
import type { PostResult } from 'chime-comments/protocol';
import { eachBackend, issueReader, newComment, THREAD } from './helpers/backends.ts';
import { as, now, sign, SSO_SECRET, user } from './helpers/sso.ts';

const SSO = { CHIME_SSO_SECRET: SSO_SECRET };
const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const mac = (signed: string) => createHmac('sha256', SSO_SECRET).update(signed).digest('base64url');

eachBackend('attacks on user tokens', (db) => {
  it('refuses every other spelling of a valid token: the signature covers the text as sent, not what it decodes to', async () => {
    const i = await db.open(SSO);
    const [version, payload, signature] = sign(user()).split('.') as [string, string, string];
    const standard = (text: string) => text.replace(/-/g, '+').replace(/_/g, '/');
    // Header values arrive as bytes: a character beyond ASCII comes as its UTF-8 bytes, each read as one character.
    const wire = (text: string) => Buffer.from(text).toString('latin1');
    const variants = {
      'padding on the payload': `${version}.${payload}==.${signature}`,
      'padding on the signature': `${version}.${payload}.${signature}=`,
      'standard base64 signature': `${version}.${payload}.${standard(signature)}${standard(signature) === signature ? '+' : ''}`,
      'a space inside the payload': `${version}.${payload.slice(0, 8)} ${payload.slice(8)}.${signature}`,
      'a zero-width space inside': wire(`${version}.${payload.slice(0, 8)}\u200b${payload.slice(8)}.${signature}`),
      'a fullwidth letter': wire(`${version}.${payload.replace(/[A-Z]/, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))}.${signature}`),
      'the version in capitals': `V1.${payload}.${signature}`,
      'a JWT with alg none': `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`,
      'a JWT with alg HS256': `${b64({ alg: 'HS256', typ: 'JWT' })}.${payload}.${mac(`${b64({ alg: 'HS256', typ: 'JWT' })}.${payload}`)}`,
      'four parts': `${version}.${payload}.${signature}.${signature}`,
      'the signature of the payload alone': `${version}.${payload}.${mac(payload)}`,
    };
    for (const [what, token] of Object.entries(variants)) {
      const res = await i.send('POST', '/api/comments', newComment(), as(token));
      assert.equal(res.status, 401, what);
    }
    // Spaces around the whole token are no part of it (HTTP trims header values anyway).
    assert.equal((await i.send('POST', '/api/comments', newComment(), as(`  ${sign(user())} `))).status, 201);
  });

  it('refuses times in milliseconds, fractions, negative and enormous numbers', async () => {
    const i = await db.open(SSO);
    const ms = Date.now();
    const times = [
      { exp: ms + 3_600_000 },
      { iat: ms, exp: ms + 3_600_000 },
      { exp: now() + 3600.5 },
      { iat: -1 },
      { exp: 1e300 },
      { exp: 2 ** 53 + 1 },
      { iat: 2 ** 41, exp: 2 ** 41 + 60 },
      { exp: '1e3' },
      { exp: null },
    ];
    for (const fields of times) {
      const res = await i.send('POST', '/api/comments', newComment(), as(sign(user(fields))));
      assert.equal(res.status, 401, JSON.stringify(fields));
    }
  });

  it('never mistakes a signed-in user for an anonymous writer or reader, whatever the id', async () => {
    const i = await db.open(SSO);
    const anonymous = (await (await i.send('POST', '/api/comments', newComment())).json()) as PostResult;
    // Ids that a careless comparison would take for "no user".
    for (const id of ['null', 'undefined', '0', 'false', ' ', 'NaN']) {
      const token = as(sign(user({ id })));
      const edit = await i.send('PATCH', `/api/comments/${anonymous.comment.id}`, { body: 'Taken over.' }, token);
      assert.equal(edit.status, 403, `user ${JSON.stringify(id)} edits an anonymous comment`);
      assert.equal((await i.send('DELETE', `/api/comments/${anonymous.comment.id}`, undefined, token)).status, 403);
    }
    // A signed-in user's reactions are keyed "u.<keyed hash>": no reader id can name them.
    const reader = await issueReader(i);
    const thread = encodeURIComponent(THREAD);
    for (const forged of ['u.abc', `u.${'a'.repeat(64)}`, `${reader}.x`]) {
      const res = await i.send('GET', `/api/reactions?thread=${thread}&reader=${encodeURIComponent(forged)}`);
      assert.equal(res.status, 422, forged);
      const put = await i.send('PUT', `/api/comments/${anonymous.comment.id}/reactions/like?reader=${encodeURIComponent(forged)}`);
      assert.equal(put.status, 422, forged);
    }
  });
});
