import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { check, readQuery } from '../http/validate.ts';
import { commentId, readerQuery } from '../schemas.ts';
import type { Deps } from './deps.ts';

export function reactionRoutes({ storage, config }: Deps) {
  const app = new Hono();
  const reaction = z.enum(config.reactions as [string, ...string[]], { error: `Must be one of: ${config.reactions.join(', ')}.` });

  const toggle = (on: boolean) => async (c: Context) => {
    const id = check(commentId, c.req.param('id'), 'id');
    const kind = check(reaction, c.req.param('reaction'), 'reaction');
    const { reader } = readQuery(c, readerQuery);
    return c.json({ reactions: await storage.react(id, kind, reader, on) });
  };

  app.put('/comments/:id/reactions/:reaction', toggle(true));
  app.delete('/comments/:id/reactions/:reaction', toggle(false));
  return app;
}
