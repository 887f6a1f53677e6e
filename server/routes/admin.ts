import { Hono } from 'hono';
import { jsonLimit, readJson } from '../http/validate.ts';
import type { Deps } from './deps.ts';

/** One comment's moderation and closing threads; who may is checked for every /api/admin route at once (http/owner-auth.ts). */
export function adminRoutes({ service }: Deps) {
  const app = new Hono();
  const moderation = service.moderation;

  app.put('/thread', jsonLimit, async (c) => c.json(await moderation.close(c.req.query(), await readJson(c))));
  app.get('/queue', async (c) => c.json(await moderation.queue(c.req.query())));
  app.patch('/comments/:id', jsonLimit, async (c) => c.json(await moderation.moderate(c.req.param('id'), await readJson(c))));
  app.delete('/comments/:id', async (c) => {
    await moderation.remove(c.req.param('id'));
    return c.body(null, 204);
  });

  return app;
}
