import { ChimeError } from '../errors.ts';
import type { Actor, ServiceContext } from './context.ts';

/**
 * Counts one action of this client in the database (shared by every instance) and refuses it
 * with rate-limited (Retry-After) beyond the limit. The address is hashed with the site's key:
 * no IP address is stored.
 */
export async function limitPosts(ctx: ServiceContext, actor: Actor) {
  const { storage, config, siteKey } = ctx;
  const now = Date.now();
  const windowStart = now - (now % config.rateWindowMs);
  const hits = await storage.hit(`post:${await siteKey.hash(actor.address ?? 'unknown')}`, windowStart);
  if (hits > config.rateLimit) {
    const retryAfter = Math.max(1, Math.ceil((windowStart + config.rateWindowMs - now) / 1000));
    throw new ChimeError('rate-limited', `Too many comments; try again in ${retryAfter} s.`, undefined, retryAfter);
  }
}
