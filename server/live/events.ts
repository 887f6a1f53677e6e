import type { ThreadEvent } from 'chime-comments/protocol';
import type { CommentRow, Signal, Storage } from '../storage/types.ts';
import { toComment } from '../storage/view.ts';

/** Signals carry ids only (NOTIFY payloads are small); the event is read fresh from the database, once per thread. */
export async function toEvent(storage: Storage, signal: Signal): Promise<ThreadEvent | null> {
  if (signal.type === 'thread') return { type: 'thread', thread: await storage.thread(signal.threadId) };
  if (signal.type === 'deleted') return { type: 'deleted', id: signal.id!, threadId: signal.threadId };
  const comment = await storage.comment(signal.id!);
  if (comment?.status !== 'published') return null;
  return { type: signal.type, comment: { ...comment, status: 'published' } };
}

/**
 * What a comment changed since `since` means to a reader: new (posted or approved), changed
 * (placeholders included), or gone (hidden, back in the queue, deleted). Comments readers never
 * saw (pending, or rejected from the queue) are nobody's business: nothing is sent for them.
 */
export function replayed(row: CommentRow, since: number): ThreadEvent | null {
  if (row.status !== 'published') return row.public_at === null ? null : { type: 'deleted', id: row.id, threadId: row.thread_id };
  const type = (row.public_at ?? row.created_at) > since ? 'created' : 'edited';
  return { type, comment: { ...toComment(row), status: 'published' } };
}

/** An SSE message; its id is the server's time, which a reconnecting EventSource sends back. */
export const message = (event: ThreadEvent) => `id: ${Date.now()}\ndata: ${JSON.stringify(event)}\n\n`;
