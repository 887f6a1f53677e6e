import { Hono } from 'hono';
import { links } from 'chime-comments/protocol';
import { randomToken, sha256 } from '../crypto.ts';
import { ApiError } from '../errors.ts';
import { PageCache } from '../page-cache.ts';
import { avatarHasher } from '../site-key.ts';
import { editableUntil, isAdmin, limitPosts, ownComment } from '../http/guards.ts';
import { check, jsonLimit, readJson, readQuery } from '../http/validate.ts';
import { commentId, editComment, listQuery, newComment } from '../schemas.ts';
import type { CommentRow, Storage } from '../storage/types.ts';
import { toComment } from '../storage/view.ts';
import type { Deps } from './deps.ts';

/** Counts the links readers will be able to click: the widget's own Markdown parser finds them. */
function checkLinks(body: string, max: number) {
  if (links(body).length > max) {
    throw new ApiError('validation', `A comment may contain at most ${max} links.`, 'body');
  }
}

/** Deletes and tells live readers: a placeholder changed, or comments went. */
export async function removeAndAnnounce(storage: Storage, row: CommentRow) {
  const { placeholder, removed } = await storage.remove(row.id);
  if (placeholder) await storage.publish({ threadId: row.thread_id, type: 'edited', id: row.id });
  for (const id of removed) await storage.publish({ threadId: row.thread_id, type: 'deleted', id });
}

export function commentRoutes(deps: Deps) {
  const { storage, config, siteKey } = deps;
  const app = new Hono();
  const pages = new PageCache(storage);

  const avatarHash = avatarHasher(config, siteKey);

  app.get('/comments', async (c) => {
    const q = readQuery(c, listQuery);
    const { page, json } = await pages.get(q.thread, q.sort, q.cursor, q.limit);
    if (!q.reader) return c.body(json, 200, { 'content-type': 'application/json' });
    const mine = await storage.myReactions(
      page.comments.map((comment) => comment.id),
      q.reader,
    );
    return c.json({ ...page, comments: page.comments.map((comment) => ({ ...comment, myReactions: mine.get(comment.id) ?? [] })) });
  });

  app.post('/comments', jsonLimit, async (c) => {
    const admin = isAdmin(c, config);
    // Counted before validation: junk costs a spammer as much as a real post.
    if (!admin) await limitPosts(c, deps);
    const input = await readJson(c, newComment);
    if (input.author.role && !admin) throw new ApiError('forbidden', 'Only the site admin can post with a role.', 'author.role');
    if (input.homepage) throw new ApiError('validation', 'This field must stay empty.', 'homepage');
    checkLinks(input.body, config.maxLinks);

    const { name, website, email } = input.author;
    const role = admin ? (input.author.role ?? 'author') : null;
    const parentId = input.parentId ?? null;
    const token = randomToken();
    const contentHash = sha256(JSON.stringify([input.threadId, parentId, name, website, email, role, input.body]));
    const { row, created } = await storage.insert({
      id: input.id,
      threadId: input.threadId,
      parentId,
      name,
      website,
      email,
      avatarHash: email ? await avatarHash(email) : null,
      role,
      body: input.body,
      contentHash,
      editTokenHash: sha256(token),
      status: admin || config.moderation === 'off' ? 'published' : 'pending',
      createdAt: Date.now(),
    });
    if (!created) {
      if (row.content_hash !== contentHash) {
        throw new ApiError('conflict', 'Another comment already has this id.', 'id');
      }
      // A retry after a lost response: same comment, but the token was only ever sent once.
      return c.json({ comment: toComment(row) }, 200);
    }
    if (row.status === 'published') await storage.publish({ threadId: row.thread_id, type: 'created', id: row.id });
    return c.json({ comment: toComment(row), editToken: token, editableUntil: new Date(editableUntil(row, config)).toISOString() }, 201);
  });

  app.patch('/comments/:id', jsonLimit, async (c) => {
    const id = check(commentId, c.req.param('id'), 'id');
    const { body } = await readJson(c, editComment);
    const row = await ownComment(c, storage, config, id);
    checkLinks(body, config.maxLinks);
    const comment = await storage.editBody(row.id, body, Date.now());
    if (comment.status === 'published') await storage.publish({ threadId: row.thread_id, type: 'edited', id });
    return c.json(comment);
  });

  app.delete('/comments/:id', async (c) => {
    const row = await ownComment(c, storage, config, check(commentId, c.req.param('id'), 'id'));
    await removeAndAnnounce(storage, row);
    return c.body(null, 204);
  });

  return app;
}
