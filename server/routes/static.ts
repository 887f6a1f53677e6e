import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

/** Resolved from the package, not the working directory, so `npx chime-server` works anywhere. */
const dir = (name: string) => fileURLToPath(new URL(`../../${name}/`, import.meta.url));

/** The demo blog at / and the built widget (dist/chime.js) at /chime.js. */
export function staticRoutes() {
  const app = new Hono();
  app.use('*', serveStatic({ root: dir('demo') }));
  app.use('*', serveStatic({ root: dir('dist') }));
  return app;
}
