import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { CommentPage, PostResult } from 'chime-comments/protocol';
import { RestAdapter } from '../../src/adapters/rest.ts';
import { eachBackend, issueReader, newComment, THREAD, type Instance } from './helpers/backends.ts';

const from = (address: string) => ({ 'x-forwarded-for': address });

async function post(i: Instance) {
  return ((await (await i.send('POST', '/api/comments', newComment())).json()) as PostResult).comment;
}

eachBackend('reactions under attack (M8)', (db) => {
  it('limits the reactions of one address, likes and unlikes alike', async () => {
    const i = await db.open({ CHIME_REACTION_LIMIT: '5', CHIME_RATE_WINDOW: '3600', CHIME_TRUST_PROXY: '1' });
    const comment = await post(i);
    const readers = await Promise.all(Array.from({ length: 8 }, () => issueReader(i, from('203.0.113.9'))));
    // The audit's attack, scaled down: many readers liking one comment from one address.
    const statuses = [];
    for (const reader of readers)
      statuses.push((await i.send('PUT', `/api/comments/${comment.id}/reactions/like?reader=${reader}`, undefined, from('203.0.113.9'))).status);
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429, 429, 429]);
    const refused = await i.send('DELETE', `/api/comments/${comment.id}/reactions/like?reader=${readers[0]}`, undefined, from('203.0.113.9'));
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers.get('retry-after')) > 0);
    assert.equal((await i.storage.find(comment.id))!.reaction_count, 5);
    // Another address is not affected.
    assert.equal(
      (await i.send('PUT', `/api/comments/${comment.id}/reactions/like?reader=${readers[7]}`, undefined, from('198.51.100.4'))).status,
      200,
    );
  });

  it('accepts only reader ids it issued, a few per address per day, on any instance', async () => {
    const env = { CHIME_READER_LIMIT: '3', CHIME_TRUST_PROXY: '1' };
    const [a, b] = [await db.open(env), await db.open(env)];
    const comment = await post(a);
    const made = [crypto.randomUUID(), 'reader-0001', 'A'.repeat(44)];
    for (const reader of made) {
      const res = await a.send('PUT', `/api/comments/${comment.id}/reactions/like?reader=${reader}`);
      assert.equal(res.status, 422, reader);
      assert.equal(((await res.json()) as { error: { field: string } }).error.field, 'reader');
    }
    const issued = [await issueReader(a, from('203.0.113.9')), await issueReader(b, from('203.0.113.9')), await issueReader(a, from('203.0.113.9'))];
    assert.equal(new Set(issued).size, 3);
    const fourth = await b.send('POST', '/api/readers', undefined, from('203.0.113.9'));
    assert.equal(fourth.status, 429);
    assert.ok(Number(fourth.headers.get('retry-after')) > 0);
    assert.equal((await b.send('PUT', `/api/comments/${comment.id}/reactions/like?reader=${issued[0]}`)).status, 200);
    // A tampered id is no id.
    const tampered = issued[1]!.slice(0, 43) + (issued[1]!.endsWith('A') ? 'B' : 'A');
    assert.equal((await a.send('PUT', `/api/comments/${comment.id}/reactions/like?reader=${tampered}`)).status, 422);
  });
});

