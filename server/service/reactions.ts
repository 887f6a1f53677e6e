import { ChimeError } from '../errors.ts';
import { check, commentId, overlayQuery, readerQuery } from '../schemas.ts';
import type { Actor, ServiceContext } from './context.ts';
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

  /** The reactions `reader` gave in a thread, by comment id: what the widget shows as theirs, beside the shared pages. */
  async mine(query: unknown) {
    const { thread, reader } = check(overlayQuery, query);
    const { version, mine } = await this.ctx.storage.myReactions(thread, reader);
    return { version, myReactions: Object.fromEntries(mine) };
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
    if (!(await this.ctx.siteKey.isReader(reader))) {
      throw new ChimeError('validation', 'Not a reader id this server issued: get one from POST /api/readers.', 'reader');
    }
    return { reactions: await this.ctx.storage.react(comment, kind, reader, on) };
  }
}
