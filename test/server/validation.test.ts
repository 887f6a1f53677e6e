import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { CommentPage } from 'chime-comments/protocol';
import { ADMIN, eachBackend, newComment, THREAD } from './helpers/backends.ts';

const author = { name: 'Ann' };

/** [what, request body, expected status, expected error code, expected field] */
const badPosts: [string, unknown, number, string, string | undefined][] = [
  ['invalid JSON', '{"id": "a",', 400, 'bad-request', undefined],
  ['a JSON array', [], 422, 'validation', undefined],
  ['an unknown field', newComment({ admin: true }), 422, 'validation', 'admin'],
  ['an unknown author field', newComment({ author: { name: 'Ann', phone: '123' } }), 422, 'validation', 'author.phone'],
  ['a number as body', newComment({ body: 123 }), 422, 'validation', 'body'],
  ['a string as author', newComment({ author: 'Ann' }), 422, 'validation', 'author'],
  ['a missing name', newComment({ author: {} }), 422, 'validation', 'author.name'],
  ['a blank name', newComment({ author: { name: '   ' } }), 422, 'validation', 'author.name'],
  ['an 81-character name', newComment({ author: { name: 'n'.repeat(81) } }), 422, 'validation', 'author.name'],
  ['a control character in the name', newComment({ author: { name: 'A\u0007nn' } }), 422, 'validation', 'author.name'],
  ['an empty body', newComment({ author, body: ' \n ' }), 422, 'validation', 'body'],
  ['a 10,001-character body', newComment({ author, body: 'b'.repeat(10_001) }), 422, 'validation', 'body'],
  ['a javascript: website', newComment({ author: { name: 'Ann', website: 'javascript:alert(1)' } }), 422, 'validation', 'author.website'],
  ['an ftp: website', newComment({ author: { name: 'Ann', website: 'ftp://example.org/' } }), 422, 'validation', 'author.website'],
  ['a website that is no URL', newComment({ author: { name: 'Ann', website: 'my site' } }), 422, 'validation', 'author.website'],
  ['an invalid email', newComment({ author: { name: 'Ann', email: 'ann@' } }), 422, 'validation', 'author.email'],
  ['a 257-character thread id', newComment({ author, threadId: `/${'t'.repeat(256)}` }), 422, 'validation', 'threadId'],
  ['a control character in the thread id', newComment({ author, threadId: '/a\nb' }), 422, 'validation', 'threadId'],
  ['an id with spaces', newComment({ author, id: 'a b' }), 422, 'validation', 'id'],
  ['a numeric id', newComment({ author, id: 5 }), 422, 'validation', 'id'],
  // M1: PostgreSQL cannot store NUL; both databases now answer the same 422.
  ['a NUL in the body', newComment({ author, body: 'a\u0000b' }), 422, 'validation', 'body'],
  ['a NUL in the website', newComment({ author: { name: 'Ann', website: 'https://ann.example/\u0000' } }), 422, 'validation', 'author.website'],
  ['a lone surrogate in the body', newComment({ author, body: 'a\ud800b' }), 422, 'validation', 'body'],
  ['a control character in the body', newComment({ author, body: 'a\u001bb' }), 422, 'validation', 'body'],
  // L8: limits count UTF-16 code units, as documented.
  ['5,001 emoji (10,002 code units) as body', newComment({ author, body: '😀'.repeat(5001) }), 422, 'validation', 'body'],
  ['41 emoji as name', newComment({ author: { name: '😀'.repeat(41) } }), 422, 'validation', 'author.name'],
  // L9: names nobody can see, or that reorder the text around them.
  ['a zero-width name', newComment({ author: { name: '\u200b\u200c\u200d\u2060' } }), 422, 'validation', 'author.name'],
  ['a Hangul-filler name', newComment({ author: { name: '\u3164\u3164' } }), 422, 'validation', 'author.name'],
  ['a name with a bidi override', newComment({ author: { name: 'Ann\u202eretsinimda' } }), 422, 'validation', 'author.name'],
  ['a name with a bidi isolate', newComment({ author: { name: '\u2067Ann' } }), 422, 'validation', 'author.name'],
];

const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function errorOf(body: unknown) {
  return (body as { error: { code: string; field?: string; message: string } }).error;
}

