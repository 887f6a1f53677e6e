import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { z } from 'zod';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import type { PostResult } from 'chime-comments/protocol';
import { ADMIN, eachBackend, issueReader, newComment, THREAD, type Instance } from './helpers/backends.ts';
import { fixture } from './helpers/migrate.ts';
import { ORIGIN, signIn } from './helpers/owner.ts';
import { as, sign, SSO_SECRET, user } from './helpers/sso.ts';

interface Answer {
  $ref?: string;
  content?: Record<string, { schema: unknown }>;
}
interface Operation {
  responses: Record<string, Answer>;
}
const doc = JSON.parse(readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown>; responses: Record<string, Answer> };
};

/** The documented schema as zod, with component references resolved. */
function schemaOf(schema: unknown) {
  const text = JSON.stringify({ ...(schema as object), $defs: doc.components.schemas }).replaceAll('#/components/schemas/', '#/$defs/');
  return z.fromJSONSchema(JSON.parse(text));
}

/** Checks that the status is documented for the operation and the JSON body matches its schema. */
async function conforms(res: Response, method: string, path: string) {
  const operation = doc.paths[path]?.[method.toLowerCase()];
  assert.ok(operation, `${method} ${path} is documented`);
  const listed = operation.responses[String(res.status)];
  // Answers shared by many operations are components: #/components/responses/<name>.
  const documented = listed?.$ref ? doc.components.responses[listed.$ref.split('/').pop()!] : listed;
  if (!documented) assert.fail(`${method} ${path}: status ${res.status} is not documented (${await res.text()})`);
  const json = documented.content?.['application/json'];
  if (!json) return;
  const body: unknown = await res.json();
  const result = schemaOf(json.schema).safeParse(body);
  assert.ok(result.success, `${method} ${path} ${res.status}: ${JSON.stringify(result.error?.issues)}\n${JSON.stringify(body)}`);
}

const t = encodeURIComponent(THREAD);

