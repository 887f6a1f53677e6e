import { Hono } from 'hono';
import { conditional } from '../http/caching.ts';
import { jsonLimit, readJson } from '../http/validate.ts';
import type { Deps } from './deps.ts';

export function threadRoutes({ service, config }: Deps) {
  const app = new Hono();

  app.get('/thread', async (c) => {
    const { version, meta } = await service.reading.thread(c.req.query());
    return conditional(c, config, version, true) ?? c.json(meta);
  });

  // POST, not GET: a hundred 256-character ids do not fit in a URL.
  app.post('/counts', jsonLimit, async (c) => c.json(await service.reading.counts(await readJson(c))));

  return app;
}
