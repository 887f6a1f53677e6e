import { ChimeError } from '../errors.ts';
import { check, closeBody, commentId, moderateBody, queueQuery, threadQuery } from '../schemas.ts';
import { announce, removalSignals, type ServiceContext } from './context.ts';

/** What the admin token allows: closing threads, the moderation queue, approving, hiding, pinning, deleting. */
export class Moderation {
  constructor(private readonly ctx: ServiceContext) {}

  async close(query: unknown, body: unknown) {
    const { thread } = check(threadQuery, query);
    const { closed } = check(closeBody, body);
    const meta = await this.ctx.storage.setClosed(thread, closed);
    // A thread the owner reopens stays open: auto-close (service/retention.ts) passes it by.
    await this.ctx.storage.owner.keepOpen(thread, !closed);
    await announce(this.ctx, [{ threadId: thread, type: 'thread' }]);
    return meta;
  }

  async queue(query: unknown) {
    return { comments: await this.ctx.storage.pending(check(queueQuery, query).limit) };
  }

  /** Approve (status published), hide (status hidden), pin or unpin. */
  async moderate(id: unknown, body: unknown) {
    const target = check(commentId, id, 'id');
    const change = check(moderateBody, body);
    const before = await this.ctx.storage.find(target);
    if (!before || before.deleted) throw new ChimeError('not-found', 'No such comment.');
    const comment = await this.ctx.storage.moderate(target, change);
    const wasPublic = before.status === 'published';
    const isPublic = comment.status === 'published';
    const type = isPublic ? (wasPublic ? 'edited' : 'created') : wasPublic ? 'deleted' : null;
    if (type) await announce(this.ctx, [{ threadId: comment.threadId, type, id: comment.id }]);
    if (type === 'created') await this.ctx.events.emit('published', { id: comment.id, parentId: comment.parentId });
    return comment;
  }

  async remove(id: unknown) {
    const row = await this.ctx.storage.find(check(commentId, id, 'id'));
    if (!row || row.status === 'removed') throw new ChimeError('not-found', 'No such comment.');
    await announce(this.ctx, removalSignals(row.thread_id, row.id, await this.ctx.storage.remove(row.id)));
  }
}
