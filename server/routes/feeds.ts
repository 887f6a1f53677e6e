import { Hono } from 'hono';
import { negotiate } from '../http/encoding.ts';
import type { Deps } from './deps.ts';

/** Feed readers poll; a cache (theirs, or a CDN) may keep a feed this long. */
const MAX_AGE = 300;

/** Atom feeds of published comments: GET /api/feed.atom (the site's) and ?thread= (one thread's). */
export function feedRoutes({ service }: Deps) {
  const app = new Hono();

  app.get('/feed.atom', async (c) => {
    const { tag, page } = await service.feeds.atom(c.req.query(), new URL('/', c.req.url));
    // Weak: the same feed gzipped or not.
    const etag = `W/"${tag}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', `public, max-age=${MAX_AGE}`);
    c.header('Vary', 'Accept-Encoding', { append: true });
    const match = c.req.header('if-none-match');
    if (match?.split(',').some((t) => t.trim().replace(/^W\//, '') === etag.slice(2) || t.trim() === '*')) return c.body(null, 304);
    const { encoding, body } = (await page()).encoded(negotiate(c.req.header('accept-encoding')));
    if (encoding !== 'identity') c.header('Content-Encoding', encoding);
    return c.body(await body, 200, { 'Content-Type': 'application/atom+xml; charset=utf-8' });
  });

  return app;
}
