import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ChimeError } from '../errors.ts';
import { STATUS } from '../http/errors.ts';
import { linkPage, PAGE_HEADERS } from '../notify/pages.ts';
import type { LinkPage } from '../notify/link-actions.ts';
import type { Deps } from './deps.ts';

/**
 * The links in emails: GET /api/notify/link?t= shows what the link does, POST does it (the
 * page's button; also RFC 8058's one-click unsubscribe, `List-Unsubscribe=One-Click`). Answered
 * as pages, errors too: a person opened them.
 */
export function notifyRoutes({ service, config }: Deps) {
  const app = new Hono();
  const site = config.links.siteName;

  const answer = async (c: Context, page: () => Promise<LinkPage>) => {
    try {
      return c.body(linkPage(site, await page()), 200, PAGE_HEADERS);
    } catch (err) {
      if (!(err instanceof ChimeError)) throw err;
      return c.body(linkPage(site, { title: 'This link does not work', message: err.message }), STATUS[err.code], PAGE_HEADERS);
    }
  };

  app.get('/notify/link', (c) => answer(c, () => service.emailLinks.describe(c.req.query('t'))));

  app.post('/notify/link', bodyLimit({ maxSize: 4096, onError: (c) => c.body(null, 413) }), async (c) => {
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    return answer(c, () => service.emailLinks.act(c.req.query('t'), form.undo === '1'));
  });

  return app;
}
