import { Hono } from 'hono';
import type { Config } from './config.ts';
import { ChimeError } from './errors.ts';
import { cors } from './http/cors.ts';
import { sendError } from './http/errors.ts';
import { ownerCors, ownerGuard } from './http/owner-auth.ts';
import { adminRoutes } from './routes/admin.ts';
import { commentRoutes } from './routes/comments.ts';
import { consoleRoutes } from './routes/console.ts';
import { eventRoutes } from './routes/events.ts';
import { feedRoutes } from './routes/feeds.ts';
import { notifyRoutes } from './routes/notify.ts';
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
  /** The service over storage (main.ts makes it first, to start the owner's side and the notifications beside the app). */
  service?: Service;
}

/** The HTTP face of the service: routes under /api, the widget and the demo beside them. */
export function createApp({ storage, config, service = new Service(storage, config) }: AppDeps) {
  const deps = { service, config };
  const app = new Hono();
  const readerCors = cors(config);
  // The owner's API has its own CORS: credentialed, CHIME_ADMIN_ORIGINS only (http/owner-auth.ts).
  app.use('/api/*', (c, next) => (c.req.path.startsWith('/api/admin/') ? next() : readerCors(c, next)));
  app.route('/api', commentRoutes(deps));
  app.route('/api', threadRoutes(deps));
  app.route('/api', reactionRoutes(deps));
  app.route('/api', eventRoutes(deps));
  app.route('/api', feedRoutes(deps));
  app.route('/api', notifyRoutes(deps));
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
