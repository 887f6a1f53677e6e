import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { Config } from '../config.ts';
import { matchesHash, sha256 } from '../crypto.ts';
import { ChimeError } from '../errors.ts';
import type { Actor } from '../service/index.ts';
import { disabled } from '../service/sessions.ts';
import { verifyUserToken, type SignedUser } from '../sso.ts';
import { clientAddress, clientKey } from './client-address.ts';

/**
 * True for a request carrying the admin token as a Bearer token, false for one without; a wrong
 * token is refused rather than quietly treated as a reader. Other schemes are not ours (a blog
 * behind HTTP Basic authentication sends its readers' credentials along): readers, then.
 */
export function isAdmin(c: Context, config: Config): boolean {
  const token = /^Bearer\s+(.*)$/i.exec(c.req.header('authorization') ?? '')?.[1];
  if (token === undefined) return false;
  if (!config.adminToken) throw disabled();
  if (!matchesHash(token.trim(), sha256(config.adminToken))) throw new ChimeError('unauthorized', 'Wrong admin token.');
  return true;
}

function socketAddress(c: Context): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    // No socket (app.request in tests): all such callers share one bucket.
    return null;
  }
}

/** The reader the host site signed in (X-Chime-User), null without the header; a bad token is refused (401), never taken as anonymous. */
export function userOf(c: Context, config: Config): SignedUser | null {
  const token = c.req.header('x-chime-user');
  return token ? verifyUserToken(token, config.sso) : null;
}

export function actorOf(c: Context, config: Config): Actor {
  const address = clientAddress(socketAddress(c), c.req.header('x-forwarded-for'), config.trustProxy);
  return { admin: isAdmin(c, config), address, client: clientKey(address), user: userOf(c, config) };
}
