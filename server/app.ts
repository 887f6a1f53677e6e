import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { Config } from './config.ts';
import { ChimeError } from './errors.ts';
import { sendError } from './http/errors.ts';
import { ownerCors, ownerGuard } from './http/owner-auth.ts';
import { adminRoutes } from './routes/admin.ts';
import { commentRoutes } from './routes/comments.ts';
import { consoleRoutes } from './routes/console.ts';
import { eventRoutes } from './routes/events.ts';
import { ownerSessionRoutes } from './routes/owner-session.ts';
import { ownerTransferRoutes } from './routes/owner-transfer.ts';
import { ownerRoutes } from './routes/owner.ts';
import { reactionRoutes } from './routes/reactions.ts';
import { staticRoutes } from './routes/static.ts';
import { threadRoutes } from './routes/threads.ts';
import { Service } from './service/index.ts';
import type { Storage } from './storage/types.ts';

export interface AppDeps {
  storage: Storage;
  config: Config;
  /** The service over storage (main.ts makes it first, to start the owner's side beside the app). */
  service?: Service;
}

/** The HTTP face of the service: routes under /api, the widget and the demo beside them. */
export function createApp({ storage, config, service = new Service(storage, config) }: AppDeps) {
  const deps = { service, config };
  const app = new Hono();
  const anyOrigin = config.origins.includes('*');

  const preflight = cors({
    origin: (origin) => (anyOrigin ? '*' : config.origins.includes(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowHeaders: ['Content-Type', 'Authorization', 'X-Chime-Edit-Token'],
    exposeHeaders: ['Retry-After'],
    maxAge: 600,
  });
  // The same headers as hono's cors() for the other requests, but set before the handler answers:
  // cors() writes them into c.res, and merging those into the handler's response makes every
  // response a full web Response (@hono/node-server otherwise writes it out directly).
  app.use('/api/*', async (c, next) => {
    // The owner's API has its own CORS: credentialed, CHIME_ADMIN_ORIGINS only.
    if (c.req.path.startsWith('/api/admin/')) return next();
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    const origin = c.req.header('origin') ?? '';
    const allowed = anyOrigin ? '*' : config.origins.includes(origin) ? origin : null;
    if (allowed) c.header('Access-Control-Allow-Origin', allowed);
    c.header('Access-Control-Expose-Headers', 'Retry-After');
    if (!anyOrigin) c.header('Vary', 'Origin', { append: true });
    await next();
  });
  app.route('/api', commentRoutes(deps));
  app.route('/api', threadRoutes(deps));
  app.route('/api', reactionRoutes(deps));
  app.route('/api', eventRoutes(deps));
  // Every /api/admin route, present and future, behind one guard (tested by enumerating them).
  app.use('/api/admin/*', ownerCors(config), ownerGuard(service, config));
  app.route('/api/admin', ownerSessionRoutes(deps));
  app.route('/api/admin', adminRoutes(deps));
  app.route('/api/admin', ownerRoutes(deps));
  app.route('/api/admin', ownerTransferRoutes(deps));
  app.route('/', consoleRoutes());
  app.route('/', staticRoutes());

  app.notFound((c) => sendError(new ChimeError('not-found', 'No such route.'), c));
  app.onError(sendError);
  return app;
}
