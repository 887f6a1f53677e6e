import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { PostResult } from 'chime-comments/protocol';
import { ADMIN, eachBackend, newComment } from './helpers/backends.ts';
import { openEvents } from './helpers/sse.ts';

const THREAD = '/2006/03/live';

eachBackend('live events', (db) => {
  it('streams created, edited, deleted and thread events of one thread', async () => {
    const i = await db.open();
    const stream = await openEvents(await i.listen(), THREAD);
    try {
      await i.send('POST', '/api/comments', newComment({ threadId: '/elsewhere' }));
      const { comment, editToken } = (await (await i.send('POST', '/api/comments', newComment({ threadId: THREAD }))).json()) as PostResult;
      const created = await stream.next();
      assert.equal(created.type, 'created');
      assert.equal(created.type === 'created' && created.comment.id, comment.id);
      assert.ok(!JSON.stringify(created).toLowerCase().includes('ann@example.org'));

      await i.send('PATCH', `/api/comments/${comment.id}`, { body: 'Changed.' }, { 'x-chime-edit-token': editToken! });
      const edited = await stream.next();
      assert.deepEqual(edited.type === 'edited' && [edited.comment.id, edited.comment.body], [comment.id, 'Changed.']);

      await i.send('DELETE', `/api/comments/${comment.id}`, undefined, { 'x-chime-edit-token': editToken! });
      assert.deepEqual(await stream.next(), { type: 'deleted', id: comment.id, threadId: THREAD });

      await i.send('PUT', `/api/admin/thread?thread=${encodeURIComponent(THREAD)}`, { closed: true }, ADMIN);
      assert.deepEqual(await stream.next(), { type: 'thread', thread: { id: THREAD, closed: true, count: 0 } });
    } finally {
      stream.close();
    }
  });

  it('replays to a reconnecting reader what changed since its last event id', async () => {
    const i = await db.open();
    const base = await i.listen();
    // Three comments from a minute ago, long before the reader's last event.
    const longAgo = Date.now() - 60_000;
    const [untouched, pinned, hidden] = ['untouched', 'pinned', 'hidden'];
    for (const id of [untouched, pinned, hidden]) {
      await i.storage.insert({
        id,
        threadId: THREAD,
        parentId: null,
        name: 'Old',
        website: null,
        email: null,
        avatarHash: null,
        role: null,
        body: `${id}.`,
        contentHash: id,
        editTokenHash: null,
        status: 'published',
        createdAt: longAgo,
      });
    }
    const first = await openEvents(base, THREAD);
    const lastId = first.lastId();
    assert.match(lastId, /^\d+$/);
    first.close();

    // While the reader is away: one comment pinned, one hidden, one posted.
    assert.equal((await i.send('PATCH', `/api/admin/comments/${pinned}`, { pinned: true }, ADMIN)).status, 200);
    assert.equal((await i.send('PATCH', `/api/admin/comments/${hidden}`, { status: 'hidden' }, ADMIN)).status, 200);
    const posted = (await (await i.send('POST', '/api/comments', newComment({ threadId: THREAD }))).json()) as PostResult;

    const again = await openEvents(base, THREAD, lastId);
    try {
      const events = [await again.next(), await again.next(), await again.next(), await again.next()];
      assert.deepEqual(
        events.map((e) => (e.type === 'thread' ? [e.type, e.thread.count] : e.type === 'deleted' ? [e.type, e.id] : [e.type, e.comment.id])),
        [
          ['edited', pinned],
          ['deleted', hidden],
          ['created', posted.comment.id],
          ['thread', 3],
        ],
      );
      assert.equal(events[0]!.type === 'edited' && events[0].comment.pinned, true);
      assert.ok(Number(again.lastId()) >= Number(lastId));
      // The untouched comment is not sent again. (Live events for the same changes may still
      // come, on PostgreSQL when NOTIFY was slower than the reconnect: readers apply them by id.)
      const later: string[] = [];
      for (;;) {
        const event = await again.next(300).catch(() => null);
        if (!event) break;
        later.push(event.type === 'thread' ? 'thread' : event.type === 'deleted' ? event.id : event.comment.id);
      }
      assert.ok(!later.includes(untouched), `sent again: ${later.join()}`);
    } finally {
      again.close();
    }
  });

  it('tells a reader who reconnects after a quiet spell only where the thread stands', async () => {
    const i = await db.open();
    const base = await i.listen();
    const first = await openEvents(base, THREAD);
    first.close();
    const again = await openEvents(base, THREAD, String(Date.now() + 60_000));
    try {
      assert.deepEqual(await again.next(), { type: 'thread', thread: { id: THREAD, closed: false, count: 0 } });
    } finally {
      again.close();
    }
  });

  it('takes a Last-Event-ID from far in the future, or no number at all, as now (L10)', async () => {
    const i = await db.open();
    const base = await i.listen();
    for (const lastId of ['1e20', 'Infinity', '99999999999999999999', String(Date.now() + 86_400_000)]) {
      const again = await openEvents(base, THREAD, lastId);
      try {
        assert.deepEqual(await again.next(), { type: 'thread', thread: { id: THREAD, closed: false, count: 0 } }, lastId);
      } finally {
        again.close();
      }
    }
  });

  it('sends heartbeats and nothing for comments awaiting moderation', async () => {
    const i = await db.open({ CHIME_MODERATION: 'all', CHIME_HEARTBEAT: '0.1' });
    const base = await i.listen();
    const res = await fetch(`${base}/api/events?thread=${encodeURIComponent(THREAD)}`);
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    await i.send('POST', '/api/comments', newComment({ threadId: THREAD }));
    let text = '';
    const until = Date.now() + 400;
    while (Date.now() < until) text += (await reader.read()).value ?? '';
    await reader.cancel();
    assert.match(text, /: ping\n\n[^]*: ping\n\n/);
    assert.doesNotMatch(text, /data:/);
  });

  it('reaches readers connected to another instance', { skip: db.name === 'sqlite' && 'one process per SQLite file' }, async () => {
    const [a, b] = [await db.open(), await db.open()];
    const stream = await openEvents(await a.listen(), THREAD);
    try {
      const inputs = [newComment({ threadId: THREAD }), newComment({ threadId: THREAD })];
      for (const input of inputs) assert.equal((await b.send('POST', '/api/comments', input)).status, 201);
      for (const input of inputs) {
        const event = await stream.next();
        assert.equal(event.type === 'created' && event.comment.id, input.id);
      }
    } finally {
      stream.close();
    }
  });

  it(
    'listens again when the LISTEN connection is lost, losing nothing posted meanwhile (L2)',
    { skip: db.name === 'sqlite' && 'no LISTEN on SQLite' },
    async () => {
      const [a, b] = [await db.open(), await db.open()];
      const stream = await openEvents(await a.listen(), THREAD);
      const ids: string[] = [];
      try {
        const pg = await import('pg');
        const killer = new pg.default.Client({ connectionString: db.url });
        await killer.connect();
        const { rows } = await killer.query(
          "SELECT pg_terminate_backend(pid) AS gone FROM pg_stat_activity WHERE application_name = 'chime-listen' AND datname = current_database()",
        );
        await killer.end();
        // Only the instance with a subscriber listens.
        assert.equal(rows.length, 1);
        // Posted on another instance while this one is not listening: its NOTIFY reaches nobody here.
        const missed = newComment({ threadId: THREAD });
        assert.equal((await b.send('POST', '/api/comments', missed)).status, 201);
        await new Promise((resolve) => setTimeout(resolve, 1500));
        const live = newComment({ threadId: THREAD });
        assert.equal((await b.send('POST', '/api/comments', live)).status, 201);
        for (;;) {
          const event = await stream.next();
          if (event.type === 'created' && !ids.includes(event.comment.id)) ids.push(event.comment.id);
          if (ids.includes(live.id) && ids.includes(missed.id)) break;
        }
        assert.deepEqual(new Set(ids), new Set([missed.id, live.id]));
      } finally {
        stream.close();
      }
    },
  );
});

