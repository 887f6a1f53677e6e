import { Hono, type Context } from 'hono';
import { conditional } from '../http/caching.ts';
import { actorOf, userOf } from '../http/guards.ts';
import type { Deps } from './deps.ts';

export function reactionRoutes({ service, config }: Deps) {
  const app = new Hono();
  const reactions = service.reactions;

  // A reader's own reactions in a thread: private, beside the shared pages.
  app.get('/reactions', async (c) => {
    const { version, ...mine } = await reactions.mine(c.req.query(), userOf(c, config));
    // One URL, a signed-in reader's answer or a device's: a browser must not answer one with the other's.
    c.header('Vary', 'X-Chime-User', { append: true });
    return conditional(c, config, version, false) ?? c.json(mine);
  });

  // A reader id for this device, needed to react (docs/protocol.md).
  app.post('/readers', async (c) => c.json(await reactions.issueReader(actorOf(c, config)), 201));

  const toggle = (on: boolean) => async (c: Context) =>
    c.json(await reactions.react(c.req.param('id'), c.req.param('reaction'), c.req.query(), on, actorOf(c, config)));

  app.put('/comments/:id/reactions/:reaction', toggle(true));
  app.delete('/comments/:id/reactions/:reaction', toggle(false));
  return app;
}
