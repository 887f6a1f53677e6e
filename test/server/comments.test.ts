import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { it, mock } from 'node:test';
import type { Comment, CommentPage, PostResult } from 'chime-comments/protocol';
import { ADMIN, eachBackend, issueReader, newComment, THREAD, type Instance } from './helpers/backends.ts';

const list = (i: Instance, query = '') => i.send('GET', `/api/comments?thread=${encodeURIComponent(THREAD)}${query}`);

async function post(i: Instance, overrides: Record<string, unknown> = {}, headers?: Record<string, string>) {
  const res = await i.send('POST', '/api/comments', newComment(overrides), headers);
  const result = (await res.clone().json()) as PostResult;
  // 202 for a comment held for approval.
  assert.equal(res.status, result.comment.status === 'pending' ? 202 : 201, await res.clone().text());
  return result;
}

eachBackend('comments', (db) => {
  it('posts a comment and lists it without the email', async () => {
    const i = await db.open();
    const { comment, editToken, editableUntil } = await post(i);
    assert.equal(comment.number, 1);
    assert.equal(comment.status, 'published');
    assert.match(editToken!, /^[\w-]{40,}$/);
    assert.equal(Date.parse(editableUntil!) - Date.parse(comment.createdAt), 15 * 60_000);
    assert.match(comment.author.avatarHash!, /^[0-9a-f]{64}$/);

    const res = await list(i);
    assert.equal(res.status, 200);
    const page = (await res.json()) as CommentPage;
    assert.deepEqual(page.thread, { id: THREAD, closed: false, count: 1 });
    assert.equal(page.comments[0]!.body, 'Hello there.');
    assert.ok(!JSON.stringify(page).toLowerCase().includes('ann@example.org'));
    assert.equal(page.nextCursor, null);
  });

  it('hashes emails with the site key: the same for every instance, never the plain SHA-256 unless Gravatar is on', async () => {
    const plain = createHash('sha256').update('ann@example.org').digest('hex');
    const [a, b] = await Promise.all([db.open(), db.open()]);
    const [first, second] = await Promise.all([post(a), post(b, { author: { name: 'Ann', email: 'ANN@example.org' } })]);
    assert.match(first.comment.author.avatarHash!, /^[0-9a-f]{64}$/);
    assert.notEqual(first.comment.author.avatarHash, plain);
    assert.equal(second.comment.author.avatarHash, first.comment.author.avatarHash);
    const other = await post(a, { author: { name: 'Bob', email: 'bob@example.org' } });
    assert.notEqual(other.comment.author.avatarHash, first.comment.author.avatarHash);

    const gravatar = await db.open({ CHIME_GRAVATAR: '1' });
    assert.equal((await post(gravatar)).comment.author.avatarHash, plain);
  });

  it('returns the original comment when the same post is re-sent, and 409 for different content', async () => {
    const i = await db.open();
    const input = newComment();
    const first = await i.send('POST', '/api/comments', input);
    assert.equal(first.status, 201);
    const again = await i.send('POST', '/api/comments', input);
    assert.equal(again.status, 200);
    const replay = (await again.json()) as PostResult;
    assert.equal(replay.comment.id, input.id);
    assert.equal(replay.comment.number, 1);
    assert.equal(replay.editToken, undefined);
    const other = await i.send('POST', '/api/comments', { ...input, body: 'Something else' });
    assert.equal(other.status, 409);
    assert.equal(((await other.json()) as { error: { code: string } }).error.code, 'conflict');
    const page = (await (await list(i)).json()) as CommentPage;
    assert.equal(page.comments.length, 1);
    assert.equal(page.thread.count, 1);
  });

  it('pages top-level comments with their replies, pinned first, in each sort order', async () => {
    const i = await db.open();
    const ids: string[] = [];
    for (let n = 0; n < 5; n++) ids.push((await post(i, { body: `top ${n}` })).comment.id);
    await post(i, { parentId: ids[0], body: 'reply to 0' });
    const deep = await post(i, { parentId: ids[4], body: 'reply to 4' });
    await post(i, { parentId: deep.comment.id, body: 'reply to reply' });
    const pin = await i.send('PATCH', `/api/admin/comments/${ids[2]}`, { pinned: true }, ADMIN);
    assert.equal(pin.status, 200);

    const walk = async (sort: string) => {
      const seen: Comment[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await list(i, `&sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        assert.equal(res.status, 200);
        const page = (await res.json()) as CommentPage;
        seen.push(...page.comments);
        cursor = page.nextCursor;
        pages++;
      } while (cursor);
      return { bodies: seen.map((c) => c.body), pages };
    };
    const oldest = await walk('oldest');
    assert.deepEqual(oldest.bodies, ['top 2', 'top 0', 'reply to 0', 'top 1', 'top 3', 'top 4', 'reply to 4', 'reply to reply']);
    assert.equal(oldest.pages, 3);
    const newest = await walk('newest');
    assert.deepEqual(newest.bodies, ['top 2', 'top 4', 'reply to 4', 'reply to reply', 'top 3', 'top 1', 'top 0', 'reply to 0']);

    // Reactions make "top": top 3 gets two, top 1 gets one.
    const [one, two] = [await issueReader(i), await issueReader(i)];
    for (const [id, reader] of [
      [ids[3], one],
      [ids[3], two],
      [ids[1], one],
    ] as const) {
      assert.equal((await i.send('PUT', `/api/comments/${id}/reactions/like?reader=${reader}`)).status, 200);
    }
    const top = await walk('top');
    assert.deepEqual(top.bodies, ['top 2', 'top 3', 'top 1', 'top 0', 'reply to 0', 'top 4', 'reply to 4', 'reply to reply']);
    const bad = await list(i, `&sort=top&cursor=${'x'.repeat(10)}`);
    assert.equal(bad.status, 422);
  });

  it('rejects a parent from another thread or one that does not exist', async () => {
    const i = await db.open();
    const elsewhere = await post(i, { threadId: '/other' });
    for (const parentId of [elsewhere.comment.id, 'nope']) {
      const res = await i.send('POST', '/api/comments', newComment({ parentId }));
      assert.equal(res.status, 422);
      assert.deepEqual(((await res.json()) as { error: { field: string } }).error.field, 'parentId');
    }
  });

  it('edits and deletes with the edit token, only within the edit window', async () => {
    const i = await db.open({ CHIME_EDIT_WINDOW: '1' });
    const { comment, editToken, editableUntil } = await post(i);
    // The widget offers editing for as long as the server says.
    assert.equal(Date.parse(editableUntil!) - Date.parse(comment.createdAt), 1000);
    const wrong = await i.send('PATCH', `/api/comments/${comment.id}`, { body: 'x' }, { 'x-chime-edit-token': 'wrong' });
    assert.equal(wrong.status, 403);
    const ok = await i.send('PATCH', `/api/comments/${comment.id}`, { body: 'Edited.' }, { 'x-chime-edit-token': editToken! });
    assert.equal(ok.status, 200);
    const edited = (await ok.json()) as Comment;
    assert.equal(edited.body, 'Edited.');
    assert.ok(edited.editedAt && Date.parse(edited.editedAt) >= Date.parse(edited.createdAt));

    await new Promise((r) => setTimeout(r, 1100));
    const late = await i.send('PATCH', `/api/comments/${comment.id}`, { body: 'Too late.' }, { 'x-chime-edit-token': editToken! });
    assert.equal(late.status, 403);
    const lateDelete = await i.send('DELETE', `/api/comments/${comment.id}`, undefined, { 'x-chime-edit-token': editToken! });
    assert.equal(lateDelete.status, 403);
    const page = (await (await list(i)).json()) as CommentPage;
    assert.equal(page.comments[0]!.body, 'Edited.');
  });

  it('keeps a deleted comment with replies as a placeholder and removes it with its last reply', async () => {
    const i = await db.open();
    const parent = await post(i);
    const reply = await post(i, { parentId: parent.comment.id, body: 'A reply.' });
    const lonely = await post(i, { body: 'No replies.' });
    for (const c of [parent, lonely]) {
      const res = await i.send('DELETE', `/api/comments/${c.comment.id}`, undefined, { 'x-chime-edit-token': c.editToken! });
      assert.equal(res.status, 204);
    }
    let page = (await (await list(i)).json()) as CommentPage;
    assert.deepEqual(
      page.comments.map((c) => [c.id, c.deleted, c.body, c.author.name, c.author.avatarHash]),
      [
        [parent.comment.id, true, '', '', null],
        [reply.comment.id, false, 'A reply.', 'Ann Reader', reply.comment.author.avatarHash],
      ],
    );
    assert.equal(page.thread.count, 1);
    const editPlaceholder = await i.send(
      'PATCH',
      `/api/comments/${parent.comment.id}`,
      { body: 'back' },
      { 'x-chime-edit-token': parent.editToken! },
    );
    assert.equal(editPlaceholder.status, 404);

    const res = await i.send('DELETE', `/api/comments/${reply.comment.id}`, undefined, { 'x-chime-edit-token': reply.editToken! });
    assert.equal(res.status, 204);
    page = (await (await list(i)).json()) as CommentPage;
    assert.deepEqual(page.comments, []);
    assert.equal(page.thread.count, 0);
  });

  it('refuses posts into a closed thread with 403, but lets the blog author answer', async () => {
    const i = await db.open();
    await post(i);
    const close = await i.send('PUT', `/api/admin/thread?thread=${encodeURIComponent(THREAD)}`, { closed: true }, ADMIN);
    assert.deepEqual(await close.json(), { id: THREAD, closed: true, count: 1 });
    const refused = await i.send('POST', '/api/comments', newComment());
    assert.equal(refused.status, 403);
    assert.equal(((await refused.json()) as { error: { code: string } }).error.code, 'closed');
    const meta = await (await i.send('GET', `/api/thread?thread=${encodeURIComponent(THREAD)}`)).json();
    assert.deepEqual(meta, { id: THREAD, closed: true, count: 1 });

    const answer = await post(i, { body: 'From the author.' }, ADMIN);
    assert.equal(answer.comment.author.role, 'author');
    const mod = await post(i, { author: { name: 'Mo', role: 'moderator' } }, ADMIN);
    assert.equal(mod.comment.author.role, 'moderator');
    const fake = await i.send('POST', '/api/comments', newComment({ author: { name: 'Mo', role: 'author' } }));
    assert.equal(fake.status, 403);
    const wrongToken = await i.send('POST', '/api/comments', newComment(), { authorization: 'Bearer guess' });
    assert.equal(wrongToken.status, 401);

    await i.send('PUT', `/api/admin/thread?thread=${encodeURIComponent(THREAD)}`, { closed: false }, ADMIN);
    await post(i);
  });

  it('counts published comments of many threads at once', async () => {
    const i = await db.open();
    await post(i, { threadId: '/a' });
    await post(i, { threadId: '/a' });
    await post(i, { threadId: '/b' });
    const res = await i.send('POST', '/api/counts', { threads: ['/a', '/b', '/c'] });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { counts: { '/a': 2, '/b': 1, '/c': 0 } });
    const tooMany = await i.send('POST', '/api/counts', { threads: Array.from({ length: 101 }, (_, n) => `/t${n}`) });
    assert.equal(tooMany.status, 422);
  });

  it('keeps counts right through moderation, deletes, placeholders and closed threads', async () => {
    const i = await db.open({ CHIME_MODERATION: 'all' });
    const send = async (method: string, path: string, body: unknown, status: number) => {
      const res = await i.send(method, path, body, ADMIN);
      assert.equal(res.status, status, await res.clone().text());
      return res;
    };
    const postAs = async (threadId: string, headers?: Record<string, string>, extra: Record<string, unknown> = {}) =>
      (await post(i, { threadId, ...extra }, headers)).comment;
    const others = Array.from({ length: 60 }, (_, n) => `/unknown/${n}`);
    const counts = async () => {
      const res = await i.send('POST', '/api/counts', { threads: ['/a', '/b', '/c', ...others] });
      const all = ((await res.json()) as { counts: Record<string, number> }).counts;
      for (const t of others) assert.equal(all[t], 0);
      // The thread meta of a page says the same.
      for (const t of ['/a', '/b', '/c']) {
        const meta = (await (await i.send('GET', `/api/thread?thread=${encodeURIComponent(t)}`)).json()) as { count: number };
        assert.equal(meta.count, all[t], t);
      }
      return [all['/a'], all['/b'], all['/c']];
    };

    const a1 = await postAs('/a', ADMIN);
    await postAs('/a', ADMIN);
    const pending = await postAs('/a');
    await postAs('/b');
    const root = await postAs('/c', ADMIN);
    const reply = await postAs('/c', ADMIN, { parentId: root.id });
    assert.deepEqual(await counts(), [2, 0, 2]);

    await send('PATCH', `/api/admin/comments/${a1.id}`, { status: 'hidden' }, 200);
    assert.deepEqual(await counts(), [1, 0, 2]);
    await send('PATCH', `/api/admin/comments/${pending.id}`, { status: 'published' }, 200);
    await send('PATCH', `/api/admin/comments/${a1.id}`, { status: 'published' }, 200);
    await send('PATCH', `/api/admin/comments/${a1.id}`, { pinned: true }, 200);
    assert.deepEqual(await counts(), [3, 0, 2]);

    // A root with a reply stays as a placeholder, which is not counted; the last reply takes it along.
    await send('DELETE', `/api/admin/comments/${root.id}`, undefined, 204);
    assert.deepEqual(await counts(), [3, 0, 1]);
    await send('DELETE', `/api/admin/comments/${reply.id}`, undefined, 204);
    assert.deepEqual(await counts(), [3, 0, 0]);

    // Refused posts leave count and numbers alone; a retry of an earlier post is still a retry.
    await send('PUT', `/api/admin/thread?thread=${encodeURIComponent('/a')}`, { closed: true }, 200);
    const closed = await i.send('POST', '/api/comments', newComment({ threadId: '/a' }));
    assert.equal(closed.status, 403);
    const again = newComment({
      threadId: '/a',
      id: pending.id,
      author: { name: 'Ann Reader', email: 'Ann@Example.org', website: 'https://ann.example.org' },
    });
    assert.equal((await i.send('POST', '/api/comments', again)).status, 200);
    const taken = await i.send('POST', '/api/comments', newComment({ threadId: '/b', id: a1.id }));
    assert.equal(taken.status, 409);
    await send('PUT', `/api/admin/thread?thread=${encodeURIComponent('/a')}`, { closed: false }, 200);
    assert.equal((await postAs('/a', ADMIN)).number, 4);
    assert.deepEqual(await counts(), [4, 0, 0]);
  });

  it('keeps everything across a restart', async () => {
    const first = await db.open();
    const { comment } = await post(first);
    await first.close();
    const second = await db.open();
    const page = (await (await list(second)).json()) as CommentPage;
    assert.deepEqual(
      page.comments.map((c) => c.id),
      [comment.id],
    );
    assert.equal((await post(second)).comment.number, 2);
    assert.deepEqual(await second.storage.migrate(), []);
  });
});

eachBackend('page cache', (db) => {
  it('reads the thread version once for all the requests that arrive while a read is under way', async () => {
    const i = await db.open();
    await post(i);
    const reads = mock.method(i.storage, 'version');
    const pages = await Promise.all(Array.from({ length: 50 }, () => list(i)));
    assert.deepEqual([...new Set(pages.map((p) => p.status))], [200]);
    // The first request's read, then one shared by the 49 that came while it ran.
    assert.ok(reads.mock.callCount() <= 2, `${reads.mock.callCount()} reads`);
  });

  it('never serves a page another instance has changed since', async () => {
    const [a, b] = [await db.open(), await db.open()];
    const { comment, editToken } = await post(a);
    const read = async () => (await (await list(a)).json()) as CommentPage;
    assert.equal((await read()).comments[0]!.body, 'Hello there.');

    await b.send('PATCH', `/api/comments/${comment.id}`, { body: 'Edited elsewhere.' }, { 'x-chime-edit-token': editToken! });
    assert.equal((await read()).comments[0]!.body, 'Edited elsewhere.');
    const reader = await issueReader(b);
    await b.send('PUT', `/api/comments/${comment.id}/reactions/love?reader=${reader}`);
    assert.deepEqual((await read()).comments[0]!.reactions, { love: 1 });
    await b.send('PATCH', `/api/admin/comments/${comment.id}`, { pinned: true }, ADMIN);
    assert.equal((await read()).comments[0]!.pinned, true);
    await b.send('PUT', `/api/admin/thread?thread=${encodeURIComponent(THREAD)}`, { closed: true }, ADMIN);
    assert.equal((await read()).thread.closed, true);
    await post(b, {}, ADMIN);
    assert.equal((await read()).thread.count, 2);
    await b.send('PATCH', `/api/admin/comments/${comment.id}`, { status: 'hidden' }, ADMIN);
    assert.equal((await read()).thread.count, 1);
    // What the reader reacted to is gone from what they see as theirs too.
    const mine = (await (await a.send('GET', `/api/reactions?thread=${encodeURIComponent(THREAD)}&reader=${reader}`)).json()) as object;
    assert.deepEqual(mine, { myReactions: {} });
  });
});
