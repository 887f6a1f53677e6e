import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { conditional } from '../http/caching.ts';
import { jsonLimit, readJson } from '../http/validate.ts';
import type { Deps } from './deps.ts';

/** Bumped when the thread's HTML changes (markup or styles), so no cache keeps an old one. */
const HTML_FORMAT = 'h1';

/**
 * What a thread's HTML may do when opened on its own: nothing but its inline styles. It goes
 * into the blog's pages, so search engines should index it there, not here.
 */
const HTML_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Robots-Tag': 'noindex',
};

export function threadRoutes({ service, config }: Deps) {
  const app = new Hono();

  app.get('/thread', async (c) => {
    const { version, meta } = await service.reading.thread(c.req.query());
    return conditional(c, config, version, true) ?? c.json(meta);
  });

  // The thread as plain HTML for site generators and CMSs to put inside <chime-comments>
  // (docs/fallback.md): ?thread= like every thread GET, as ids are paths or URLs.
  app.get('/thread.html', compress(), async (c) => {
    const { version, render } = await service.fallbacks.prepare(c.req.query());
    c.header('Vary', 'Accept-Encoding', { append: true });
    return conditional(c, config, version, true, HTML_FORMAT) ?? c.body(await render(), 200, HTML_HEADERS);
  });

  // POST, not GET: a hundred 256-character ids do not fit in a URL.
  app.post('/counts', jsonLimit, async (c) => c.json(await service.reading.counts(await readJson(c))));

  return app;
}
