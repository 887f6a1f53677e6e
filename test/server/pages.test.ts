import assert from 'node:assert/strict';
import { it } from 'node:test';
import { PageCache } from '../../server/service/page-cache.ts';
import { PAGE_BUDGET } from '../../server/service/pages.ts';
import type { Comment, CommentPage, PostResult } from 'chime-comments/protocol';
import { eachBackend, newComment, rawSql, THREAD, type Instance } from './helpers/backends.ts';

/** 10,000 UTF-16 code units, 20,000 bytes of UTF-8: the heaviest body a comment may have. */
const HEAVY = '😀'.repeat(5000);

async function post(i: Instance, overrides: Record<string, unknown> = {}) {
  const res = await i.send('POST', '/api/comments', newComment(overrides));
  assert.equal(res.status, 201, await res.clone().text());
  return ((await res.json()) as PostResult).comment;
}

async function get(i: Instance, query: string) {
  const res = await i.send('GET', `/api/comments?thread=${encodeURIComponent(THREAD)}${query}`);
  const text = await res.text();
  assert.equal(res.status, 200, text);
  return { page: JSON.parse(text) as CommentPage, bytes: Buffer.byteLength(text) };
}

/** Every comment of the thread as a reader gets them: pages, then "Show more replies" under each top-level comment. */
async function readAll(i: Instance, limit: number) {
  const seen: Comment[] = [];
  const pageSizes: number[] = [];
  let cursor: string | null = null;
  do {
    const { page, bytes } = await get(i, `&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    pageSizes.push(bytes);
    for (const comment of page.comments.filter((c) => c.parentId === null)) {
      seen.push(comment, ...page.comments.filter((c) => c.parentId !== null && rootOf(page.comments, c) === comment.id));
      let more = page.moreReplies?.[comment.id];
      while (more) {
        const replies = await get(i, `&root=${comment.id}&limit=100&cursor=${more.cursor}`);
        pageSizes.push(replies.bytes);
        assert.ok(replies.page.comments.length > 0);
        seen.push(...replies.page.comments);
        more = replies.page.nextCursor ? { count: 0, cursor: replies.page.nextCursor } : undefined;
      }
    }
    cursor = page.nextCursor;
  } while (cursor);
  return { seen, pageSizes };
}

function rootOf(comments: Comment[], comment: Comment): string | undefined {
  if (comment.parentId === null) return comment.id;
  const parent = comments.find((c) => c.id === comment.parentId);
  return parent && rootOf(comments, parent);
}

eachBackend('reply paging (H1)', (db) => {
  it('keeps a page within its budget however heavy the replies, and pages the rest of them', async () => {
    const i = await db.open();
    const heavy = await post(i, { body: 'Heavy discussion.' });
    const heavyReplies: string[] = [];
    for (let n = 0; n < 40; n++) {
      const parentId = n % 2 === 0 ? heavy.id : heavyReplies[n - 1];
      heavyReplies.push((await post(i, { parentId, body: `${n} ${HEAVY.slice(4)}` })).id);
    }
    const chatty = await post(i, { body: 'Chatty.' });
    const chattyReplies: string[] = [];
    for (let n = 0; n < 30; n++) chattyReplies.push((await post(i, { parentId: chatty.id, body: `small ${n}` })).id);
    const quiet = await post(i, { body: 'Quiet.' });

    const { page, bytes } = await get(i, '&limit=100');
    // 800 KB of replies before: now one budget plus at most the comment that crossed it.
    assert.ok(bytes < PAGE_BUDGET.bytes + 30_000, `first page is ${bytes} bytes`);
    assert.equal(page.comments[0]!.id, heavy.id);
    const shown = page.comments.filter((c) => c.parentId !== null).length;
    assert.ok(shown > 0 && shown < 40);
    assert.equal(page.moreReplies?.[heavy.id]?.count, 40 - shown);
    // The budget ran out: the other top-level comments are on the next page, not lost.
    assert.ok(page.nextCursor);

    const { seen, pageSizes } = await readAll(i, 100);
    assert.deepEqual(
      seen.map((c) => c.id),
      [heavy.id, ...heavyReplies, chatty.id, ...chattyReplies, quiet.id],
    );
    for (const size of pageSizes) assert.ok(size < PAGE_BUDGET.bytes + 30_000, `a page of ${size} bytes`);

    // At most PAGE_BUDGET.replies replies of one comment come with the thread's page.
    const second = await get(i, `&limit=100&cursor=${page.nextCursor}`);
    assert.equal(second.page.comments.filter((c) => c.parentId === chatty.id).length, PAGE_BUDGET.replies);
    assert.equal(second.page.moreReplies?.[chatty.id]?.count, 30 - PAGE_BUDGET.replies);
    assert.equal(second.page.moreReplies?.[quiet.id], undefined);
  });

  it('lists replies only under a published top-level comment of the thread', async () => {
    const i = await db.open();
    const root = await post(i);
    const reply = await post(i, { parentId: root.id });
    const elsewhere = await post(i, { threadId: '/elsewhere' });
    const t = encodeURIComponent(THREAD);
    for (const id of [reply.id, elsewhere.id, 'missing']) {
      assert.equal((await i.send('GET', `/api/comments?thread=${t}&root=${id}`)).status, 404, id);
    }
    const { page } = await get(i, `&root=${root.id}&limit=1`);
    assert.deepEqual([page.comments.map((c) => c.id), page.nextCursor], [[reply.id], null]);
    const sortCursor = Buffer.from(JSON.stringify(['oldest', 0, 0, 1])).toString('base64url');
    assert.equal((await i.send('GET', `/api/comments?thread=${t}&root=${root.id}&cursor=${sortCursor}`)).status, 422);
  });

  it('holds no more pages than its byte budget', async () => {
    const i = await db.open();
    const root = await post(i, { body: HEAVY });
    for (let n = 0; n < 20; n++) await post(i, { parentId: root.id, body: HEAVY });
    const maxBytes = 1024 * 1024;
    const cache = new PageCache(i.storage, maxBytes);
    // The audit's attack: the same thread at every page size, each a distinct cache entry.
    for (let limit = 1; limit <= 100; limit++) {
      const page = await cache.get({ threadId: THREAD, sort: 'oldest', limit });
      assert.ok(page.bytes.byteLength < PAGE_BUDGET.bytes + 30_000);
      assert.ok(cache.bytes <= maxBytes, `${cache.bytes} bytes cached after limit=${limit}`);
    }
    assert.ok(cache.bytes > maxBytes / 2);
  });
});

eachBackend('a thread of 70,000 replies (M2)', (db) => {
  it('stays readable past both databases’ bind-parameter limits', async () => {
    const i = await db.open();
    const root = await post(i, { body: 'The start of a long discussion.' });
    // 70,000 replies under one comment, more than SQLite's 32,766 and PostgreSQL's 65,535 parameters.
    await rawSql(
      db,
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 70000)
       INSERT INTO comments (id, thread_id, parent_id, root_id, number, author_name, body, content_hash, status, created_at, changed_at, public_at)
       SELECT 'bulk' || i, ?, ?, ?, i + 1, 'Bulk', 'reply ' || i, 'h', 'published', 0, 0, 0 FROM n`,
      [THREAD, root.id, root.id],
    );
    await rawSql(db, 'UPDATE threads SET last_number = 70001, comment_count = 70001, version = version + 1 WHERE id = ?', [THREAD]);

    const { page } = await get(i, '&limit=100');
    const mine = await i.send('GET', `/api/reactions?thread=${encodeURIComponent(THREAD)}&reader=reader-000000`);
    assert.deepEqual(await mine.json(), { myReactions: {} });
    assert.equal(page.thread.count, 70_001);
    assert.equal(page.comments.length, 1 + PAGE_BUDGET.replies);
    assert.equal(page.moreReplies?.[root.id]?.count, 70_000 - PAGE_BUDGET.replies);
    const replies = await get(i, `&root=${root.id}&limit=100&cursor=${page.moreReplies![root.id]!.cursor}`);
    assert.deepEqual(replies.page.comments[0]!.body, `reply ${PAGE_BUDGET.replies + 1}`);
    assert.equal(replies.page.comments.length, 100);
  });
});
