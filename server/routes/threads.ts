import { Hono } from 'hono';
import { jsonLimit, readJson, readQuery } from '../http/validate.ts';
import { countsBody, threadQuery } from '../schemas.ts';
import type { Deps } from './deps.ts';

export function threadRoutes({ storage }: Deps) {
  const app = new Hono();

  app.get('/thread', async (c) => c.json(await storage.thread(readQuery(c, threadQuery).thread)));

  // POST, not GET: a hundred 256-character ids do not fit in a URL.
  app.post('/counts', jsonLimit, async (c) => {
    const { threads } = await readJson(c, countsBody);
    return c.json({ counts: await storage.counts(threads) });
  });

  return app;
}