eachBackend('the reader overlay and HTTP caching', (db) => {
  it('serves every reader the same page, their own reactions beside it, with validators', async () => {
    const i = await db.open();
    const [first, second] = [await post(i), await post(i)];
    const reader = await issueReader(i);
    await i.send('PUT', `/api/comments/${second.id}/reactions/love?reader=${reader}`);
    const t = encodeURIComponent(THREAD);

    const shared = await i.send('GET', `/api/comments?thread=${t}`);
    assert.equal(shared.headers.get('cache-control'), 'public, no-cache');
    const sharedPage = (await shared.json()) as CommentPage;
    assert.ok(sharedPage.comments.every((c) => !('myReactions' in c)));
    const mine = await i.send('GET', `/api/reactions?thread=${t}&reader=${reader}`);
    assert.equal(mine.headers.get('cache-control'), 'private, no-cache');
    assert.deepEqual(await mine.json(), { myReactions: { [second.id]: ['love'] } });
    assert.equal(
      (await i.send('GET', `/api/reactions?thread=${t}&reader=${reader}`, undefined, { 'if-none-match': mine.headers.get('etag')! })).status,
      304,
    );

    const etag = shared.headers.get('etag')!;
    assert.match(etag, /^W\/".+"$/);
    const revalidated = await i.send('GET', `/api/comments?thread=${t}`, undefined, { 'if-none-match': etag });
    assert.equal(revalidated.status, 304);
    assert.equal(await revalidated.text(), '');
    const thread = await i.send('GET', `/api/thread?thread=${t}`);
    assert.equal((await i.send('GET', `/api/thread?thread=${t}`, undefined, { 'if-none-match': thread.headers.get('etag')! })).status, 304);

    // Any change a reader could see makes the copies stale.
    await i.send('PUT', `/api/comments/${first.id}/reactions/like?reader=${reader}`);
    const changed = await i.send('GET', `/api/comments?thread=${t}`, undefined, { 'if-none-match': etag });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.get('etag'), etag);
    assert.equal((await i.send('GET', `/api/thread?thread=${t}`, undefined, { 'if-none-match': thread.headers.get('etag')! })).status, 200);

    const cdn = await db.open({ CHIME_CACHE_MAX_AGE: '30' });
    assert.equal(
      (await cdn.send('GET', `/api/comments?thread=${t}`)).headers.get('cache-control'),
      'public, max-age=0, s-maxage=30, stale-while-revalidate=30',
    );
  });

  it('sends the shared page compressed, once compressed for everyone', async () => {
    const i = await db.open();
    for (let n = 0; n < 20; n++) await post(i);
    const base = await i.listen();
    const url = `${base}/api/comments?thread=${encodeURIComponent(THREAD)}`;
    const read = (encoding: string) => fetch(url, { headers: { 'accept-encoding': encoding } });
    const plain = await (await read('identity')).text();
    for (const encoding of ['br', 'gzip']) {
      // fetch decodes what it asked for: the page is the same, and it came compressed.
      const res = await read(`${encoding}, deflate`);
      assert.equal(res.headers.get('content-encoding'), encoding);
      assert.match(res.headers.get('vary') ?? '', /Accept-Encoding/);
      assert.equal(await res.text(), plain);
    }
    assert.equal((await read('gzip;q=0, identity')).headers.get('content-encoding'), null);
  });

  it('gets the REST adapter a reader id when it first reacts, and asks for the shared page until then', async () => {
    const i = await db.open();
    const base = await i.listen();
    const urls: string[] = [];
    const adapter = new RestAdapter(base, {
      fetch: (url, init) => {
        urls.push(`${init?.method ?? 'GET'} ${String(url).slice(base.length)}`);
        return fetch(url, init);
      },
    });
    const { comment } = await adapter.post(newComment());
    const readerId = crypto.randomUUID();
    assert.deepEqual(
      (await adapter.list(THREAD, { readerId })).comments.map((c) => c.myReactions),
      [[]],
    );
    assert.deepEqual(await adapter.react!(THREAD, comment.id, 'wow', true, { readerId }), { wow: 1 });
    assert.deepEqual(await adapter.react!(THREAD, comment.id, 'like', true, { readerId }), { like: 1, wow: 1 });
    assert.deepEqual((await adapter.list(THREAD, { readerId })).comments[0]!.myReactions?.sort(), ['like', 'wow']);
    const issued = /reader=([\w-]+)/.exec(urls.at(-1)!)![1]!;
    assert.equal(issued.length, 44);
    assert.deepEqual(
      urls.slice(1).map((u) => u.replace(issued, '<issued>').replace(comment.id, '<id>')),
      [
        `GET /api/comments?thread=${encodeURIComponent(THREAD).replace(/%20/g, '+')}`,
        'POST /api/readers',
        'PUT /api/comments/<id>/reactions/wow?reader=<issued>',
        'PUT /api/comments/<id>/reactions/like?reader=<issued>',
        `GET /api/comments?thread=${encodeURIComponent(THREAD)}`,
        `GET /api/reactions?thread=${encodeURIComponent(THREAD)}&reader=<issued>`,
      ],
    );
  });
});
