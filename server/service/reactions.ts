import { z } from 'zod';
import { check, commentId, readerQuery } from '../schemas.ts';
import type { ServiceContext } from './context.ts';

/** Readers' reactions: one of a kind per reader per comment. */
export class Reactions {
  private readonly kind: z.ZodType<string>;

  constructor(private readonly ctx: ServiceContext) {
    const allowed = ctx.config.reactions as [string, ...string[]];
    this.kind = z.enum(allowed, { error: `Must be one of: ${allowed.join(', ')}.` });
  }

  async react(id: unknown, kind: unknown, query: unknown, on: boolean) {
    const comment = check(commentId, id, 'id');
    const reaction = check(this.kind, kind, 'reaction');
    const { reader } = check(readerQuery, query);
    return { reactions: await this.ctx.storage.react(comment, reaction, reader, on) };
  }
}
