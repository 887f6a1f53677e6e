import { Hono } from 'hono';
import { actorOf } from '../http/guards.ts';
import { jsonLimit, readJson } from '../http/validate.ts';
import type { Deps } from './deps.ts';

export function commentRoutes({ service, config }: Deps) {
  const app = new Hono();

  app.get('/comments', async (c) => {
    const { page, mine } = await service.reading.list(c.req.query());
    if (!mine) return c.body(page.body, 200, { 'content-type': 'application/json' });
    const parsed = JSON.parse(new TextDecoder().decode(page.body)) as { comments: { id: string }[] };
    return c.json({ ...parsed, comments: parsed.comments.map((comment) => ({ ...comment, myReactions: mine.get(comment.id) ?? [] })) });
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
