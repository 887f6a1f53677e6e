import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Comment, CommentPage, PostResult } from 'chime-comments/protocol';
import { openEvents } from './helpers/sse.ts';
import { ADMIN, eachBackend, issueReader, newComment, rawSql, THREAD } from './helpers/backends.ts';

eachBackend('moderation', (db) => {
  it('holds new comments for approval when CHIME_MODERATION=all', async () => {
    const i = await db.open({ CHIME_MODERATION: 'all' });
    const res = await i.send('POST', '/api/comments', newComment());
    // Stored, but not published: 202.
    assert.equal(res.status, 202);
    const { comment } = (await res.json()) as PostResult;
    assert.equal(comment.status, 'pending');

    const list = async () => (await (await i.send('GET', `/api/comments?thread=${encodeURIComponent(THREAD)}`)).json()) as CommentPage;
    let page = await list();
    assert.deepEqual([page.comments.length, page.thread.count], [0, 0]);
    assert.deepEqual((await i.storage.counts([THREAD]))[THREAD], 0);

    const queue = (await (await i.send('GET', '/api/admin/queue', undefined, ADMIN)).json()) as { comments: { id: string; status: string }[] };
    assert.deepEqual(
      queue.comments.map((c) => [c.id, c.status]),
      [[comment.id, 'pending']],
    );

    // Replies to a comment nobody can see yet are refused.
    const reply = await i.send('POST', '/api/comments', newComment({ parentId: comment.id }));
    assert.equal(reply.status, 422);

    const approve = await i.send('PATCH', `/api/admin/comments/${comment.id}`, { status: 'published' }, ADMIN);
    assert.equal(approve.status, 200);
    page = await list();
    assert.deepEqual([page.comments.map((c) => c.id), page.thread.count], [[comment.id], 1]);
    const emptied = (await (await i.send('GET', '/api/admin/queue', undefined, ADMIN)).json()) as { comments: unknown[] };
    assert.deepEqual(emptied.comments, []);

    // The author's own answers skip the queue.
    const answer = (await (await i.send('POST', '/api/comments', newComment(), ADMIN)).json()) as PostResult;
    assert.equal(answer.comment.status, 'published');
  });

  it('hides, pins and deletes comments with the admin token only', async () => {
    const i = await db.open();
    const ids = [];
    for (let n = 0; n < 3; n++) ids.push(((await (await i.send('POST', '/api/comments', newComment())).json()) as PostResult).comment.id);
    for (const headers of [{}, { authorization: 'Bearer nope' }] as Record<string, string>[]) {
      const res = await i.send('PATCH', `/api/admin/comments/${ids[0]}`, { status: 'hidden' }, headers);
      assert.equal(res.status, 401);
    }
    assert.equal((await i.send('PATCH', `/api/admin/comments/${ids[0]}`, { status: 'hidden' }, ADMIN)).status, 200);
    assert.equal((await i.send('PATCH', `/api/admin/comments/${ids[2]}`, { pinned: true }, ADMIN)).status, 200);
    assert.equal((await i.send('DELETE', `/api/admin/comments/${ids[1]}`, undefined, ADMIN)).status, 204);
    assert.equal((await i.send('DELETE', `/api/admin/comments/${ids[1]}`, undefined, ADMIN)).status, 404);
    const page = (await (await i.send('GET', `/api/comments?thread=${encodeURIComponent(THREAD)}`)).json()) as CommentPage;
    assert.deepEqual(
      page.comments.map((c) => [c.id, c.pinned]),
      [[ids[2], true]],
    );
    assert.equal(page.thread.count, 1);
  });

  it('turns the admin API off when no token is configured: 403, with or without a token', async () => {
    const i = await db.open({ CHIME_ADMIN_TOKEN: '' });
    for (const headers of [ADMIN, {}]) {
      const res = await i.send('GET', '/api/admin/queue', undefined, headers);
      assert.equal(res.status, 403, JSON.stringify(headers));
      assert.match(((await res.json()) as { error: { message: string } }).error.message, /CHIME_ADMIN_TOKEN/);
    }
    const post = await i.send('POST', '/api/comments', newComment(), ADMIN);
    assert.equal(post.status, 403);
  });

  it('lets readers of a blog behind HTTP Basic authentication post (L5)', async () => {
    const basic = { authorization: `Basic ${Buffer.from('reader:secret').toString('base64')}` };
    for (const env of [{}, { CHIME_ADMIN_TOKEN: '' }] as Record<string, string>[]) {
      const i = await db.open(env);
      const res = await i.send('POST', '/api/comments', newComment(), basic);
      assert.equal(res.status, 201, await res.clone().text());
      assert.equal(((await res.json()) as PostResult).comment.author.role, null);
    }
  });
});