it('documents every route of the app, and the app has every documented route', async () => {
  const app = createApp({ storage: {} as never, config: loadConfig({}) });
  // A parameter up to an extension (":id{.+\\.html}") is documented as "{id}.html".
  const route = (path: string) => path.replace(/\{\.\+\\\.(\w+)\}/g, '.$1');
  const served = new Set(app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/')).map((r) => `${r.method} ${route(r.path)}`));
  const documented = new Set(
    Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`)),
  );
  assert.deepEqual([...documented].sort(), [...served].sort());
});

eachBackend('protocol contract (docs/openapi.json)', (db) => {
  it('answers the main endpoints with the documented statuses and shapes', async () => {
    const i: Instance = await db.open({ CHIME_EDIT_WINDOW: '600' });
    const input = newComment();
    const posted = await i.send('POST', '/api/comments', input);
    const { comment, editToken } = (await posted.clone().json()) as PostResult;
    await conforms(posted, 'POST', '/api/comments');
    await conforms(await i.send('POST', '/api/comments', input), 'POST', '/api/comments');
    await conforms(await i.send('POST', '/api/comments', { ...input, body: 'other' }), 'POST', '/api/comments');
    await conforms(await i.send('POST', '/api/comments', newComment({ parentId: comment.id, author: { name: 'Bo' } })), 'POST', '/api/comments');
    await conforms(await i.send('POST', '/api/comments', newComment({ body: '' })), 'POST', '/api/comments');
    await conforms(await i.send('POST', '/api/comments', '{'), 'POST', '/api/comments');
    await conforms(await i.send('POST', '/api/comments', newComment(), ADMIN), 'POST', '/api/comments');

    const reader = await issueReader(i);
    await conforms(
      await i.send('PUT', `/api/comments/${comment.id}/reactions/like?reader=${reader}`),
      'PUT',
      '/api/comments/{id}/reactions/{reaction}',
    );
    await conforms(
      await i.send('DELETE', `/api/comments/${comment.id}/reactions/love?reader=${reader}`),
      'DELETE',
      '/api/comments/{id}/reactions/{reaction}',
    );
    await conforms(
      await i.send('PUT', `/api/comments/${comment.id}/reactions/nope?reader=${reader}`),
      'PUT',
      '/api/comments/{id}/reactions/{reaction}',
    );

    await conforms(await i.send('GET', `/api/reactions?thread=${t}&reader=${reader}`), 'GET', '/api/reactions');
    await conforms(await i.send('GET', `/api/reactions?thread=${t}`), 'GET', '/api/reactions');
    await conforms(await i.send('POST', '/api/readers'), 'POST', '/api/readers');
    await conforms(await i.send('GET', `/api/comments?thread=${t}&sort=top&limit=1`), 'GET', '/api/comments');
    await conforms(await i.send('GET', `/api/comments?thread=${t}&limit=1000`), 'GET', '/api/comments');
    for (let n = 0; n < 21; n++) await i.send('POST', '/api/comments', newComment({ parentId: comment.id }));
    const withMore = await i.send('GET', `/api/comments?thread=${t}`);
    const { moreReplies } = (await withMore.clone().json()) as { moreReplies: Record<string, { cursor: string }> };
    await conforms(withMore, 'GET', '/api/comments');
    await conforms(
      await i.send('GET', `/api/comments?thread=${t}&root=${comment.id}&cursor=${moreReplies[comment.id]!.cursor}`),
      'GET',
      '/api/comments',
    );
    await conforms(await i.send('GET', `/api/comments?thread=${t}&root=missing`), 'GET', '/api/comments');
    await conforms(await i.send('GET', `/api/thread?thread=${t}`), 'GET', '/api/thread');
    for (const path of [`/api/threads/${t}.html`, `/api/threads/%ZZ.html`, `/api/threads/${t}.html?locale=x_y`])
      await conforms(await i.send('GET', path), 'GET', '/api/threads/{id}.html');
    const html = await i.send('GET', `/api/thread.html?thread=${t}`);
    await conforms(html, 'GET', '/api/thread.html');
    await conforms(
      await i.send('GET', `/api/thread.html?thread=${t}`, undefined, { 'if-none-match': html.headers.get('etag')! }),
      'GET',
      '/api/thread.html',
    );
    await conforms(await i.send('GET', `/api/thread.html?thread=${t}&locale=x_y`), 'GET', '/api/thread.html');
    await conforms(await i.send('POST', '/api/counts', { threads: [THREAD, '/none'] }), 'POST', '/api/counts');

    const edit = { 'x-chime-edit-token': editToken! };
    await conforms(await i.send('PATCH', `/api/comments/${comment.id}`, { body: 'Edited.' }, edit), 'PATCH', '/api/comments/{id}');
    await conforms(
      await i.send('PATCH', `/api/comments/${comment.id}`, { body: 'Edited.' }, { 'x-chime-edit-token': 'x' }),
      'PATCH',
      '/api/comments/{id}',
    );
    await conforms(await i.send('PATCH', '/api/comments/missing', { body: 'Edited.' }, edit), 'PATCH', '/api/comments/{id}');

    await conforms(await i.send('PATCH', `/api/admin/comments/${comment.id}`, { pinned: true }, ADMIN), 'PATCH', '/api/admin/comments/{id}');
    await conforms(await i.send('GET', '/api/admin/queue', undefined, ADMIN), 'GET', '/api/admin/queue');
    await conforms(await i.send('GET', '/api/admin/queue'), 'GET', '/api/admin/queue');
    await conforms(await i.send('PUT', `/api/admin/thread?thread=${t}`, { closed: true }, ADMIN), 'PUT', '/api/admin/thread');
    await conforms(await i.send('POST', '/api/comments', newComment()), 'POST', '/api/comments');

    await conforms(await i.send('DELETE', `/api/comments/${comment.id}`, undefined, edit), 'DELETE', '/api/comments/{id}');
    await conforms(await i.send('GET', `/api/comments?thread=${t}`), 'GET', '/api/comments');
    await conforms(await i.send('DELETE', `/api/admin/comments/${comment.id}`, undefined, ADMIN), 'DELETE', '/api/admin/comments/{id}');
    await conforms(await i.send('DELETE', `/api/admin/comments/${comment.id}`, undefined, ADMIN), 'DELETE', '/api/admin/comments/{id}');
  });

  it("answers the owner's API as documented", async () => {
    const i = await db.open({ CHIME_MODERATION: 'first-time', CHIME_TRUST_PROXY: '1' });
    const from = { 'x-forwarded-for': '192.0.2.1' };
    const held = (await (await i.send('POST', '/api/comments', newComment(), from)).json()) as PostResult;
    const published = (await (await i.send('POST', '/api/comments', newComment(), ADMIN)).json()) as PostResult;
    const signedIn = await i.send('POST', '/api/admin/session', { token: ADMIN.authorization.slice(7) }, { origin: ORIGIN });
    await conforms(signedIn, 'POST', '/api/admin/session');
    await conforms(await i.send('POST', '/api/admin/session', { token: 'wrong' }, { origin: ORIGIN }), 'POST', '/api/admin/session');
    await conforms(await i.send('POST', '/api/admin/session', { token: 'x' }, { origin: 'https://evil.example' }), 'POST', '/api/admin/session');
    const owner = await signIn(i);
    const as = (method: string, path: string, body?: unknown, documented = path.replace(/\?.*$/, '')) =>
      i.send(method, path, body, owner.headers).then((res) => conforms(res, method, documented));
    await as('GET', '/api/admin/session');
    await conforms(await i.send('GET', '/api/admin/session', undefined, ADMIN), 'GET', '/api/admin/session');
    await conforms(await i.send('GET', '/api/admin/counts'), 'GET', '/api/admin/counts');
    await conforms(await i.send('PUT', '/api/admin/settings', {}, { cookie: owner.cookie, origin: ORIGIN }), 'PUT', '/api/admin/settings');
    await as('GET', '/api/admin/comments?status=pending,spam&order=oldest');
    await as('GET', '/api/admin/comments?limit=1');
    await as('GET', '/api/admin/comments?status=removed');
    await as('GET', '/api/admin/counts');
    await as('POST', '/api/admin/comments/bulk', { ids: [held.comment.id, 'missing'], action: 'spam' });
    await as('POST', '/api/admin/comments/bulk', { ids: [], action: 'spam' });
    await as('PATCH', `/api/admin/comments/${held.comment.id}`, { status: 'trash' }, '/api/admin/comments/{id}');
    await as('POST', `/api/admin/comments/${published.comment.id}/reply`, { body: 'Thanks!' }, '/api/admin/comments/{id}/reply');
    await as('POST', `/api/admin/comments/${held.comment.id}/reply`, { body: 'Thanks!' }, '/api/admin/comments/{id}/reply');
    await as('POST', '/api/admin/comments/missing/reply', { body: 'Thanks!' }, '/api/admin/comments/{id}/reply');
    await as('GET', '/api/admin/threads?limit=1');
    await as('POST', '/api/admin/blocks', { commentId: held.comment.id, kind: 'ip' });
    await as('POST', '/api/admin/blocks', { commentId: held.comment.id, kind: 'email' });
    await as('POST', '/api/admin/blocks', { commentId: 'missing', kind: 'ip' });
    const { blocks } = (await (await i.send('GET', '/api/admin/blocks', undefined, ADMIN)).json()) as { blocks: { hash: string }[] };
    await as('GET', '/api/admin/blocks');
    await as('DELETE', `/api/admin/blocks/ip/${blocks[0]!.hash}`, undefined, '/api/admin/blocks/{kind}/{hash}');
    await as('DELETE', `/api/admin/blocks/ip/${blocks[0]!.hash}`, undefined, '/api/admin/blocks/{kind}/{hash}');
    await as('DELETE', '/api/admin/blocks/ip/nothex', undefined, '/api/admin/blocks/{kind}/{hash}');
    const settings = (await (await i.send('GET', '/api/admin/settings', undefined, ADMIN)).json()) as object;
    await as('GET', '/api/admin/settings');
    await as('PUT', '/api/admin/settings', settings);
    await as('PUT', '/api/admin/settings', { ...settings, moderation: 'never' });
    await as('POST', '/api/admin/purge');
    const upload = (query: string) =>
      i.app.request(`/api/admin/import?${query}`, { method: 'POST', headers: owner.headers, body: readFileSync(fixture('wordpress.xml')) });
    await conforms(await upload('format=wxr&dryRun=1'), 'POST', '/api/admin/import');
    await conforms(await upload('format=nope'), 'POST', '/api/admin/import');
    const backup = await i.send('GET', '/api/admin/export', undefined, owner.headers);
    assert.equal(backup.headers.get('content-type'), 'application/x-ndjson; charset=utf-8');
    await conforms(backup, 'GET', '/api/admin/export');
    await as('DELETE', '/api/admin/session');
  });

  it('answers rate limits, moderation and the event stream as documented', async () => {
    const i = await db.open({ CHIME_RATE_LIMIT: '1', CHIME_RATE_WINDOW: '3600', CHIME_MODERATION: 'all' });
    await conforms(await i.send('POST', '/api/comments', newComment()), 'POST', '/api/comments');
    await conforms(await i.send('POST', '/api/comments', newComment()), 'POST', '/api/comments');
    await conforms(await i.send('GET', '/api/admin/queue', undefined, ADMIN), 'GET', '/api/admin/queue');
    await conforms(await i.send('GET', '/api/events?thread='), 'GET', '/api/events');
    const stream = await fetch(`${await i.listen()}/api/events?thread=${t}`);
    assert.equal(stream.headers.get('content-type'), 'text/event-stream');
    await conforms(stream, 'GET', '/api/events');
    await stream.body?.cancel();
  });

  it("answers signed-in readers' requests as documented", async () => {
    const i = await db.open({ CHIME_SSO_SECRET: SSO_SECRET });
    const token = as(sign(user()));
    const wrong = as(sign(user(), { secret: 'w'.repeat(32) }));
    const posted = await i.send('POST', '/api/comments', newComment(), token);
    const { comment } = (await posted.clone().json()) as PostResult;
    await conforms(posted, 'POST', '/api/comments');
    await conforms(await i.send('POST', '/api/comments', newComment(), wrong), 'POST', '/api/comments');
    await conforms(await i.send('GET', `/api/comments?thread=${t}`), 'GET', '/api/comments');
    const like = `/api/comments/${comment.id}/reactions/like`;
    await conforms(await i.send('PUT', like, undefined, token), 'PUT', '/api/comments/{id}/reactions/{reaction}');
    await conforms(await i.send('DELETE', like, undefined, wrong), 'DELETE', '/api/comments/{id}/reactions/{reaction}');
    await conforms(await i.send('GET', `/api/reactions?thread=${t}`, undefined, token), 'GET', '/api/reactions');
    await conforms(await i.send('PATCH', `/api/comments/${comment.id}`, { body: 'Edited.' }, token), 'PATCH', '/api/comments/{id}');
    await conforms(await i.send('PATCH', `/api/comments/${comment.id}`, { body: 'Edited.' }, wrong), 'PATCH', '/api/comments/{id}');
    await conforms(await i.send('DELETE', `/api/comments/${comment.id}`, undefined, wrong), 'DELETE', '/api/comments/{id}');
    await conforms(await i.send('DELETE', `/api/comments/${comment.id}`, undefined, token), 'DELETE', '/api/comments/{id}');
    const required = await db.open({ CHIME_SSO_SECRET: SSO_SECRET, CHIME_SSO_REQUIRED: '1' });
    await conforms(await required.send('POST', '/api/comments', newComment()), 'POST', '/api/comments');
  });

  it('answers feeds and the links of emails as documented', async () => {
    const off = await db.open();
    await conforms(await off.send('GET', '/api/feed.atom'), 'GET', '/api/feed.atom');
    const i = await db.open({ CHIME_SITE_URL: 'https://blog.example' });
    await i.send('POST', '/api/comments', newComment());
    const feed = await i.send('GET', `/api/feed.atom?thread=${t}`);
    await conforms(feed, 'GET', '/api/feed.atom');
    await conforms(
      await i.send('GET', `/api/feed.atom?thread=${t}`, undefined, { 'if-none-match': feed.headers.get('etag')! }),
      'GET',
      '/api/feed.atom',
    );
    await conforms(await i.send('GET', '/api/feed.atom?thread='), 'GET', '/api/feed.atom');
    await conforms(await i.send('GET', '/api/notify/link'), 'GET', '/api/notify/link');
    await conforms(await i.send('GET', '/api/notify/link?t=forged.link'), 'GET', '/api/notify/link');
    const unsubscribe = await i.service.notify.links.sign({ purpose: 'unsubscribe', subject: 'a@example.org', expires: 0 });
    await conforms(await i.send('GET', `/api/notify/link?t=${unsubscribe}`), 'GET', '/api/notify/link');
    const oneClick = { 'content-type': 'application/x-www-form-urlencoded' };
    await conforms(await i.send('POST', `/api/notify/link?t=${unsubscribe}`, 'List-Unsubscribe=One-Click', oneClick), 'POST', '/api/notify/link');
    await conforms(await i.send('POST', '/api/notify/link?t=forged.link', 'List-Unsubscribe=One-Click', oneClick), 'POST', '/api/notify/link');
    const gone = await i.service.notify.links.sign({ purpose: 'delete', subject: 'no-such-comment', expires: Date.now() + 60_000 });
    await conforms(await i.send('POST', `/api/notify/link?t=${gone}`, 'x=1', oneClick), 'POST', '/api/notify/link');
  });
});
