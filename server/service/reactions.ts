import { z } from 'zod';
import { check, commentId, overlayQuery, readerQuery } from '../schemas.ts';
import type { SignedUser } from '../sso.ts';
import type { Actor, ServiceContext } from './context.ts';
import { reactingReader } from './identity.ts';
import { limit, limits } from './limits.ts';

/**
 * Readers' reactions: one of a kind per reader per comment. Reader ids are issued by the server
 * (a few per address per day) and reactions are rate-limited per address, so that one address
 * can neither mint readers by the thousand nor rig the "top" order.
 */
export class Reactions {
  private readonly kind: z.ZodType<string>;
  private readonly limits;

  constructor(private readonly ctx: ServiceContext) {
    const allowed = ctx.config.reactions as [string, ...string[]];
    this.kind = z.enum(allowed, { error: `Must be one of: ${allowed.join(', ')}.` });
    this.limits = limits(ctx);
  }

  /**
   * The reactions `reader` (or the signed-in `user`) gave in a thread, by comment id: what the
   * widget shows as theirs, beside the shared pages. For a signed-in user also the comments they
   * may still change from any device (myComments: id -> end of its edit window, ISO 8601).
   */
  async mine(query: unknown, user: SignedUser | null) {
    const { storage, config } = this.ctx;
    const { thread, reader } = check(overlayQuery, query);
    const [{ version, mine }, written] = await Promise.all([
      // Only read: an id this server did not issue has given no reactions (ids are checked where they write).
      storage.myReactions(thread, user || !reader ? await reactingReader(this.ctx, reader, user) : reader),
      user ? storage.writtenBy(thread, user.id, Date.now() - config.editWindowMs) : null,
    ]);
    const until = (c: { created_at: number }) => new Date(c.created_at + config.editWindowMs).toISOString();
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
    const reaction = check(this.kind, kind, 'reaction');
    const { reader } = check(readerQuery, query);
    return { reactions: await this.ctx.storage.react(comment, reaction, await reactingReader(this.ctx, reader, actor.user), on) };
  }
}
