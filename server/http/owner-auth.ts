import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { cors as honoCors } from 'hono/cors';
import type { Config } from '../config.ts';
import { ChimeError } from '../errors.ts';
import type { Service } from '../service/index.ts';
import { disabled, type OwnerSession } from '../service/sessions.ts';
import { cors } from './cors.ts';
import { isAdmin } from './guards.ts';

/** The console's session cookie: sent only to the owner's API, never readable by scripts. */
export const SESSION_COOKIE = 'chime_console';
const COOKIE_PATH = '/api/admin';
/** Where a browser signs in: the one admin route open without a credential (it checks the origin, though). */
export const SIGN_IN = { method: 'POST', path: '/api/admin/session' } as const;
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

const behindProxy = (config: Config) => !('hops' in config.trustProxy && config.trustProxy.hops === 0);
const forwarded = (c: Context, name: string) => c.req.header(name)?.split(',')[0]?.trim() || null;

/** The scheme and host browsers reach this server at: X-Forwarded-Proto and -Host count behind trusted proxies (CHIME_TRUST_PROXY). */
function publicUrl(c: Context, config: Config) {
  const url = new URL(c.req.url);
  if (!behindProxy(config)) return { https: url.protocol === 'https:', origin: url.origin };
  const proto = forwarded(c, 'x-forwarded-proto') ?? url.protocol.slice(0, -1);
  return { https: proto === 'https', origin: `${proto}://${forwarded(c, 'x-forwarded-host') ?? url.host}` };
}

/**
 * A change made with the cookie must come from a page of the server itself (its /admin page) or
 * of an origin in CHIME_ADMIN_ORIGINS. Browsers send Origin with every such request; a request
 * without one is refused too.
 */
export function checkOrigin(c: Context, config: Config) {
  const origin = c.req.header('origin');
  if (origin && (origin === publicUrl(c, config).origin || config.owner.adminOrigins.includes(origin))) return;
  throw new ChimeError('forbidden', origin ? `Requests from ${origin} may not change anything here.` : 'Send the Origin header.');
}

/**
 * Every /api/admin route goes through here (app.ts), so none can skip it: the admin token as a
 * Bearer credential (scripts: no cookie, so no CSRF either), or the console's session cookie,
 * for a change with the session's CSRF token (X-Chime-CSRF) from an allowed origin. Missing,
 * wrong or expired credentials are 401; a change without CSRF token or from another origin 403.
 */
export function ownerGuard(service: Service, config: Config): MiddlewareHandler<{ Variables: { session: OwnerSession | null } }> {
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return next();
    if (c.req.method === SIGN_IN.method && c.req.path === SIGN_IN.path) {
      checkOrigin(c, config);
      return next();
    }
    if (/^Bearer\s/i.test(c.req.header('authorization') ?? '')) {
      // No token is set, but a password is: the console is on, this credential is wrong.
      if (!config.adminToken && (await service.sessions.enabled()))
        throw new ChimeError('unauthorized', 'No admin token is set: sign in with the password.');
      if (!isAdmin(c, config)) throw new ChimeError('unauthorized', 'Wrong admin token.');
      c.set('session', null);
      c.header('Cache-Control', 'no-store');
      return next();
    }
    const id = getCookie(c, SESSION_COOKIE);
    const session = id ? await service.sessions.find(id) : null;
    if (!session) {
      if (!(await service.sessions.enabled())) throw disabled();
      throw new ChimeError(
        'unauthorized',
        id ? 'Your session has expired: sign in again.' : 'Sign in, or send Authorization: Bearer <CHIME_ADMIN_TOKEN>.',
      );
    }
    if (!SAFE.has(c.req.method)) {
      checkOrigin(c, config);
      if (!service.sessions.checkCsrf(session, c.req.header('x-chime-csrf')))
        throw new ChimeError('forbidden', 'Missing or wrong X-Chime-CSRF token.');
    }
    c.set('session', session);
    c.header('Cache-Control', 'no-store');
    await next();
  };
}

/**
 * CORS of the owner's API: CHIME_ADMIN_ORIGINS with credentials (the console's cookie, from a
 * page of the same site); any other origin as the readers' API allows it, without credentials:
 * a script there may use the Bearer token, never the cookie.
 */
export function ownerCors(config: Config): MiddlewareHandler {
  const readers = cors(config);
  const console = honoCors({
    origin: (origin) => origin,
    credentials: true,
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowHeaders: ['Content-Type', 'Authorization', 'X-Chime-CSRF'],
    exposeHeaders: ['Retry-After', 'Content-Disposition'],
    maxAge: 600,
  });
  return (c, next) => (config.owner.adminOrigins.includes(c.req.header('origin') ?? '') ? console(c, next) : readers(c, next));
}

export function setSessionCookie(c: Context, config: Config, session: OwnerSession) {
  setCookie(c, SESSION_COOKIE, session.id, {
    path: COOKIE_PATH,
    httpOnly: true,
    sameSite: 'Strict',
    secure: publicUrl(c, config).https,
    maxAge: Math.round((session.expiresAt - Date.now()) / 1000),
  });
}

export function clearSessionCookie(c: Context, config: Config) {
  deleteCookie(c, SESSION_COOKIE, { path: COOKIE_PATH, secure: publicUrl(c, config).https, httpOnly: true, sameSite: 'Strict' });
}
