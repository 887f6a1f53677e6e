import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

/** Resolved from the package, not the working directory, so `npx chime-server` works anywhere. */
const dir = (name: string) => fileURLToPath(new URL(`../../${name}/`, import.meta.url));

/** The demo blog at / and the built widget (dist/chime.js) at /chime.js, when they exist at start. */
export function staticRoutes() {
  const app = new Hono();
  for (const root of [dir('demo'), dir('dist')].filter((d) => existsSync(d))) app.use('*', serveStatic({ root }));
  return app;
}
