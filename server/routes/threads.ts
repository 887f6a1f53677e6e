import { Hono } from 'hono';
import { jsonLimit, readJson } from '../http/validate.ts';
import type { Deps } from './deps.ts';

export function threadRoutes({ service }: Deps) {
  const app = new Hono();

  app.get('/thread', async (c) => c.json(await service.reading.thread(c.req.query())));

  // POST, not GET: a hundred 256-character ids do not fit in a URL.
  app.post('/counts', jsonLimit, async (c) => c.json(await service.reading.counts(await readJson(c))));

  return app;
}
