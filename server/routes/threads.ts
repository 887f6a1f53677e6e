import { Hono, type Context } from 'hono';
import { ChimeError } from '../errors.ts';
import { conditional } from '../http/caching.ts';
import { negotiate } from '../http/encoding.ts';
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
  // (docs/fallback.md): /threads/{id}.html, or ?thread= like every other thread GET.
  const html = async (c: Context, thread?: string) => {
    const page = await service.fallbacks.page(c.req.query(), thread);
    c.header('Vary', 'Accept-Encoding', { append: true });
    const notModified = conditional(c, config, page.version, true, HTML_FORMAT);
    if (notModified) return notModified;
    const { encoding, body } = page.encoded(negotiate(c.req.header('accept-encoding')));
    if (encoding !== 'identity') c.header('Content-Encoding', encoding);
    return c.body(await body, 200, HTML_HEADERS);
  };
  app.get('/threads/:id{.+\\.html}', (c) => html(c, pathThread(new URL(c.req.url).pathname)));
  app.get('/thread.html', (c) => html(c));

  // POST, not GET: a hundred 256-character ids do not fit in a URL.
  app.post('/counts', jsonLimit, async (c) => c.json(await service.reading.counts(await readJson(c))));

  return app;
}

/**
 * The thread id of /threads/{id}.html: what is between, percent-decoded as a whole (one segment,
 * "/" as %2F, as encodeURIComponent writes it; slashes left as they are are taken as they come).
 * Read from the raw path, which the router has already partly decoded (all but %2F, %3F, %23...).
 */
function pathThread(path: string): string {
  const start = path.indexOf('/threads/') + '/threads/'.length;
  try {
    return decodeURIComponent(path.slice(start, -'.html'.length));
  } catch {
    throw new ChimeError('validation', 'The thread id must be percent-encoded UTF-8 (encodeURIComponent).', 'thread');
  }
}
