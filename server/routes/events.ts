import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { ThreadEvent } from 'chime-comments/protocol';
import { readQuery } from '../http/validate.ts';
import { threadQuery } from '../schemas.ts';
import type { Signal, Storage, StoredComment } from '../storage/types.ts';
import type { Deps } from './deps.ts';

/**
 * A reconnecting stream is sent what changed since a little before its last event id: clocks of
 * instances differ a little, and a change may still have been on its way when the stream broke.
 * Events sent twice are harmless (readers apply them by comment id).
 */
const REPLAY_MARGIN_MS = 5_000;
/** Beyond this many changes a reader is better served by reloading the thread. */
const REPLAY_LIMIT = 200;

/** Signals carry ids only (NOTIFY payloads are small); the event is read fresh from the database. */
async function toEvent(storage: Storage, signal: Signal): Promise<ThreadEvent | null> {
  if (signal.type === 'thread') return { type: 'thread', thread: await storage.thread(signal.threadId) };
  if (signal.type === 'deleted') return { type: 'deleted', id: signal.id!, threadId: signal.threadId };
  const comment = await storage.comment(signal.id!);
  if (comment?.status !== 'published') return null;
  return { type: signal.type, comment: { ...comment, status: 'published' } };
}

/**
 * What a comment changed since `since` means to a reader: new, changed (placeholders included),
 * or gone (hidden by a moderator). Comments deleted outright leave nothing to replay.
 */
function replayed(comment: StoredComment, since: number): ThreadEvent {
  if (comment.status !== 'published') return { type: 'deleted', id: comment.id, threadId: comment.threadId };
  const type = Date.parse(comment.createdAt) > since ? 'created' : 'edited';
  return { type, comment: { ...comment, status: 'published' } };
}

export function eventRoutes({ storage, config }: Deps) {
  const app = new Hono();

  app.get('/events', async (c) => {
    const { thread } = readQuery(c, threadQuery);
    // EventSource sends the id of the last event it got when it reconnects; ids are server times.
    const lastEventId = Number(c.req.header('last-event-id'));
    return streamSSE(c, async (stream) => {
      const send = (event: ThreadEvent) => stream.writeSSE({ data: JSON.stringify(event), id: String(Date.now()) });
      const replay = async () => {
        if (!(lastEventId > 0)) return;
        const since = lastEventId - REPLAY_MARGIN_MS;
        for (const comment of await storage.changedSince(thread, since, REPLAY_LIMIT)) await send(replayed(comment, since));
        await send({ type: 'thread', thread: await storage.thread(thread) });
      };
      // One event at a time, in the order the signals came, after what is replayed.
      let listening!: () => void;
      const failed = (err: unknown) => console.error('chime: could not send an event:', err);
      let queue: Promise<unknown> = new Promise<void>((resolve) => (listening = resolve)).then(replay).catch(failed);
      const unsubscribe = await storage.subscribe((signal) => {
        if (signal.threadId !== thread) return;
        queue = queue
          .then(() => toEvent(storage, signal))
          .then((event) => event && send(event))
          .catch(failed);
      });
      // Only now is the subscription live: the first bytes tell the client so, and what changed
      // before it is replayed from the database.
      await stream.write(`retry: 3000\nid: ${Date.now()}\n: listening\n\n`);
      listening();
      // Heartbeats move the id on too: a stream quiet for an hour is not sent that hour again.
      const heartbeat = setInterval(() => void stream.write(`id: ${Date.now()}\n: ping\n\n`).catch(() => undefined), config.heartbeatMs);
      // The reader may have gone while we subscribed; onAbort only reports later aborts.
      if (!stream.aborted) await new Promise<void>((resolve) => stream.onAbort(resolve));
      clearInterval(heartbeat);
      unsubscribe();
    });
  });

  return app;
}
