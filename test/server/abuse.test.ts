import assert from 'node:assert/strict';
import { it } from 'node:test';
import { eachBackend, newComment } from './helpers/backends.ts';

// Windows are an hour long so that no test run straddles two of them.
const from = (address: string) => ({ 'x-forwarded-for': address });

eachBackend('rate limits', (db) => {
  it('answers 429 with Retry-After once a client used up its posts, on every instance', async () => {
    const env = { CHIME_RATE_LIMIT: '3', CHIME_RATE_WINDOW: '3600', CHIME_TRUST_PROXY: '1' };
    const [a, b] = [await db.open(env), await db.open(env)];
    const statuses = [];
    for (const instance of [a, b, a]) statuses.push((await instance.send('POST', '/api/comments', newComment(), from('203.0.113.7'))).status);
    assert.deepEqual(statuses, [201, 201, 201]);

    const input = newComment();
    const limited = await b.send('POST', '/api/comments', input, from('203.0.113.7'));
    assert.equal(limited.status, 429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    assert.ok(retryAfter >= 1 && retryAfter <= 3600, `Retry-After ${retryAfter}`);
    const body = (await limited.json()) as { error: { code: string } };
    assert.equal(body.error.code, 'rate-limited');
    assert.equal(await a.storage.find(input.id), null);

    // Another client is not affected.
    assert.equal((await a.send('POST', '/api/comments', newComment(), from('198.51.100.1'))).status, 201);
  });

  it('counts an IPv6 client by its /64, which any one subscriber gets whole: a new address per post does not escape the limits', async () => {
    const env = { CHIME_RATE_LIMIT: '2', CHIME_REACTION_LIMIT: '2', CHIME_READER_LIMIT: '2', CHIME_RATE_WINDOW: '3600', CHIME_TRUST_PROXY: '1' };
    const i = await db.open(env);
    // Every request from another address of 2001:db8:7:7::/64, as its owner may pick them.
    let n = 0;
    const next = () => from(`2001:db8:7:7:${(++n).toString(16)}:${n}::${n}`);
    const posts = [];
    for (let k = 0; k < 4; k++) posts.push((await i.send('POST', '/api/comments', newComment(), next())).status);
    assert.deepEqual(posts, [201, 201, 429, 429]);
    const readers = [];
    for (let k = 0; k < 3; k++) readers.push((await i.send('POST', '/api/readers', undefined, next())).status);
    assert.deepEqual(readers, [201, 201, 429]);
    const signIns = [];
    for (let k = 0; k < 11; k++)
      signIns.push((await i.send('POST', '/api/admin/session', { token: 'guess' }, { origin: 'http://localhost', ...next() })).status);
    assert.deepEqual(signIns.slice(-2), [401, 429]);
    // The same /64 however it is written (zeros, case, an embedded IPv4 part).
    for (const same of ['2001:DB8:7:7::1', '2001:0db8:0007:0007:0:0:0:2', '2001:db8:7:7::192.0.2.1'])
      assert.equal((await i.send('POST', '/api/comments', newComment(), from(same))).status, 429, same);
    // Other networks are not affected; IPv4 clients still count one address each.
    assert.equal((await i.send('POST', '/api/comments', newComment(), from('2001:db8:7:8::1'))).status, 201);
    assert.equal((await i.send('POST', '/api/comments', newComment(), from('::ffff:198.51.100.1'))).status, 201);
    assert.equal((await i.send('POST', '/api/comments', newComment(), from('198.51.100.2'))).status, 201);
  });

  it('ignores X-Forwarded-For unless told to trust a proxy', async () => {
    const i = await db.open({ CHIME_RATE_LIMIT: '1', CHIME_RATE_WINDOW: '3600' });
    assert.equal((await i.send('POST', '/api/comments', newComment(), from('203.0.113.1'))).status, 201);
    assert.equal((await i.send('POST', '/api/comments', newComment(), from('203.0.113.2'))).status, 429);
  });
});

eachBackend('trusted proxies (M5)', (db) => {
  const spoofed = (client: string) => ({ 'x-forwarded-for': `${(Math.random() * 255) | 0}.${(Math.random() * 255) | 0}.0.1, ${client}` });

  it('counts a client by the address its proxy saw, whatever it writes in X-Forwarded-For itself', async () => {
    const i = await db.open({ CHIME_RATE_LIMIT: '3', CHIME_RATE_WINDOW: '3600', CHIME_TRUST_PROXY: '1' });
    const statuses = [];
    for (let n = 0; n < 10; n++) statuses.push((await i.send('POST', '/api/comments', newComment(), spoofed('203.0.113.7'))).status);
    assert.deepEqual(statuses, [201, 201, 201, 429, 429, 429, 429, 429, 429, 429]);
    assert.equal((await i.send('POST', '/api/comments', newComment(), spoofed('203.0.113.8'))).status, 201);
  });

  it('walks X-Forwarded-For past the listed proxies, from the socket on', async () => {
    const env = { CHIME_RATE_LIMIT: '2', CHIME_RATE_WINDOW: '3600', CHIME_TRUST_PROXY: 'loopback, 10.0.0.0/8' };
    const base = await (await db.open(env)).listen();
    const postFrom = async (forwarded: string) =>
      (
        await fetch(`${base}/api/comments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': forwarded },
          body: JSON.stringify(newComment()),
        })
      ).status;
    // Two proxies (10.0.0.2, then the socket's 127.0.0.1) in front of 198.51.100.9.
    const statuses = [];
    for (let n = 0; n < 4; n++) statuses.push(await postFrom(`${n}.${n}.${n}.${n}, 198.51.100.9, 10.0.0.2`));
    assert.deepEqual(statuses, [201, 201, 429, 429]);
    assert.equal(await postFrom('198.51.100.10, 10.0.0.2'), 201);
  });

  it('refuses a CHIME_TRUST_PROXY it cannot read, naming it', async () => {
    await assert.rejects(db.open({ CHIME_TRUST_PROXY: '10.0.0.0/99' }), /CHIME_TRUST_PROXY/);
  });
});

eachBackend('CORS', (db) => {
  it('answers only the origins in CHIME_ORIGINS', async () => {
    const i = await db.open({ CHIME_ORIGINS: 'https://blog.example.org, https://www.example.org' });
    const preflight = await i.app.request('/api/comments', {
      method: 'OPTIONS',
      headers: { origin: 'https://blog.example.org', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://blog.example.org');
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /X-Chime-Edit-Token/i);
    assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /PATCH/);

    const other = await i.send('GET', '/api/thread?thread=/x', undefined, { origin: 'https://evil.example' });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
    const limited = await db.open({ CHIME_RATE_LIMIT: '1', CHIME_RATE_WINDOW: '3600' });
    await limited.send('POST', '/api/comments', newComment(), { origin: 'https://x.example' });
    const refused = await limited.send('POST', '/api/comments', newComment(), { origin: 'https://x.example' });
    assert.equal(refused.status, 429);
    assert.equal(refused.headers.get('access-control-allow-origin'), '*');
    assert.match(refused.headers.get('access-control-expose-headers') ?? '', /Retry-After/);
  });
});
