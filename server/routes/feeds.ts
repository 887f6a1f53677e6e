import { Hono } from 'hono';
import { sha256 } from '../crypto.ts';
import type { Deps } from './deps.ts';

/** Feed readers poll; a cache (theirs, or a CDN) may keep a feed this long. */
const MAX_AGE = 300;

/** Atom feeds of published comments: GET /api/feed.atom (the site's) and ?thread= (one thread's). */
export function feedRoutes({ service }: Deps) {
  const app = new Hono();

  app.get('/feed.atom', async (c) => {
    const xml = await service.feeds.atom(c.req.query(), new URL('/', c.req.url));
    const etag = `"${sha256(xml).slice(0, 32)}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', `public, max-age=${MAX_AGE}`);
    const match = c.req.header('if-none-match');
    if (match?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*')) return c.body(null, 304);
    return c.body(xml, 200, { 'Content-Type': 'application/atom+xml; charset=utf-8' });
  });

  return app;
}
