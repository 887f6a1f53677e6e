import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import type { Config } from './config.ts';
import { ApiError } from './errors.ts';
import { adminRoutes } from './routes/admin.ts';
import { commentRoutes } from './routes/comments.ts';
import { eventRoutes } from './routes/events.ts';
import { reactionRoutes } from './routes/reactions.ts';
import { staticRoutes } from './routes/static.ts';
import { threadRoutes } from './routes/threads.ts';
import { SiteKey } from './site-key.ts';
import type { Storage } from './storage/types.ts';

export function createApp(storage: Storage, config: Config) {
  const deps = { storage, config, siteKey: new SiteKey(storage) };
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
  app.route('/api/admin', adminRoutes(deps));
  app.route('/', staticRoutes());

  app.notFound((c) => c.json(new ApiError('not-found', 'No such route.').toJSON(), 404));
  app.onError((err, c) => {
    if (err instanceof ApiError) {
      if (err.retryAfter) c.header('Retry-After', String(err.retryAfter));
      return c.json(err.toJSON(), err.status);
    }
    if (err instanceof HTTPException && err.status < 500) {
      return c.json({ error: { code: 'bad-request', message: err.message || 'Bad request.' } }, err.status);
    }
    console.error('chime:', err);
    return c.json(new ApiError('server', 'Something went wrong on the server.').toJSON(), 500);
  });
  return app;
}
