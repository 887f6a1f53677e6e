import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { etag } from 'hono/etag';

/**
 * Where the chime-comments package is (the repository itself in a checkout): its dist/ holds the
 * built widget; demo/ is there only in a checkout. Found through Node's resolution, not the
 * working directory, so `npx chime-server` works anywhere.
 */
const widgetPackage = dirname(fileURLToPath(import.meta.resolve('chime-comments/package.json')));

/** chime-form-<hash>.js and the like: their content never changes under that name. */
const HASHED = /^\/chime-.+-[\w-]{6}\.js$/;

/**
 * The demo blog at / and the built widget (dist/chime.js and its chunks) beside it, when they
 * exist at start. Scripts go out precompressed (gzip or brotli, from the build). Chunks are cached
 * for good; chime.js, whose name stays the same across versions, is revalidated (ETag, 304) so
 * a site that upgrades reaches its readers at once. Blogs load chime.js from another origin, and
 * module scripts are fetched with CORS: every file here is public, so any origin may read it.
 */
export function staticRoutes() {
  const app = new Hono();
  app.use('*', etag(), async (c, next) => {
    await next();
    if (c.res.status >= 400) return;
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    if (c.res.ok) c.header('Cache-Control', HASHED.test(c.req.path) ? 'public, max-age=31536000, immutable' : 'no-cache');
  });
  for (const root of ['demo', 'dist'].map((name) => join(widgetPackage, name)).filter((d) => existsSync(d)))
    app.use('*', serveStatic({ root, precompressed: true }));
  return app;
}
