import { Hono } from 'hono';
import { actorOf } from '../http/guards.ts';
import { clearSessionCookie, setSessionCookie } from '../http/owner-auth.ts';
import { jsonLimit, readJson } from '../http/validate.ts';
import type { OwnerSession } from '../service/sessions.ts';
import type { Deps } from './deps.ts';

type Env = { Variables: { session: OwnerSession | null } };

/** What the console learns of its session: never the id (it stays in the HttpOnly cookie). */
const view = (s: OwnerSession) => ({ csrf: s.csrf, via: s.via, expiresAt: new Date(s.expiresAt).toISOString() });

/** Signing in to the console and out (docs/admin.md). */
export function ownerSessionRoutes({ service, config }: Deps) {
  const app = new Hono<Env>();

  app.post('/session', jsonLimit, async (c) => {
    const session = await service.sessions.signIn(await readJson(c), actorOf(c, config));
    setSessionCookie(c, config, session);
    return c.json(view(session), 201);
  });

  // The signed-in console reloaded: its CSRF token again. With the Bearer token there is no session.
  app.get('/session', (c) => {
    const session = c.get('session');
    return c.json(session ? view(session) : { csrf: null, via: 'bearer', expiresAt: null });
  });

  app.delete('/session', async (c) => {
    const session = c.get('session');
    if (session) await service.sessions.signOut(session.id);
    clearSessionCookie(c, config);
    return c.body(null, 204);
  });

  return app;
}
