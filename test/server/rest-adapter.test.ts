import assert from 'node:assert/strict';
import { it } from 'node:test';
import { RestAdapter } from '../../src/adapters/rest.ts';
import { AdapterError } from '../../src/core/errors.ts';
import { ADMIN, eachBackend, newComment, THREAD } from './helpers/backends.ts';
import { sign, SSO_SECRET, user } from './helpers/sso.ts';

async function failure(promise: Promise<unknown>): Promise<AdapterError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof AdapterError, String(err));
    return err;
  }
  return assert.fail('expected a rejection');
}

eachBackend('RestAdapter against the server', (db) => {
  it('lists, posts, edits, reacts, counts and removes', async () => {
    const i = await db.open();
    const adapter = new RestAdapter(`${await i.listen()}/`);
    const input = newComment({ threadId: THREAD });
    const { comment, editToken } = await adapter.post(input);
    assert.equal(comment.number, 1);
    assert.deepEqual((await adapter.post(input)).comment.id, comment.id);

    const edited = await adapter.edit(THREAD, comment.id, 'Edited.', { editToken: editToken! });
    assert.equal(edited.body, 'Edited.');
    assert.deepEqual(await adapter.react!(THREAD, comment.id, 'like', true, { readerId: 'reader-0001' }), { like: 1 });

    const page = await adapter.list(THREAD, { readerId: 'reader-0001', sort: 'newest', limit: 5 });
    assert.deepEqual(page.thread, { id: THREAD, closed: false, count: 1 });
    assert.deepEqual(
      page.comments.map((c) => [c.body, c.myReactions]),
      [['Edited.', ['like']]],
    );
    assert.deepEqual(await adapter.getThread(THREAD), { id: THREAD, closed: false, count: 1 });

    const many = Array.from({ length: 150 }, (_, n) => `/t/${n}`);
    const counts = await adapter.counts([THREAD, ...many]);
    assert.equal(Object.keys(counts).length, 151);
    assert.equal(counts[THREAD], 1);
    assert.deepEqual(await adapter.counts([]), {});

    await adapter.remove(THREAD, comment.id, { editToken: editToken! });
    assert.deepEqual((await adapter.list(THREAD)).comments, []);
  });

  it('acts as the signed-in reader while it has a user token: X-Chime-User on writes and their reactions, never on shared pages', async () => {
    const i = await db.open({ CHIME_SSO_SECRET: SSO_SECRET });
    const seen: Array<[string, string | null]> = [];
    const spy: typeof fetch = (url, init) => {
      seen.push([`${init?.method ?? 'GET'} ${new URL(String(url)).pathname}`, new Headers(init?.headers).get('x-chime-user')]);
      return fetch(url, init);
    };
    const base = await i.listen();
    const laptop = new RestAdapter(base, { fetch: spy });
    const token = sign(user());
    laptop.user = token;
    const { comment } = await laptop.post(newComment({ author: { name: 'Typed' } }));
    assert.deepEqual([comment.author.name, comment.author.verified], ['Grace Hopper', true]);
    assert.deepEqual(await laptop.react!(THREAD, comment.id, 'like', true, { readerId: 'device-1' }), { like: 1 });

    // The phone: another adapter, no edit token, no reader id issued; the same user.
    const phone = new RestAdapter(base, { fetch: spy });
    phone.user = sign(user({ iat: Math.floor(Date.now() / 1000) - 1 }));
    const page = await phone.list(THREAD, { readerId: 'device-2' });
    assert.deepEqual(page.comments[0]!.myReactions, ['like']);
    assert.equal((await phone.edit(THREAD, comment.id, 'From my phone.', { editToken: '' })).body, 'From my phone.');
    await phone.remove(THREAD, comment.id, { editToken: '' });

    assert.ok(
      seen.every(([request, header]) => (request.startsWith('GET /api/comments') ? header === null : header !== null)),
      JSON.stringify(seen),
    );
    assert.ok(!seen.some(([request]) => request === 'POST /api/readers'));

    // Signed out: anonymous again. An expired token (by this device's clock) is not sent, even one
    // that expired after it was set: the reader writes as a guest (the form tells them so).
    phone.user = '';
    assert.equal((await phone.post(newComment())).comment.author.verified, undefined);
    phone.user = sign(user({ iat: 1, exp: 2 }));
    seen.length = 0;
    assert.equal((await phone.post(newComment({ author: { name: 'Guest' } }))).comment.author.name, 'Guest');
    assert.deepEqual(seen, [['POST /api/comments', null]]);
  });

  it('pages through the replies a page left out (root)', async () => {
    const i = await db.open();
    const adapter = new RestAdapter(await i.listen());
    const { comment: root } = await adapter.post(newComment());
    const replies: string[] = [];
    for (let n = 0; n < 25; n++) replies.push((await adapter.post(newComment({ parentId: replies.at(-1) ?? root.id }))).comment.id);
    const page = await adapter.list(THREAD);
    const more = page.moreReplies?.[root.id];
    assert.equal(more?.count, 5);
    const rest = await adapter.list(THREAD, { root: root.id, cursor: more.cursor, limit: 3 });
    const last = await adapter.list(THREAD, { root: root.id, cursor: rest.nextCursor, limit: 3 });
    assert.deepEqual(
      [...page.comments, ...rest.comments, ...last.comments].map((c) => c.id),
      [root.id, ...replies],
    );
    assert.equal(last.nextCursor, null);
  });

  it('maps server answers to AdapterError codes', async () => {
    const i = await db.open({ CHIME_RATE_LIMIT: '3', CHIME_RATE_WINDOW: '3600' });
    const adapter = new RestAdapter(await i.listen());

    const invalid = await failure(adapter.post(newComment({ author: { name: 'Ann', website: 'javascript:x' } })));
    assert.deepEqual([invalid.code, invalid.field, invalid.retryable], ['validation', 'author.website', false]);

    const first = newComment();
    await adapter.post(first);
    const conflict = await failure(adapter.post({ ...first, body: 'different' }));
    assert.equal(conflict.code, 'conflict');

    const limited = await failure(adapter.post(newComment()));
    assert.equal(limited.code, 'rate-limited');
    assert.ok(limited.retryAfter! > 0 && limited.retryable);

    const missing = await failure(adapter.edit(THREAD, 'nope', 'x', { editToken: 'x' }));
    assert.equal(missing.code, 'not-found');

    await i.send('PUT', `/api/admin/thread?thread=${encodeURIComponent(THREAD)}`, { closed: true }, ADMIN);
    const fresh = new RestAdapter(await (await db.open()).listen());
    const closed = await failure(fresh.post(newComment()));
    assert.equal(closed.code, 'closed');

    const controller = new AbortController();
    controller.abort();
    assert.equal((await failure(adapter.list(THREAD, { signal: controller.signal }))).code, 'aborted');
  });
});

it('reports network failures, server errors and paths under a prefix', async () => {
  const unreachable = new RestAdapter('http://127.0.0.1:9/');
  assert.equal((await failure(unreachable.getThread('/x'))).code, 'network');

  const urls: string[] = [];
  const broken = new RestAdapter('https://comments.example.org/chime', {
    fetch: async (url) => {
      urls.push(String(url));
      return new Response('<html>Bad gateway</html>', { status: 502 });
    },
  });
  const error = await failure(broken.list('/2006/03/a b', { cursor: 'abc', limit: 10 }));
  assert.deepEqual([error.code, error.retryable], ['server', true]);
  assert.deepEqual(urls, ['https://comments.example.org/chime/api/comments?thread=%2F2006%2F03%2Fa+b&cursor=abc&limit=10']);
});
