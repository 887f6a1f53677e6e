import type { MiddlewareHandler } from 'hono';
import { cors as honoCors } from 'hono/cors';
import type { Config } from '../config.ts';

/** The CORS headers of an answer to a request from `origin`: only origins in CHIME_ORIGINS may read it. */
export function corsHeaders(config: Config, origin: string | undefined): Record<string, string> {
  const any = config.origins.includes('*');
  const allowed = any ? '*' : origin && config.origins.includes(origin) ? origin : null;
  return {
    ...(allowed ? { 'Access-Control-Allow-Origin': allowed } : {}),
    'Access-Control-Expose-Headers': 'Retry-After',
    ...(any ? {} : { Vary: 'Origin' }),
  };
}

/**
 * CORS for /api: preflights by hono's cors(); other requests get corsHeaders before the handler
 * answers (cors() writes them into c.res, and merging those into the handler's response makes
 * every response a full web Response: @hono/node-server otherwise writes it out directly).
 */
export function cors(config: Config): MiddlewareHandler {
  const any = config.origins.includes('*');
  const preflight = honoCors({
    origin: (origin) => (any ? '*' : config.origins.includes(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowHeaders: ['Content-Type', 'Authorization', 'X-Chime-Edit-Token', 'X-Chime-User'],
    exposeHeaders: ['Retry-After'],
    maxAge: 600,
  });
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    for (const [name, value] of Object.entries(corsHeaders(config, c.req.header('origin')))) c.header(name, value, { append: name === 'Vary' });
    await next();
  };
}
