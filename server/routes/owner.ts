import { Hono } from 'hono';
import { jsonLimit, readJson } from '../http/validate.ts';
import type { Deps } from './deps.ts';

/** The console's API beyond one comment's moderation (admin.ts): lists, bulk actions, replies, threads, blocks, settings, purge. */
export function ownerRoutes({ service }: Deps) {
  const app = new Hono();
  const { owner } = service;

  app.get('/comments', async (c) => c.json(await owner.list(c.req.query())));
  app.get('/counts', async (c) => c.json(await owner.counts()));
  app.post('/comments/bulk', jsonLimit, async (c) => c.json(await owner.bulk(await readJson(c))));
  app.post('/comments/:id/reply', jsonLimit, async (c) => c.json(await owner.reply(c.req.param('id'), await readJson(c)), 201));

  app.get('/threads', async (c) => c.json(await owner.threads(c.req.query())));

  app.get('/blocks', async (c) => c.json(await owner.blocks()));
  app.post('/blocks', jsonLimit, async (c) => c.json(await owner.block(await readJson(c)), 201));
  app.delete('/blocks/:kind/:hash', async (c) => {
    await owner.unblock(c.req.param());
    return c.body(null, 204);
  });

  app.get('/settings', async (c) => c.json(await service.ctx.settings.current()));
  app.put('/settings', jsonLimit, async (c) => c.json(await service.ctx.settings.save(await readJson(c))));

  app.post('/purge', async (c) => c.json(await service.retention.run()));

  return app;
}
