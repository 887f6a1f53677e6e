import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { CommentPage, PostResult } from 'chime-comments/protocol';
import { ADMIN, eachBackend, newComment, type Instance } from './helpers/backends.ts';

const THREAD = '/2006/03/busy';

async function all(i: Instance) {
  const comments = [];
  let cursor: string | null = null;
  do {
    const query: string = `/api/comments?thread=${encodeURIComponent(THREAD)}&limit=100${cursor ? `&cursor=${cursor}` : ''}`;
    const page = (await (await i.send('GET', query)).json()) as CommentPage;
    comments.push(...page.comments);
    cursor = page.nextCursor;
  } while (cursor);
  return comments;
}

eachBackend('concurrency', (db) => {
  it('stores 200 parallel posts exactly once, numbered 1..200 (two instances on PostgreSQL)', async () => {
    const instances = db.name === 'postgres' ? [await db.open(), await db.open()] : [await db.open()];
    const inputs = Array.from({ length: 200 }, (_, n) => newComment({ threadId: THREAD, body: `comment ${n}` }));
    const responses = await Promise.all(inputs.map((input, n) => instances[n % instances.length]!.send('POST', '/api/comments', input)));
    assert.deepEqual([...new Set(responses.map((r) => r.status))], [201]);
    const results = (await Promise.all(responses.map((r) => r.json()))) as PostResult[];
    const numbers = results.map((r) => r.comment.number).sort((a, b) => a - b);
    assert.deepEqual(
      numbers,
      Array.from({ length: 200 }, (_, n) => n + 1),
    );

    for (const i of instances) {
      const stored = await all(i);
      assert.equal(stored.length, 200);
      assert.deepEqual(new Set(stored.map((c) => c.id)), new Set(inputs.map((c) => c.id)));
      const meta = await (await i.send('GET', `/api/thread?thread=${encodeURIComponent(THREAD)}`)).json();
      assert.deepEqual(meta, { id: THREAD, closed: false, count: 200 });
    }
  });

  it('stores the posts of a storm that may, and refuses the others alone (SQLite commits them together)', async () => {
    const i = await db.open();
    await i.send('PUT', `/api/admin/thread?thread=${encodeURIComponent('/closed')}`, { closed: true }, ADMIN);
    const inputs = Array.from({ length: 60 }, (_, n) =>
      n % 3 === 1
        ? newComment({ threadId: '/closed' })
        : n % 3 === 2
          ? newComment({ threadId: THREAD, parentId: 'missing' })
          : newComment({ threadId: THREAD }),
    );
    const statuses = await Promise.all(inputs.map(async (input) => (await i.send('POST', '/api/comments', input)).status));
    assert.deepEqual(
      statuses,
      inputs.map((_, n) => [201, 403, 422][n % 3]),
    );
    const stored = await all(i);
    assert.deepEqual(
      stored.map((c) => c.id).sort(),
      inputs
        .filter((_, n) => n % 3 === 0)
        .map((c) => c.id)
        .sort(),
    );
    assert.deepEqual(
      stored.map((c) => c.number).sort((a, b) => a - b),
      Array.from({ length: 20 }, (_, n) => n + 1),
    );
  });

  it('turns the same post sent five times at once into one comment', async () => {
    const instances = [await db.open(), await db.open()];
    const input = newComment({ threadId: THREAD });
    const responses = await Promise.all(Array.from({ length: 5 }, (_, n) => instances[n % 2]!.send('POST', '/api/comments', input)));
    assert.deepEqual(responses.map((r) => r.status).sort(), [200, 200, 200, 200, 201]);
    const stored = await all(instances[0]!);
    assert.deepEqual(
      stored.map((c) => [c.id, c.number]),
      [[input.id, 1]],
    );
  });

  it('migrates once when several instances start together', async () => {
    const instances = await Promise.all([db.open(), db.open(), db.open()]);
    assert.deepEqual(await instances[0]!.storage.migrate(), []);
    const res = await instances[2]!.send('POST', '/api/comments', newComment());
    assert.equal(res.status, 201);
  });
});
