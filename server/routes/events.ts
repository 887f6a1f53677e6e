import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { ThreadEvent } from '../../src/core/types.ts';
import { readQuery } from '../http/validate.ts';
import { threadQuery } from '../schemas.ts';
import type { Signal, Storage } from '../storage/types.ts';
import type { Deps } from './deps.ts';

/** Signals carry ids only (NOTIFY payloads are small); the event is read fresh from the database. */
async function toEvent(storage: Storage, signal: Signal): Promise<ThreadEvent | null> {
  if (signal.type === 'thread') return { type: 'thread', thread: await storage.thread(signal.threadId) };
  if (signal.type === 'deleted') return { type: 'deleted', id: signal.id!, threadId: signal.threadId };
  const comment = await storage.comment(signal.id!);
  if (comment?.status !== 'published') return null;
  return { type: signal.type, comment: { ...comment, status: 'published' } };
}

export function eventRoutes({ storage, config }: Deps) {
  const app = new Hono();

  app.get('/events', async (c) => {
    const { thread } = readQuery(c, threadQuery);
    return streamSSE(c, async (stream) => {
      // One event at a time, in the order the signals came.
      let queue: Promise<unknown> = Promise.resolve();
      const unsubscribe = await storage.subscribe((signal) => {
        if (signal.threadId !== thread) return;
        queue = queue
          .then(() => toEvent(storage, signal))
          .then((event) => event && stream.writeSSE({ data: JSON.stringify(event) }))
          .catch((err: unknown) => console.error('chime: could not send an event:', err));
      });
      // Only now is the subscription live: the first bytes tell the client so.
      await stream.write(`retry: 3000\n: listening\n\n`);
      const heartbeat = setInterval(() => void stream.write(': ping\n\n').catch(() => undefined), config.heartbeatMs);
      // The reader may have gone while we subscribed; onAbort only reports later aborts.
      if (!stream.aborted) await new Promise<void>((resolve) => stream.onAbort(resolve));
      clearInterval(heartbeat);
      unsubscribe();
    });
  });

  return app;
}
