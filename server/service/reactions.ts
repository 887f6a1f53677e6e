import { ChimeError } from '../errors.ts';
import { check, commentId, readerQuery } from '../schemas.ts';
import type { ServiceContext } from './context.ts';

/** Readers' reactions: one of a kind per reader per comment, of the kinds the owner allows (settings). */
export class Reactions {
  constructor(private readonly ctx: ServiceContext) {}

  async react(id: unknown, kind: unknown, query: unknown, on: boolean) {
    const comment = check(commentId, id, 'id');
    const { reactions: allowed } = await this.ctx.settings.current();
    // Taking one back is always possible: the owner may have removed its kind meanwhile.
    if (typeof kind !== 'string' || !(allowed.includes(kind) || (!on && /^[a-z0-9_-]{1,32}$/.test(kind)))) {
      throw new ChimeError('validation', allowed.length ? `Must be one of: ${allowed.join(', ')}.` : 'Reactions are turned off.', 'reaction');
    }
    const { reader } = check(readerQuery, query);
    return { reactions: await this.ctx.storage.react(comment, kind, reader, on) };
  }
}
