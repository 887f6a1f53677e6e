import { links, type PostResult } from 'chime-comments/protocol';
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

/** Counts the links readers will be able to click: the widget's own Markdown parser finds them. */
function checkLinks(body: string, max: number) {
  if (links(body).length > max) {
    throw new ChimeError('validation', `A comment may contain at most ${max} links.`, 'body');
  }
}

/** Readers' own comments: posting, and editing or deleting with the edit token while the window is open. */
export class Writing {
  constructor(private readonly ctx: ServiceContext) {}

  /** When a comment's edit window closes (epoch ms). */
  editableUntil(row: CommentRow) {
    return row.created_at + this.ctx.config.editWindowMs;
  }

  /** Stores a new comment; `created` is false for a retry of one already stored (same id and content). */
  async post(body: unknown, actor: Actor): Promise<{ created: boolean; result: PostResult }> {
    const { storage, config, siteKey } = this.ctx;
    // Counted before validation: junk costs a spammer as much as a real post.
    if (!actor.admin) await limit(this.ctx, actor, limits(this.ctx).posts);
    const input = check(newComment, asPoster(this.ctx, actor, body));
    if (input.author.role && !actor.admin) throw new ChimeError('forbidden', 'Only the site admin can post with a role.', 'author.role');
    if (input.homepage) throw new ChimeError('validation', 'This field must stay empty.', 'homepage');
    if (input.notifyReplies && !input.author.email)
      throw new ChimeError('validation', 'An email address is needed to be emailed replies.', 'author.email');
    checkLinks(input.body, config.maxLinks);

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
      status: actor.admin || config.moderation === 'off' ? 'published' : 'pending',
      createdAt: Date.now(),
    });
    if (!created) {
      if (row.content_hash !== contentHash) throw new ChimeError('conflict', 'Another comment already has this id.', 'id');
      if (row.status === 'removed') throw new ChimeError('conflict', 'This comment was deleted; it cannot be posted again.', 'id');
      // A retry after a lost response: same comment, but the token was only ever sent once.
      return { created: false, result: { comment: toComment(row) as PostResult['comment'] } };
    }
    if (row.status === 'published') await announce(this.ctx, [{ threadId: row.thread_id, type: 'created', id: row.id }]);
    await this.ctx.events.emit('stored', { row, notifyReplies: input.notifyReplies ?? false });
    if (row.status === 'published') await this.ctx.events.emit('published', { id: row.id, parentId: row.parent_id });
    const editableUntil = new Date(this.editableUntil(row)).toISOString();
    return { created: true, result: { comment: toComment(row) as PostResult['comment'], editToken: token, editableUntil } };
  }

  async edit(id: unknown, body: unknown, token: string | undefined, user?: SignedUser | null) {
    const row = await this.own(id, token, user);
    const input = check(editComment, body);
    checkLinks(input.body, this.ctx.config.maxLinks);
    // Under moderation an edit is checked like a new comment: the text goes back to the queue.
    const requeue = this.ctx.config.moderation === 'all';
    const comment = await this.ctx.storage.editBody(row.id, input.body, Date.now(), requeue);
    const type = comment.status === 'published' ? 'edited' : row.status === 'published' ? 'deleted' : null;
    if (type) await announce(this.ctx, [{ threadId: row.thread_id, type, id: row.id }]);
    return comment;
  }

  async remove(id: unknown, token: string | undefined, user?: SignedUser | null) {
    const row = await this.own(id, token, user);
    await announce(this.ctx, removalSignals(row.thread_id, row.id, await this.ctx.storage.remove(row.id)));
  }

  /** The comment the edit token (or its signed-in writer, from any device) proves ownership of, while it may still be changed. */
  private async own(id: unknown, token: string | undefined, user: SignedUser | null | undefined): Promise<CommentRow> {
    const row = await this.ctx.storage.find(check(commentId, id, 'id'));
    if (!row || row.deleted) throw new ChimeError('not-found', 'No such comment.');
    if (!isWriter(row, user) && !matchesHash(token ?? '', row.edit_token_hash)) {
      throw new ChimeError('forbidden', 'This edit token does not belong to the comment.');
    }
    if (Date.now() > this.editableUntil(row)) {
      throw new ChimeError('forbidden', `Comments can only be changed for ${Math.round(this.ctx.config.editWindowMs / 60000)} minutes.`);
    }
    return row;
  }
}
