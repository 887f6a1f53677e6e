import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { CommentPage, PostResult } from 'chime-comments/protocol';
import { ADMIN, eachBackend, issueReader, newComment, THREAD, type Instance } from './helpers/backends.ts';

async function post(i: Instance, input: ReturnType<typeof newComment>) {
  const res = await i.send('POST', '/api/comments', input);
  assert.equal(res.status, 201, await res.clone().text());
  return (await res.json()) as PostResult;
}

const list = async (i: Instance) => (await (await i.send('GET', `/api/comments?thread=${encodeURIComponent(THREAD)}`)).json()) as CommentPage;

eachBackend('deleted comments keep their ids (L6)', (db) => {
  it('refuses a new comment, or a late retry, under the id of a deleted one', async () => {
    const i = await db.open();
    const original = newComment({ body: 'The original text.' });
    const { editToken } = await post(i, original);
    assert.equal((await i.send('DELETE', `/api/comments/${original.id}`, undefined, { 'x-chime-edit-token': editToken! })).status, 204);

    // Someone else's text under the permalink, and the outbox's late retry of the original.
    for (const attempt of [{ ...newComment({ body: 'Other text.' }), id: original.id }, original]) {
      const res = await i.send('POST', '/api/comments', attempt);
      assert.equal(res.status, 409, await res.clone().text());
      assert.deepEqual(((await res.json()) as { error: { field: string } }).error.field, 'id');
    }
    const page = await list(i);
    assert.deepEqual([page.comments, page.thread.count], [[], 0]);
    // Numbers are not reused either.
    assert.equal((await post(i, newComment())).comment.number, 2);
  });

  it('keeps the ids of a placeholder and its replies once they are all gone, deleted by writers or moderators', async () => {
    const i = await db.open();
    const root = newComment();
    const reply = newComment({ parentId: root.id });
    const rootToken = (await post(i, root)).editToken!;
    await post(i, reply);
    assert.equal((await i.send('DELETE', `/api/comments/${root.id}`, undefined, { 'x-chime-edit-token': rootToken })).status, 204);
    assert.deepEqual(
      (await list(i)).comments.map((c) => [c.id, c.deleted]),
      [
        [root.id, true],
        [reply.id, false],
      ],
    );
    assert.equal((await i.send('DELETE', `/api/admin/comments/${reply.id}`, undefined, ADMIN)).status, 204);
    assert.deepEqual((await list(i)).comments, []);
    for (const input of [root, reply, { ...newComment(), id: root.id }]) {
      assert.equal((await i.send('POST', '/api/comments', input)).status, 409, input.id);
    }
    assert.equal((await i.send('DELETE', `/api/admin/comments/${reply.id}`, undefined, ADMIN)).status, 404);
    assert.equal((await i.send('PATCH', `/api/admin/comments/${root.id}`, { status: 'published' }, ADMIN)).status, 404);
    // A tombstone takes no reactions and is nobody's parent.
    assert.equal((await i.send('PUT', `/api/comments/${root.id}/reactions/like?reader=${await issueReader(i)}`)).status, 404);
    assert.equal((await i.send('POST', '/api/comments', newComment({ parentId: root.id }))).status, 422);
  });
});
