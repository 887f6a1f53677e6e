import { ChimeError } from '../errors.ts';
import type { Actor, ServiceContext } from './context.ts';

export interface Limit {
  /** Names the counter; each kind has its own. */
  kind: 'post' | 'reaction' | 'reader' | 'signin';
  max: number;
  windowMs: number;
  /** What the client is told, before "try again in N s". */
  message: string;
}

/** The limits of readers' actions, from the settings. */
export const limits = ({ config }: ServiceContext) =>
  ({
    posts: { kind: 'post', max: config.rateLimit, windowMs: config.rateWindowMs, message: 'Too many comments' },
    reactions: { kind: 'reaction', max: config.reactionLimit, windowMs: config.rateWindowMs, message: 'Too many reactions' },
    readers: { kind: 'reader', max: config.readerLimit, windowMs: 86_400_000, message: 'Too many new readers from your address' },
  }) satisfies Record<string, Limit>;

/**
 * Counts one action of this client in the database (shared by every instance) and refuses it
 * with rate-limited (Retry-After) beyond the limit. The client (its address, or IPv6 /64) is
 * hashed with the site's key: no IP address is stored.
 */
export async function limit(ctx: ServiceContext, actor: Actor, { kind, max, windowMs, message }: Limit) {
  const now = Date.now();
  const windowStart = now - (now % windowMs);
  const hits = await ctx.storage.hit(kind, await ctx.siteKey.hash(actor.client ?? 'unknown'), windowStart);
  if (hits > max) {
    const retryAfter = Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000));
    throw new ChimeError('rate-limited', `${message}; try again in ${retryAfter} s.`, undefined, retryAfter);
  }
}
