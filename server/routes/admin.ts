import { Hono } from 'hono';
import { ApiError } from '../errors.ts';
import { isAdmin } from '../http/guards.ts';
import { check, jsonLimit, readJson, readQuery } from '../http/validate.ts';
import { closeBody, commentId, moderateBody, queueQuery, threadQuery } from '../schemas.ts';
import { removeAndAnnounce } from './comments.ts';
import type { Deps } from './deps.ts';

export function adminRoutes({ storage, config }: Deps) {
  const app = new Hono();

  app.use('*', async (c, next) => {
    if (!isAdmin(c, config)) throw new ApiError('unauthorized', 'Send Authorization: Bearer <CHIME_ADMIN_TOKEN>.');
    await next();
  });

  app.put('/thread', jsonLimit, async (c) => {
    const { thread } = readQuery(c, threadQuery);
    const { closed } = await readJson(c, closeBody);
    const meta = await storage.setClosed(thread, closed);
    await storage.publish({ threadId: thread, type: 'thread' });
    return c.json(meta);
  });

  app.get('/queue', async (c) => {
    const { limit } = readQuery(c, queueQuery);
    return c.json({ comments: await storage.pending(limit) });
  });

  // Approve (status published), hide (status hidden), pin or unpin.
  app.patch('/comments/:id', jsonLimit, async (c) => {
    const id = check(commentId, c.req.param('id'), 'id');
    const change = await readJson(c, moderateBody);
    const before = await storage.find(id);
    if (!before || before.deleted) throw new ApiError('not-found', 'No such comment.');
    const comment = await storage.moderate(id, change);
    const wasPublic = before.status === 'published';
    const isPublic = comment.status === 'published';
    const type = isPublic ? (wasPublic ? 'edited' : 'created') : wasPublic ? 'deleted' : null;
    if (type) await storage.publish({ threadId: comment.threadId, type, id });
    return c.json(comment);
  });

  app.delete('/comments/:id', async (c) => {
    const row = await storage.find(check(commentId, c.req.param('id'), 'id'));
    if (!row) throw new ApiError('not-found', 'No such comment.');
    await removeAndAnnounce(storage, row);
    return c.body(null, 204);
  });

  return app;
}