eachBackend('validation', (db) => {
  it('answers each kind of bad post with a clear 4xx and stores nothing', async () => {
    const i = await db.open();
    for (const [what, body, status, code, field] of badPosts) {
      const res = await i.send('POST', '/api/comments', body);
      const text = await res.text();
      assert.equal(res.status, status, `${what}: ${text}`);
      const error = errorOf(JSON.parse(text));
      assert.equal(error.code, code, what);
      assert.equal(error.field, field, what);
      assert.ok(error.message.length > 0 && !/\bat \w+ \(/.test(text), `${what}: no stack trace`);
      const id = (body as { id?: unknown })?.id;
      if (typeof id === 'string') assert.equal(await i.storage.find(id), null, `${what}: nothing stored`);
    }
    const page = (await (await i.send('GET', `/api/comments?thread=${encodeURIComponent(THREAD)}`)).json()) as CommentPage;
    assert.deepEqual([page.comments.length, page.thread.count], [0, 0]);
  });

  it('accepts the longest body and name the limits allow, in any script', async () => {
    const i = await db.open();
    const res = await i.send('POST', '/api/comments', newComment({ author: { name: '😀'.repeat(40) }, body: `😀`.repeat(5000) }));
    assert.equal(res.status, 201, await res.text());
    const named = await i.send('POST', '/api/comments', newComment({ author: { name: 'عربي \u200fمع علامة' }, body: 'Tabs\tand\nlines.' }));
    assert.equal(named.status, 201, await named.text());
  });

  it('refuses invalid UTF-8, other media types and oversized bodies', async () => {
    const i = await db.open();
    const json = new TextEncoder().encode(JSON.stringify(newComment({ body: 'XX' })));
    const broken = json.slice();
    const at = Buffer.from(broken).indexOf('XX');
    broken.set([0xff, 0xfe], at);
    const utf8 = await i.app.request('/api/comments', { method: 'POST', headers: { 'content-type': 'application/json' }, body: broken });
    assert.equal(utf8.status, 400);
    assert.match(errorOf(await utf8.json()).message, /UTF-8/);

    const text = await i.app.request('/api/comments', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: json });
    assert.equal(text.status, 415);

    const huge = JSON.stringify(newComment({ body: 'x'.repeat(200_000) }));
    const declared = await i.app.request('/api/comments', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(huge.length) },
      body: huge,
    });
    assert.equal(declared.status, 413);
    assert.equal(errorOf(await declared.json()).code, 'too-large');
    // Chunked, so no Content-Length to go by.
    const stream = new Blob([huge]).stream();
    const chunked = await i.app.request('/api/comments', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    assert.equal(chunked.status, 413);
    assert.deepEqual((await i.storage.counts([THREAD]))[THREAD], 0);
  });

  it('validates query strings, path parameters and the other bodies', async () => {
    const i = await db.open();
    const { comment, editToken } = (await (await i.send('POST', '/api/comments', newComment())).json()) as {
      comment: { id: string };
      editToken: string;
    };
    const t = encodeURIComponent(THREAD);
    const cases: [string, string, unknown, Record<string, string>, number, string | undefined][] = [
      ['GET', '/api/comments', undefined, {}, 422, 'thread'],
      ['GET', `/api/comments?thread=${t}&limit=0`, undefined, {}, 422, 'limit'],
      ['GET', `/api/comments?thread=${t}&limit=abc`, undefined, {}, 422, 'limit'],
      ['GET', `/api/comments?thread=${t}&limit=101`, undefined, {}, 422, 'limit'],
      ['GET', `/api/comments?thread=${t}&sort=random`, undefined, {}, 422, 'sort'],
      ['GET', `/api/comments?thread=${t}&cursor=bm9wZQ`, undefined, {}, 422, 'cursor'],
      ['GET', `/api/comments?thread=${t}&page=2`, undefined, {}, 422, 'page'],
      ['GET', '/api/thread?thread=', undefined, {}, 422, 'thread'],
      ['POST', '/api/counts', { threads: '/a' }, {}, 422, 'threads'],
      ['POST', '/api/counts', { threads: [1] }, {}, 422, 'threads.0'],
      ['PUT', `/api/comments/${comment.id}/reactions/hate?reader=reader-0001`, undefined, {}, 422, 'reaction'],
      ['PUT', `/api/comments/${comment.id}/reactions/like?reader=x`, undefined, {}, 422, 'reader'],
      ['PUT', `/api/comments/${comment.id}/reactions/like`, undefined, {}, 422, 'reader'],
      ['PUT', '/api/comments/no%20way/reactions/like?reader=reader-0001', undefined, {}, 422, 'id'],
      ['PATCH', `/api/comments/${comment.id}`, { body: 'x'.repeat(10_001) }, { 'x-chime-edit-token': editToken }, 422, 'body'],
      ['PATCH', `/api/comments/${comment.id}`, { body: 'ok', author: 'me' }, { 'x-chime-edit-token': editToken }, 422, 'author'],
      ['PATCH', `/api/comments/${comment.id}`, { body: 'a\u0000b' }, { 'x-chime-edit-token': editToken }, 422, 'body'],
      ['PATCH', `/api/comments/${comment.id}`, { body: '😀'.repeat(5001) }, { 'x-chime-edit-token': editToken }, 422, 'body'],
      // M1: cursors holding numbers no INTEGER column can hold.
      ['GET', `/api/comments?thread=${t}&cursor=${cursor(['oldest', 0, 0, 2 ** 31])}`, undefined, {}, 422, 'cursor'],
      ['GET', `/api/comments?thread=${t}&sort=top&cursor=${cursor(['top', 0, 1e20, 5])}`, undefined, {}, 422, 'cursor'],
      ['GET', `/api/comments?thread=${t}&cursor=${cursor(['oldest', 0, 0, -1])}`, undefined, {}, 422, 'cursor'],
      ['PATCH', '/api/comments/bad!id', { body: 'ok' }, { 'x-chime-edit-token': editToken }, 422, 'id'],
      ['PATCH', `/api/admin/comments/${comment.id}`, {}, ADMIN, 422, undefined],
      ['PATCH', `/api/admin/comments/${comment.id}`, { status: 'pending' }, ADMIN, 422, 'status'],
      ['PUT', `/api/admin/thread?thread=${t}`, { closed: 'yes' }, ADMIN, 422, 'closed'],
      ['GET', '/api/admin/queue?limit=-1', undefined, ADMIN, 422, 'limit'],
    ];
    for (const [method, path, body, headers, status, field] of cases) {
      const res = await i.send(method, path, body, headers);
      const text = await res.text();
      assert.equal(res.status, status, `${method} ${path}: ${text}`);
      assert.equal(errorOf(JSON.parse(text)).field, field, `${method} ${path}`);
    }
    const stored = await i.storage.find(comment.id);
    assert.equal(stored?.body, 'Hello there.');
    assert.equal(stored?.reaction_count, 0);
  });
});
