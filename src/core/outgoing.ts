import type { OutboxEntry } from './outbox.js';
import type { Comment } from './types.js';

/**
 * The reader's outgoing comments with an outbox entry shown among them, in place if it already
 * was: a comment the storage has not accepted (yet), Comment.delivery saying how it stands.
 */
export function withOutgoing(outgoing: Comment[], { input, createdAt, failure, refused, retryAt }: OutboxEntry): Comment[] {
  const comment: Comment = {
    id: input.id,
    threadId: input.threadId,
    parentId: input.parentId ?? null,
    number: 0,
    author: { name: input.author.name, website: input.author.website },
    body: input.body,
    createdAt,
    delivery: refused ? { state: 'rejected', reason: failure } : { state: 'pending', reason: failure, retryAt },
  };
  const known = outgoing.some((c) => c.id === input.id);
  return known ? outgoing.map((c) => (c.id === input.id ? comment : c)) : [...outgoing, comment];
}
