import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { Config } from '../config.ts';
import { matchesHash, sha256 } from '../crypto.ts';
import { ChimeError } from '../errors.ts';
import type { Actor } from '../service/index.ts';

/**
 * True for a request carrying the admin token, false for one with no Authorization header;
 * a wrong token is refused rather than quietly treated as a reader.
 */
export function isAdmin(c: Context, config: Config): boolean {
  const header = c.req.header('authorization');
  if (header === undefined) return false;
  if (!config.adminToken) throw new ChimeError('forbidden', 'The admin API is disabled (CHIME_ADMIN_TOKEN is not set).');
  const token = /^Bearer (.+)$/.exec(header)?.[1] ?? '';
  if (!matchesHash(token, sha256(config.adminToken))) throw new ChimeError('unauthorized', 'Wrong admin token.');
  return true;
}

/** The client's address: the socket's, or the first X-Forwarded-For entry behind a trusted proxy. */
function clientAddress(c: Context, config: Config): string | null {
  const forwarded = config.trustProxy ? c.req.header('x-forwarded-for')?.split(',')[0]?.trim() : undefined;
  if (forwarded) return forwarded;
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    // No socket (app.request in tests): all such callers share one bucket.
    return null;
  }
}

export const actorOf = (c: Context, config: Config): Actor => ({ admin: isAdmin(c, config), address: clientAddress(c, config) });
