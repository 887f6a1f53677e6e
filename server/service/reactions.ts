import { ChimeError } from '../errors.ts';
import { check, commentId, overlayQuery, readerQuery } from '../schemas.ts';
import type { SignedUser } from '../sso.ts';
import type { Actor, ServiceContext } from './context.ts';
import { reactingReader } from './identity.ts';
import { limit, limits } from './limits.ts';

/**
 * Readers' reactions: one of a kind per reader per comment, of the kinds the owner allows
 * (settings). Reader ids are issued by the server (a few per address per day) and reactions are
 * rate-limited per address, so that one address can neither mint readers by the thousand nor rig
 * the "top" order.
 */
export class Reactions {
  private readonly limits;

  constructor(private readonly ctx: ServiceContext) {
    this.limits = limits(ctx);
  }

  /**
   * The reactions `reader` (or the signed-in `user`) gave in a thread, by comment id: what the
   * widget shows as theirs, beside the shared pages. For a signed-in user also the comments they
   * may still change from any device (myComments: id -> end of its edit window, ISO 8601).
   */
  async mine(query: unknown, user: SignedUser | null) {
    const { storage, settings } = this.ctx;
    const { thread, reader } = check(overlayQuery, query);
    // The owner's edit window of now (the console changes it at run time), as edits by identity use it.
    const windowMs = user ? (await settings.current()).editWindowSeconds * 1000 : 0;
    const [{ version, mine }, written] = await Promise.all([
      // Only read: an id this server did not issue has given no reactions (ids are checked where they write).
      storage.myReactions(thread, user || !reader ? await reactingReader(this.ctx, reader, user) : reader),
      user ? storage.writtenBy(thread, user.id, Date.now() - windowMs) : null,
    ]);
    const until = (c: { created_at: number }) => new Date(c.created_at + windowMs).toISOString();
    return {
      version,
      myReactions: Object.fromEntries(mine),
      ...(written && { myComments: Object.fromEntries(written.map((c) => [c.id, until(c)])) }),
    };
  }

  async issueReader(actor: Actor) {
    await limit(this.ctx, actor, this.limits.readers);
    return { reader: await this.ctx.siteKey.issueReader() };
  }

  async react(id: unknown, kind: unknown, query: unknown, on: boolean, actor: Actor) {
    // Counted before validation, like posts.
    await limit(this.ctx, actor, this.limits.reactions);
    const comment = check(commentId, id, 'id');
    const { reactions: allowed } = await this.ctx.settings.current();
    // Taking one back is always possible: the owner may have removed its kind meanwhile.
    if (typeof kind !== 'string' || !(allowed.includes(kind) || (!on && /^[a-z0-9_-]{1,32}$/.test(kind)))) {
      throw new ChimeError('validation', allowed.length ? `Must be one of: ${allowed.join(', ')}.` : 'Reactions are turned off.', 'reaction');
    }
    const { reader } = check(readerQuery, query);
    return { reactions: await this.ctx.storage.react(comment, kind, await reactingReader(this.ctx, reader, actor.user), on) };
  }
}
