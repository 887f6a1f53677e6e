import type { PostResult } from 'chime-comments/protocol';
import { matchesHash, randomToken, sha256 } from '../crypto.ts';
import { ChimeError } from '../errors.ts';
import { check, commentId, editComment, newComment } from '../schemas.ts';
import { avatarHasher } from '../site-key.ts';
import type { CommentRow } from '../storage/types.ts';
import { toComment } from '../storage/view.ts';
import type { SignedUser } from '../sso.ts';
import { announce, removalSignals, type Actor, type ServiceContext } from './context.ts';
import { asPoster, isWriter } from './identity.ts';
import { limit, limits } from './limits.ts';
import { closeIfStale } from './retention.ts';
import type { Settings } from './settings.ts';

/** What the writer is told of their comment: held ones (spam among them, which a bot must not learn) are all 'pending'. */
const writersView = (row: CommentRow) => {
  const comment = toComment(row);
  return { ...comment, status: comment.status === 'published' ? 'published' : 'pending' } as PostResult['comment'];
};

/** Readers' own comments: posting, and editing or deleting with the edit token while the window is open. */
export class Writing {
  constructor(private readonly ctx: ServiceContext) {}

  /** When a comment's edit window closes (epoch ms). */
  editableUntil(row: CommentRow, settings: Settings) {
    return row.created_at + settings.editWindowSeconds * 1000;
  }

  /** Stores a new comment; `created` is false for a retry of one already stored (same id and content). */
  async post(body: unknown, actor: Actor): Promise<{ created: boolean; result: PostResult }> {
    const { storage, config, siteKey } = this.ctx;
    // Counted before validation: junk costs a spammer as much as a real post.
    if (!actor.admin) await limit(this.ctx, actor, limits(this.ctx).posts);
    const input = check(newComment, asPoster(this.ctx, actor, body));
    if (input.author.role && !actor.admin) throw new ChimeError('forbidden', 'Only the site admin can post with a role.', 'author.role');
    if (input.notifyReplies && !input.author.email)
      throw new ChimeError('validation', 'An email address is needed to be emailed replies.', 'author.email');
    const settings = await this.ctx.settings.current();
    await closeIfStale(this.ctx, settings, input.threadId);
    // The owner's own comments are not judged; nothing judged is refused (service/spam.ts).
    const judged = actor.admin ? null : await this.ctx.spam.judge({ ...input, parentId: input.parentId ?? null }, actor, settings);

    const { name, website, email } = input.author;
    const role = actor.admin ? (input.author.role ?? 'author') : null;
    const parentId = input.parentId ?? null;
    const token = randomToken();
    const user = actor.user ?? null;
    const contentHash = sha256(JSON.stringify([input.threadId, parentId, name, website, email, role, input.body, ...(user ? [user.id] : [])]));
    const avatarHash = email ? await avatarHasher(config, siteKey)(email) : null;
    const { row, created } = await storage.insert({
      id: input.id,
      threadId: input.threadId,
      parentId,
      name,
      website,
      email,
      avatarHash,
      role,
      user: user?.id ?? null,
      avatar: user?.avatar ?? null,
      body: input.body,
      contentHash,
      editTokenHash: sha256(token),
      status: judged?.status ?? 'published',
      createdAt: Date.now(),
      ipHash: judged?.ipHash,
      emailHash: judged?.emailHash,
      textHash: judged?.textHash,
      heldReason: judged?.reason,
    });
    if (!created) {
      if (row.content_hash !== contentHash) throw new ChimeError('conflict', 'Another comment already has this id.', 'id');
      if (row.status === 'removed') throw new ChimeError('conflict', 'This comment was deleted; it cannot be posted again.', 'id');
      // A retry after a lost response: same comment, but the token was only ever sent once.
      return { created: false, result: { comment: writersView(row) } };
    }
    if (row.status === 'published') await announce(this.ctx, [{ threadId: row.thread_id, type: 'created', id: row.id }]);
    await this.ctx.events.emit('stored', { row, notifyReplies: input.notifyReplies ?? false });
    if (row.status === 'published') await this.ctx.events.emit('published', { id: row.id, parentId: row.parent_id });
    const editableUntil = new Date(this.editableUntil(row, settings)).toISOString();
    return { created: true, result: { comment: writersView(row), editToken: token, editableUntil } };
  }

  async edit(id: unknown, body: unknown, token: string | undefined, user?: SignedUser | null) {
    const settings = await this.ctx.settings.current();
    const row = await this.own(id, token, settings, user);
    const input = check(editComment, body);
    // Under moderation an edit is checked like a new comment: the text goes back to the queue;
    // so does text edited into what the blocklists or the link limit hold.
    const held = row.author_role ? null : this.ctx.spam.edited(input.body, settings);
    const requeue = settings.moderation === 'all' || held !== null;
    const comment = await this.ctx.storage.editBody(row.id, input.body, Date.now(), requeue);
    if (held && comment.status === 'pending') await this.ctx.storage.owner.setReason(row.id, held);
    const type = comment.status === 'published' ? 'edited' : row.status === 'published' ? 'deleted' : null;
    if (type) await announce(this.ctx, [{ threadId: row.thread_id, type, id: row.id }]);
    return { ...comment, status: comment.status === 'published' ? 'published' : 'pending' } as const;
  }

  async remove(id: unknown, token: string | undefined, user?: SignedUser | null) {
    const row = await this.own(id, token, await this.ctx.settings.current(), user);
    await announce(this.ctx, removalSignals(row.thread_id, row.id, await this.ctx.storage.remove(row.id)));
  }

  /**
   * The comment the edit token (or its signed-in writer, from any device) proves ownership of,
   * while it may still be changed under the owner's edit window of now.
   */
  private async own(id: unknown, token: string | undefined, settings: Settings, user: SignedUser | null | undefined): Promise<CommentRow> {
    const row = await this.ctx.storage.find(check(commentId, id, 'id'));
    if (!row || row.deleted) throw new ChimeError('not-found', 'No such comment.');
    if (!isWriter(row, user) && !matchesHash(token ?? '', row.edit_token_hash)) {
      throw new ChimeError('forbidden', 'This edit token does not belong to the comment.');
    }
    if (Date.now() > this.editableUntil(row, settings)) {
      throw new ChimeError('forbidden', `Comments can only be changed for ${Math.round(settings.editWindowSeconds / 60)} minutes.`);
    }
    return row;
  }
}
