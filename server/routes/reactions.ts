import { Hono, type Context } from 'hono';
import type { Deps } from './deps.ts';

export function reactionRoutes({ service }: Deps) {
  const app = new Hono();

  const toggle = (on: boolean) => async (c: Context) =>
    c.json(await service.reactions.react(c.req.param('id'), c.req.param('reaction'), c.req.query(), on));

  app.put('/comments/:id/reactions/:reaction', toggle(true));
  app.delete('/comments/:id/reactions/:reaction', toggle(false));
  return app;
}
