import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import { it, mock } from 'node:test';
import { eachBackend, newComment } from './helpers/backends.ts';
import { openEvents, type EventStream } from './helpers/sse.ts';

const THREAD = '/2006/03/hub';

eachBackend('one event hub per thread (M6)', (db) => {
  it('reads each event once for all the readers of a thread, however many', async () => {
    const i = await db.open({ CHIME_STREAMS_PER_ADDRESS: '100' });
    const base = await i.listen();
    const streams: EventStream[] = [];
    try {
      for (let n = 0; n < 40; n++) streams.push(await openEvents(base, THREAD));
      const lookups = mock.method(i.storage, 'comment');
      const input = newComment({ threadId: THREAD });
      assert.equal((await i.send('POST', '/api/comments', input)).status, 201);
      for (const stream of streams) {
        const event = await stream.next();
        assert.equal(event.type === 'created' && event.comment.id, input.id);
      }
      assert.equal(lookups.mock.callCount(), 1);
    } finally {
      streams.forEach((s) => s.close());
    }
  });

  it('caps streams per address and in all with a clear 429, and frees a place when a stream ends', async () => {
    const i = await db.open({ CHIME_STREAMS_PER_ADDRESS: '3', CHIME_STREAMS_MAX: '5', CHIME_TRUST_PROXY: '1' });
    const base = await i.listen();
    const from = (address: string) => ({ 'x-forwarded-for': address });
    const url = `${base}/api/events?thread=${encodeURIComponent(THREAD)}`;
    const refusal = async (address: string) => {
      const res = await fetch(url, { headers: from(address) });
      assert.equal(res.status, 429);
      assert.ok(Number(res.headers.get('retry-after')) > 0);
      return ((await res.json()) as { error: { code: string; message: string } }).error;
    };
    const streams: EventStream[] = [];
    try {
      for (let n = 0; n < 3; n++) streams.push(await openEvents(base, THREAD, undefined, from('203.0.113.1')));
      assert.deepEqual(await refusal('203.0.113.1'), { code: 'rate-limited', message: 'At most 3 live streams per address.' });
      for (let n = 0; n < 2; n++) streams.push(await openEvents(base, THREAD, undefined, from('203.0.113.2')));
      assert.match((await refusal('203.0.113.3')).message, /as many live readers as it can/);
      streams.shift()!.close();
      // The server notices the reader has gone, and the place is free again.
      for (let tries = 0; ; tries++) {
        const again = await fetch(url, { headers: from('203.0.113.3') });
        if (again.status === 200) {
          await again.body?.cancel();
          break;
        }
        await again.body?.cancel();
        assert.ok(tries < 50, 'the closed stream was never counted out');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      streams.forEach((s) => s.close());
    }
  });

  it('cuts off a reader who stops reading instead of queueing its events without end', async () => {
    const i = await db.open({ CHIME_RATE_LIMIT: '100000' });
    // Over a Unix socket: the kernel holds some 200 KB for a reader that does not read, not the
    // tens of MB a loopback TCP connection may grow to, so what the server keeps shows quickly.
    const path = join(mkdtempSync(join(tmpdir(), 'chime-sock-')), 'server.sock');
    const server = createAdaptorServer({ fetch: i.app.fetch });
    await new Promise<void>((resolve) => server.listen(path, resolve));
    const socket = connect(path);
    try {
      const closed = new Promise<boolean>((resolve) => socket.once('close', () => resolve(true)));
      const listening = new Promise((resolve) => socket.once('data', resolve));
      socket.write(`GET /api/events?thread=${encodeURIComponent(THREAD)} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
      await listening;
      socket.pause();
      // 100 events of 20 KB: five times what the kernel and the server's allowance hold.
      for (let n = 0; n < 100; n++) {
        assert.equal((await i.send('POST', '/api/comments', newComment({ threadId: THREAD, body: '😀'.repeat(5000) }))).status, 201);
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
      // Reading again, the reader finds its stream was ended rather than kept waiting for it.
      socket.resume();
      const cut = await Promise.race([closed, new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 3000))]);
      assert.ok(cut, 'the server kept every event for a reader who did not read');
    } finally {
      socket.destroy();
      server.close();
    }
  });
});
