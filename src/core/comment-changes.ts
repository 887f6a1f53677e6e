import type { WriterHost } from './comment-writer.js';
import { toAdapterError } from './errors.js';
import { editToken, readerId } from './identity.js';
import type { Comment } from './types.js';

/** Changes the body of this reader's comment at once; puts it back if the storage refuses (state.refused says why). */
export async function edit(host: WriterHost, id: string, body: string): Promise<void> {
  const { adapter, threadId } = host.source;
  await change(host, 'edit', id, { body, editedAt: new Date().toISOString() }, 0, (token, signal) =>
    adapter.edit(threadId, id, body, { editToken: token, signal }),
  );
}

/** Deletes this reader's comment; its replies stay under a placeholder. */
export async function remove(host: WriterHost, id: string): Promise<void> {
  const { adapter, threadId } = host.source;
  await change(host, 'delete', id, { deleted: true, body: '' }, -1, (token, signal) => adapter.remove(threadId, id, { editToken: token, signal }));
}

/** Toggles one of this reader's reactions at once; the storage's counts win when they come. */
export async function react(host: WriterHost, id: string, reaction: string): Promise<void> {
  const { adapter, threadId } = host.source;
  const comment = host.shown().comments.find((c) => c.id === id);
  const mine = comment?.myReactions ?? [];
  const on = !mine.includes(reaction);
  const reactions = { ...comment?.reactions, [reaction]: (comment?.reactions?.[reaction] ?? 0) + (on ? 1 : -1) };
  const myReactions = on ? [...mine, reaction] : mine.filter((r) => r !== reaction);
  const counts = await change(host, 'react', id, { myReactions, reactions }, 0, (_token, signal) =>
    adapter.react!(threadId, id, reaction, on, { readerId: readerId(), signal }),
  );
  if (counts) host.dispatch({ type: 'patch', id, change: { reactions: counts } });
}

/**
 * Applies a change optimistically and runs the storage call; if the storage refuses, undoes the
 * change and says why (state.refused, and an 'error' for the page). Resolves to the call's result.
 */
async function change<T>(
  host: WriterHost,
  action: 'edit' | 'delete' | 'react',
  id: string,
  change: Partial<Comment>,
  count: number,
  call: (token: string, signal: AbortSignal) => Promise<T>,
): Promise<T | undefined> {
  const before = host.shown().comments.find((c) => c.id === id);
  if (!before) return undefined;
  host.dispatch({ type: 'patch', id, change, count, refused: null });
  try {
    const result = await call(editToken(id, true) ?? '', host.signal);
    host.reached();
    return result;
  } catch (thrown) {
    const error = toAdapterError(thrown);
    // Exactly what was changed goes back (a field the comment did not have goes again).
    const undo = Object.fromEntries(Object.keys(change).map((key) => [key, before[key as keyof Comment]]));
    host.dispatch({ type: 'patch', id, change: undo, count: -count, refused: error });
    host.tell('error', { error, action });
    return undefined;
  }
}
