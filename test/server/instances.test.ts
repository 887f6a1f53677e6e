import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import type { CommentPage, PostResult } from 'chime-comments/protocol';
import { spawnServer } from '../plugins/spawn-server.js';
import { ADMIN, ADMIN_TOKEN, newComment, THREAD } from './helpers/backends.ts';
import { postgres } from './helpers/postgres.ts';
import { openEvents } from './helpers/sse.ts';

/** docs/deploy.md's set-up: three server processes on one PostgreSQL database, behind any balancer. */
describe('three instances on one PostgreSQL database', () => {
  const children: ChildProcess[] = [];
  const urls: string[] = [];

  before(async () => {
    const database = await (await postgres()).createDatabase();
    for (let n = 0; n < 3; n++) {
      const { child, listening } = spawnServer({ DATABASE_URL: database, CHIME_ADMIN_TOKEN: ADMIN_TOKEN });
      children.push(child);
      urls.push(await listening);
    }
  });
  after(() => children.forEach((child) => child.kill()));

  const send = (url: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${url}${path}`, {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('posts on one and is live on the others, reacts and moderates anywhere', async () => {
    const [one, two, three] = urls as [string, string, string];
    const streams = [await openEvents(two, THREAD), await openEvents(three, THREAD)];
    try {
      const res = await send(one, 'POST', '/api/comments', newComment());
      assert.equal(res.status, 201);
      const { comment } = (await res.json()) as PostResult;
      for (const stream of streams) {
        const event = await stream.next();
        assert.equal(event.type === 'created' && event.comment.id, comment.id);
      }
      const page = (await (await send(three, 'GET', `/api/comments?thread=${encodeURIComponent(THREAD)}`)).json()) as CommentPage;
      assert.deepEqual(
        page.comments.map((c) => c.id),
        [comment.id],
      );

      // A reader id from one instance is good on another; the reaction shows on the third's page.
      const { reader } = (await (await send(one, 'POST', '/api/readers')).json()) as { reader: string };
      assert.equal((await send(two, 'PUT', `/api/comments/${comment.id}/reactions/like?reader=${reader}`)).status, 200);
      const shown = (await (await send(three, 'GET', `/api/comments?thread=${encodeURIComponent(THREAD)}`)).json()) as CommentPage;
      const mine = await send(three, 'GET', `/api/reactions?thread=${encodeURIComponent(THREAD)}&reader=${reader}`);
      assert.deepEqual([shown.comments[0]!.reactions, await mine.json()], [{ like: 1 }, { myReactions: { [comment.id]: ['like'] } }]);

      assert.equal((await send(three, 'PUT', `/api/admin/thread?thread=${encodeURIComponent(THREAD)}`, { closed: true }, ADMIN)).status, 200);
      for (const stream of streams) assert.deepEqual(await stream.next(), { type: 'thread', thread: { id: THREAD, closed: true, count: 1 } });
    } finally {
      streams.forEach((s) => s.close());
    }
  });
});