eachBackend('reactions', (db) => {
  it('counts one reaction of a kind per reader, toggled on and off', async () => {
    const i = await db.open();
    const { comment } = (await (await i.send('POST', '/api/comments', newComment())).json()) as PostResult;
    const react = async (method: string, kind: string, reader: string) => {
      const res = await i.send(method, `/api/comments/${comment.id}/reactions/${kind}?reader=${reader}`);
      assert.equal(res.status, 200);
      return ((await res.json()) as { reactions: Record<string, number> }).reactions;
    };
    const [one, two] = [await issueReader(i), await issueReader(i)];
    assert.deepEqual(await react('PUT', 'like', one), { like: 1 });
    assert.deepEqual(await react('PUT', 'like', one), { like: 1 });
    const twice = await Promise.all([react('PUT', 'love', one), react('PUT', 'love', one)]);
    assert.deepEqual(twice.at(-1), { like: 1, love: 1 });
    assert.deepEqual(await react('PUT', 'like', two), { like: 2, love: 1 });
    assert.deepEqual(await react('DELETE', 'like', one), { like: 1, love: 1 });
    assert.deepEqual(await react('DELETE', 'like', one), { like: 1, love: 1 });

    const page = (await (await i.send('GET', `/api/comments?thread=${encodeURIComponent(comment.threadId)}`)).json()) as CommentPage;
    assert.deepEqual(page.comments[0]!.reactions, { like: 1, love: 1 });
    const mine = await i.send('GET', `/api/reactions?thread=${encodeURIComponent(comment.threadId)}&reader=${one}`);
    assert.deepEqual(await mine.json(), { myReactions: { [comment.id]: ['love'] } });
    assert.equal((await i.storage.find(comment.id))!.reaction_count, 2);
    const missing = await i.send('PUT', `/api/comments/nope/reactions/like?reader=${one}`);
    assert.equal(missing.status, 404);
  });
});

eachBackend('edits under moderation (M3)', (db) => {
  it('sends an edited comment back to the queue when CHIME_MODERATION=all', async () => {
    const i = await db.open({ CHIME_MODERATION: 'all' });
    const { comment, editToken } = (await (await i.send('POST', '/api/comments', newComment())).json()) as PostResult;
    assert.equal((await i.send('PATCH', `/api/admin/comments/${comment.id}`, { status: 'published' }, ADMIN)).status, 200);
    const stream = await openEvents(await i.listen(), THREAD);
    try {
      const edit = await i.send('PATCH', `/api/comments/${comment.id}`, { body: 'Buy cheap watches.' }, { 'x-chime-edit-token': editToken! });
      assert.equal(edit.status, 200);
      assert.equal(((await edit.json()) as Comment).status, 'pending');
      assert.deepEqual(await stream.next(), { type: 'deleted', id: comment.id, threadId: THREAD });

      const list = async () => (await (await i.send('GET', `/api/comments?thread=${encodeURIComponent(THREAD)}`)).json()) as CommentPage;
      assert.deepEqual([(await list()).comments, (await list()).thread.count], [[], 0]);
      const queue = (await (await i.send('GET', '/api/admin/queue', undefined, ADMIN)).json()) as { comments: Comment[] };
      assert.deepEqual(
        queue.comments.map((c) => [c.id, c.body]),
        [[comment.id, 'Buy cheap watches.']],
      );
      assert.equal((await i.send('PATCH', `/api/admin/comments/${comment.id}`, { status: 'published' }, ADMIN)).status, 200);
      assert.deepEqual(
        (await list()).comments.map((c) => c.body),
        ['Buy cheap watches.'],
      );
    } finally {
      stream.close();
    }
  });
});

eachBackend('upgrading a database with reactions', (db) => {
  it('counts the reactions already given into each comment (migration 008)', async () => {
    const i = await db.open();
    const { comment } = (await (await i.send('POST', '/api/comments', newComment())).json()) as PostResult;
    const [one, two] = [await issueReader(i), await issueReader(i)];
    for (const [kind, reader] of [
      ['like', one],
      ['like', two],
      ['love', one],
    ]) {
      assert.equal((await i.send('PUT', `/api/comments/${comment.id}/reactions/${kind}?reader=${reader}`)).status, 200);
    }
    await i.close();
    // The database as it was before migration 008.
    await rawSql(db, 'ALTER TABLE comments DROP COLUMN reaction_counts');
    await rawSql(db, "DELETE FROM chime_migrations WHERE name = '008_reaction_counts.sql'");
    const upgraded = await db.open();
    assert.deepEqual(await upgraded.storage.migrate(), []);
    const page = (await (await upgraded.send('GET', `/api/comments?thread=${encodeURIComponent(THREAD)}`)).json()) as CommentPage;
    assert.deepEqual(page.comments[0]!.reactions, { like: 2, love: 1 });
  });
});
