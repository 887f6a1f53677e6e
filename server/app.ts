import { Hono } from 'hono';
import type { Config } from './config.ts';
import { ChimeError } from './errors.ts';
import { cors } from './http/cors.ts';
import { sendError } from './http/errors.ts';
import { adminRoutes } from './routes/admin.ts';
import { commentRoutes } from './routes/comments.ts';
import { eventRoutes } from './routes/events.ts';
import { feedRoutes } from './routes/feeds.ts';
import { notifyRoutes } from './routes/notify.ts';
import { reactionRoutes } from './routes/reactions.ts';
import { staticRoutes } from './routes/static.ts';
import { threadRoutes } from './routes/threads.ts';
import { Service } from './service/index.ts';
import type { Storage } from './storage/types.ts';

export interface AppDeps {
  storage: Storage;
  config: Config;
  /** The service over storage (main.ts makes it first, to start sending notifications beside the app). */
  service?: Service;
}

/** The HTTP face of the service: routes under /api, the widget and the demo beside them. */
export function createApp({ storage, config, service = new Service(storage, config) }: AppDeps) {
  const deps = { service, config };
  const app = new Hono();
  app.use('/api/*', cors(config));
  app.route('/api', commentRoutes(deps));
  app.route('/api', threadRoutes(deps));
  app.route('/api', reactionRoutes(deps));
  app.route('/api', eventRoutes(deps));
  app.route('/api', feedRoutes(deps));
  app.route('/api', notifyRoutes(deps));
  app.route('/api/admin', adminRoutes(deps));
  app.route('/', staticRoutes());

  app.notFound((c) => sendError(new ChimeError('not-found', 'No such route.'), c));
  app.onError(sendError);
  return app;
}
