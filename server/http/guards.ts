import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { Config } from '../config.ts';
import { matchesHash, sha256 } from '../crypto.ts';
import { ApiError } from '../errors.ts';
import type { Deps } from '../routes/deps.ts';
import type { CommentRow, Storage } from '../storage/types.ts';

/**
 * True for a request carrying the admin token, false for one with no Authorization header;
 * a wrong token is refused rather than quietly treated as a reader.
 */
export function isAdmin(c: Context, config: Config): boolean {
  const header = c.req.header('authorization');
  if (header === undefined) return false;
  if (!config.adminToken) throw new ApiError('forbidden', 'The admin API is disabled (CHIME_ADMIN_TOKEN is not set).');
  const token = /^Bearer (.+)$/.exec(header)?.[1] ?? '';
  if (!matchesHash(token, sha256(config.adminToken))) throw new ApiError('unauthorized', 'Wrong admin token.');
  return true;
}

/** Who is asking, for rate limits: the address hashed with the site's key, so no IP address is stored. */
function clientKey(c: Context, { config, siteKey }: Deps): Promise<string> {
  const forwarded = config.trustProxy ? c.req.header('x-forwarded-for')?.split(',')[0]?.trim() : undefined;
  let address = forwarded;
  if (!address) {
    try {
      address = getConnInfo(c).remote.address;
    } catch {
      // No socket (app.request in tests): all such callers share one bucket.
    }
  }
  return siteKey.hash(address ?? 'unknown');
}

/** Counts one post for this client in the database (shared by all instances); 429 beyond the limit. */
export async function limitPosts(c: Context, deps: Deps) {
  const { storage, config } = deps;
  const now = Date.now();
  const windowStart = now - (now % config.rateWindowMs);
  const hits = await storage.hit(`post:${await clientKey(c, deps)}`, windowStart);
  if (hits > config.rateLimit) {
    const retryAfter = Math.max(1, Math.ceil((windowStart + config.rateWindowMs - now) / 1000));
    throw new ApiError('rate-limited', `Too many comments; try again in ${retryAfter} s.`, undefined, retryAfter);
  }
}

/** When a comment's edit window closes (epoch ms). */
export const editableUntil = (row: CommentRow, config: Config) => row.created_at + config.editWindowMs;

/** The comment the X-Chime-Edit-Token header proves ownership of, while it may still be changed. */
export async function ownComment(c: Context, storage: Storage, config: Config, id: string): Promise<CommentRow> {
  const row = await storage.find(id);
  if (!row || row.deleted) throw new ApiError('not-found', 'No such comment.');
  if (!matchesHash(c.req.header('x-chime-edit-token') ?? '', row.edit_token_hash)) {
    throw new ApiError('forbidden', 'This edit token does not belong to the comment.');
  }
  if (Date.now() > editableUntil(row, config)) {
    throw new ApiError('forbidden', `Comments can only be changed for ${Math.round(config.editWindowMs / 60000)} minutes.`);
  }
  return row;
}
