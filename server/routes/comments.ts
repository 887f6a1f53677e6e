import { Hono } from 'hono';
import { conditional } from '../http/caching.ts';
import { actorOf } from '../http/guards.ts';
import { jsonLimit, readJson } from '../http/validate.ts';
import type { Deps } from './deps.ts';

const utf8 = new TextEncoder();

/** The shared page's JSON with the reader's own reactions added as `myReactions`, without parsing it again. */
function withOverlay(page: Uint8Array<ArrayBuffer>, mine: Record<string, string[]>) {
  const tail = utf8.encode(`,"myReactions":${JSON.stringify(mine)}}`);
  const body = new Uint8Array(page.length - 1 + tail.length);
  body.set(page.subarray(0, page.length - 1));
  body.set(tail, page.length - 1);
  return body;
}

export function commentRoutes({ service, config }: Deps) {
  const app = new Hono();

  app.get('/comments', async (c) => {
    const { page, mine } = await service.reading.list(c.req.query());
    const notModified = conditional(c, config, page.version, !mine);
    if (notModified) return notModified;
    c.header('Content-Type', 'application/json');
    return c.body(mine ? withOverlay(page.body, mine) : page.body);
  });

  app.post('/comments', jsonLimit, async (c) => {
    const actor = actorOf(c, config);
    const { created, result } = await service.writing.post(await readJson(c), actor);
    // 202: stored, but held for the owner (awaiting approval, or judged spam: the writer is not told which).
    return c.json(result, created ? (result.comment.status === 'published' ? 201 : 202) : 200);
  });

  app.patch('/comments/:id', jsonLimit, async (c) =>
    c.json(await service.writing.edit(c.req.param('id'), await readJson(c), c.req.header('x-chime-edit-token'))),
  );

  app.delete('/comments/:id', async (c) => {
    await service.writing.remove(c.req.param('id'), c.req.header('x-chime-edit-token'));
    return c.body(null, 204);
  });

  return app;
}