eachBackend('replay privacy (L3)', (db) => {
  it('tells a reconnecting reader nothing of comments nobody could see', async () => {
    const i = await db.open({ CHIME_MODERATION: 'all' });
    const base = await i.listen();
    const first = await openEvents(base, THREAD);
    const lastId = first.lastId();
    first.close();

    const pending = newComment({ threadId: THREAD });
    const rejected = newComment({ threadId: THREAD });
    const removed = newComment({ threadId: THREAD });
    for (const input of [pending, rejected, removed]) assert.equal((await i.send('POST', '/api/comments', input)).status, 202);
    assert.equal((await i.send('PATCH', `/api/admin/comments/${rejected.id}`, { status: 'hidden' }, ADMIN)).status, 200);
    assert.equal((await i.send('DELETE', `/api/admin/comments/${removed.id}`, undefined, ADMIN)).status, 204);
    const seen = newComment({ threadId: THREAD });
    assert.equal((await i.send('POST', '/api/comments', seen, ADMIN)).status, 201);
    assert.equal((await i.send('PATCH', `/api/admin/comments/${seen.id}`, { status: 'hidden' }, ADMIN)).status, 200);

    const again = await openEvents(base, THREAD, lastId);
    try {
      const events = [await again.next(), await again.next()];
      assert.deepEqual(events, [
        { type: 'deleted', id: seen.id, threadId: THREAD },
        { type: 'thread', thread: { id: THREAD, closed: false, count: 0 } },
      ]);
    } finally {
      again.close();
    }
  });
});
