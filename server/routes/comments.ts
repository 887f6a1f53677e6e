import { Hono } from 'hono';
import { conditional } from '../http/caching.ts';
import { negotiate } from '../http/encoding.ts';
import { actorOf, userOf } from '../http/guards.ts';
import { jsonLimit, readJson } from '../http/validate.ts';
import type { Deps } from './deps.ts';

export function commentRoutes({ service, config }: Deps) {
  const app = new Hono();

  // The same bytes for every reader, compressed once: what a reader reacted to comes apart (GET /api/reactions).
  app.get('/comments', async (c) => {
    const page = await service.reading.list(c.req.query());
    c.header('Vary', 'Accept-Encoding', { append: true });
    const notModified = conditional(c, config, page.version, true);
    if (notModified) return notModified;
    const { encoding, body } = page.encoded(negotiate(c.req.header('accept-encoding')));
    c.header('Content-Type', 'application/json');
    if (encoding !== 'identity') c.header('Content-Encoding', encoding);
    return c.body(await body);
  });

  app.post('/comments', jsonLimit, async (c) => {
    const actor = actorOf(c, config);
    const { created, result } = await service.writing.post(await readJson(c), actor);
    // 202: stored, but held for the owner (awaiting approval, or judged spam: the writer is not told which).
    return c.json(result, created ? (result.comment.status === 'published' ? 201 : 202) : 200);
  });

  // The edit token proves the device wrote the comment; a signed-in writer's user token does so from any device.
  app.patch('/comments/:id', jsonLimit, async (c) =>
    c.json(await service.writing.edit(c.req.param('id'), await readJson(c), c.req.header('x-chime-edit-token'), userOf(c, config))),
  );

  app.delete('/comments/:id', async (c) => {
    await service.writing.remove(c.req.param('id'), c.req.header('x-chime-edit-token'), userOf(c, config));
    return c.body(null, 204);
  });

  return app;
}
