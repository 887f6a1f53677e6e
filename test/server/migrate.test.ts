import assert from 'node:assert/strict';
import { createReadStream, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { it } from 'node:test';
import type { CommentPage, PostResult } from '../../src/core/types.ts';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { sha256 } from '../../server/crypto.ts';
import { exportBackup } from '../../server/migrate/backup.ts';
import { type Format, importComments, type ImportOptions } from '../../server/migrate/import.ts';
import { parseRewrite } from '../../server/migrate/threads.ts';
import { avatarHasher, SiteKey } from '../../server/site-key.ts';
import { openStorage } from '../../server/storage/index.ts';
import type { Storage } from '../../server/storage/types.ts';
import { ADMIN, type BackendContext, eachBackend, issueReader, newComment } from './helpers/backends.ts';
import { anotherDatabase, fixture } from './helpers/migrate.ts';

/** Comment ids of the WordPress sample: its site, then WordPress's own comment id. */
const wp = (id: number) => `wp-${sha256('old.example/blog').slice(0, 8)}-${id}`;
const REWRITE = { mode: 'path' as const, rewrites: [parseRewrite('https://old.example/blog/=/')] };
const TOPIC = '/2006/03/suggest-a-topic/';

function run(storage: Storage, format: Format, input: URL | string, options: Partial<ImportOptions> = {}) {
  const source = input instanceof URL ? createReadStream(input) : Readable.from([Buffer.from(input)]);
  const avatarHash = avatarHasher(loadConfig({}), new SiteKey(storage));
  return importComments(source, { storage, avatarHash }, { format, ...options });
}

async function backup(storage: Storage, thread: string | null = null) {
  let text = '';
  for await (const line of exportBackup(storage, thread)) text += line;
  return text;
}

/** The backup without its first line (which says when it was made). */
const body = (text: string) => text.slice(text.indexOf('\n') + 1);

/** A second, empty database of the same kind, with a server on it. */
async function emptyDatabase(db: BackendContext) {
  const url = await anotherDatabase(db);
  const storage = await openStorage(url);
  return { storage, app: createApp({ storage, config: loadConfig({ DATABASE_URL: url }) }) };
}

/** A thread's page as readers get it, its comments (top-level first, then replies) in number order. */
async function page(app: { request(path: string): Response | Promise<Response> }, thread: string) {
  const got = (await (await app.request(`/api/comments?thread=${encodeURIComponent(thread)}&limit=100`)).json()) as CommentPage;
  return { ...got, comments: got.comments.sort((a, b) => a.number - b.number) };
}

eachBackend('import', (db) => {
  it('brings a WordPress blog over: threads, nesting, numbers by arrival, authors, states, closed posts', async () => {
    const i = await db.open();
    const summary = await run(i.storage, 'wxr', fixture('wordpress.xml'), { ids: REWRITE });
    assert.deepEqual(
      [summary.imported, summary.threads, summary.duplicates, summary.skippedBy, summary.errorCount, summary.written],
      [8, 2, 0, { pingback: 1, trackback: 1 }, 0, true],
    );

    const topic = await page(i.app, TOPIC);
    assert.deepEqual(
      topic.comments.map((c) => [c.number, c.id, c.parentId, c.author.name, c.author.role]),
      [
        [1, wp(21), null, 'Rodrigo S.', null],
        [2, wp(22), wp(21), 'Pat Driver', 'author'],
        [3, wp(24), wp(22), 'Zoë Ångström', null],
        [5, wp(31), null, 'Dana Late', null],
      ],
      'the reply dated before its parent comes after it; number 4 is the comment awaiting approval',
    );
    assert.deepEqual([topic.thread.count, topic.thread.closed], [4, false]);
    assert.equal(topic.comments[0]!.createdAt, '2006-03-13T10:02:00.000Z');
    assert.equal(
      topic.comments[1]!.body,
      '> some KMDF basics\n\nGood idea. Start with `WdfDeviceCreate`:\n\n```\nstatus = WdfDeviceCreate(&init, &attributes, &device);\nif (!NT_SUCCESS(status)) { return status; }\n```\n\nMore soon.',
    );

    // Held back as they were: awaiting approval in the queue, spam and trash numbered after the rest.
    const held = await Promise.all([28, 25, 26].map((id) => i.storage.find(wp(id))));
    assert.deepEqual(
      held.map((r) => [r!.status, r!.number]),
      [
        ['pending', 4],
        ['spam', 6],
        ['trash', 7],
      ],
    );
    const queue = (await (await i.send('GET', '/api/admin/queue', undefined, ADMIN)).json()) as { comments: Array<{ id: string }> };
    assert.deepEqual(
      queue.comments.map((c) => c.id),
      [wp(28)],
    );

    // Spam the old system caught by mistake is restored like any moderated comment.
    const restored = await i.send('PATCH', `/api/admin/comments/${wp(25)}`, { status: 'published' }, ADMIN);
    assert.deepEqual(((await restored.json()) as { status: string }).status, 'published');
    assert.equal((await page(i.app, TOPIC)).thread.count, 5);

    // The email is kept as written and hashed exactly as a posted comment's is.
    const row = await i.storage.find(wp(21));
    assert.equal(row!.author_email, 'Rodrigo@Example.ORG');
    const posted = (await (
      await i.send('POST', '/api/comments', newComment({ threadId: TOPIC, author: { name: 'R', email: 'RODRIGO@example.org' } }))
    ).json()) as PostResult;
    assert.equal(posted.comment.author.avatarHash, topic.comments[0]!.author.avatarHash);
    assert.ok(posted.comment.author.avatarHash);
    assert.equal(posted.comment.number, 8, 'new comments are numbered after every imported one');

    // Posts whose comments were closed stay closed, with or without comments.
    for (const thread of ['/2007/05/caf%C3%A9-notes/', '/about/']) {
      assert.equal(((await (await i.send('GET', `/api/thread?thread=${encodeURIComponent(thread)}`)).json()) as { closed: boolean }).closed, true);
    }
    const closed = await i.send('POST', '/api/comments', newComment({ threadId: '/about/' }));
    assert.equal(closed.status, 403);
  });

  it('running an import twice adds nothing and changes no number', async () => {
    const i = await db.open();
    await run(i.storage, 'wxr', fixture('wordpress.xml'), { ids: REWRITE });
    const before = body(await backup(i.storage));
    const again = await run(i.storage, 'wxr', fixture('wordpress.xml'), { ids: REWRITE });
    assert.deepEqual([again.imported, again.duplicates, again.threads], [0, 8, 0]);
    assert.equal(body(await backup(i.storage)), before);
    // Under other thread ids the comments are still the same comments.
    const moved = await run(i.storage, 'wxr', fixture('wordpress.xml'));
    assert.deepEqual([moved.imported, moved.duplicates], [0, 8]);
    assert.deepEqual(await i.storage.counts(['/blog/2006/03/suggest-a-topic/']), { '/blog/2006/03/suggest-a-topic/': 0 });
  });

  it('a malformed file writes nothing, unless --partial; the complete file then adds only the rest', async () => {
    const i = await db.open();
    const refused = await run(i.storage, 'wxr', fixture('wordpress-malformed.xml'), { ids: REWRITE });
    assert.equal(refused.written, false);
    assert.equal(refused.fatal?.line, 225);
    assert.match(refused.fatal!.message, /unclosed tag/);
    assert.equal(body(await backup(i.storage)), '');

    const partial = await run(i.storage, 'wxr', fixture('wordpress-malformed.xml'), { ids: REWRITE, partial: true });
    assert.deepEqual([partial.written, partial.imported, partial.threads], [true, 8, 2]);
    const rest = await run(i.storage, 'wxr', fixture('wordpress.xml'), { ids: REWRITE });
    assert.deepEqual([rest.imported, rest.duplicates, rest.errorCount], [0, 8, 0]);
    assert.equal((await i.storage.thread('/about/')).closed, true, 'the post the cut file never reached');
  });

  it('a record in error stops the import (nothing written) until --partial says to go on', async () => {
    const i = await db.open();
    const text = readFileSync(fixture('wordpress.xml'), 'utf8').replace('<wp:comment_id>24</wp:comment_id>', '<wp:comment_id></wp:comment_id>');
    const refused = await run(i.storage, 'wxr', text, { ids: REWRITE });
    assert.deepEqual([refused.written, refused.errors], [false, [{ line: 109, message: 'comment without a wp:comment_id' }]]);
    assert.equal(body(await backup(i.storage)), '');
    const partial = await run(i.storage, 'wxr', text, { ids: REWRITE, partial: true });
    assert.equal(partial.imported, 7);
    assert.deepEqual(
      (await page(i.app, TOPIC)).comments.map((c) => c.number),
      [1, 2, 4],
    );
  });

  it('brings Disqus threads over, posts listed before their thread included', async () => {
    const i = await db.open();
    const summary = await run(i.storage, 'disqus', fixture('disqus.xml'), { ids: REWRITE });
    assert.deepEqual([summary.imported, summary.threads, summary.errorCount], [7, 3, 0]);
    const hello = await page(i.app, '/2013/01/hello-world/');
    assert.deepEqual(
      hello.comments.map((c) => [c.number, c.id, c.parentId]),
      [
        [1, 'dq-9001', null],
        [2, 'dq-9002', 'dq-9001'],
        [3, 'dq-9003', 'dq-9002'],
      ],
    );
    assert.deepEqual(await Promise.all(['dq-9004', 'dq-9005'].map(async (id) => (await i.storage.find(id))!.status)), ['spam', 'trash']);
    assert.equal((await i.storage.thread('/2013/02/closed-post/')).closed, true);
    assert.equal((await page(i.app, '/2013/03/late-thread/')).comments[0]!.author.name, 'Иван');
  });

  it('names comments that have no thread to go to, and writes nothing', async () => {
    const i = await db.open();
    const disqus = readFileSync(fixture('disqus.xml'), 'utf8').replace('<thread dsq:id="5002" />', '<thread dsq:id="5999" />');
    const lost = await run(i.storage, 'disqus', disqus);
    assert.deepEqual([lost.written, lost.errors], [false, [{ line: 116, message: '1 comment of thread "5999", which the file does not have' }]]);
    const wordpress = readFileSync(fixture('wordpress.xml'), 'utf8')
      .replace('<link>https://old.example/blog/2007/05/caf%C3%A9-notes/</link>', '<link></link>')
      .replace('<wp:base_blog_url>https://old.example/blog</wp:base_blog_url>', '<wp:base_blog_url></wp:base_blog_url>')
      .replace('<link>https://old.example/blog</link>', '<link></link>');
    const unlinked = await run(i.storage, 'wxr', wordpress);
    assert.deepEqual(unlinked.errors, [{ line: 184, message: 'the post has no link: its 1 comment cannot be imported' }]);
    assert.equal(body(await backup(i.storage)), '');
  });

  it('export, then import into an empty database, round-trips exactly', async () => {
    const i = await db.open();
    await run(i.storage, 'wxr', fixture('wordpress.xml'), { ids: REWRITE });
    await run(i.storage, 'disqus', fixture('disqus.xml'), { ids: REWRITE });
    // What a live site adds: readers' comments and replies, the author's answer, an edit,
    // reactions, a pin, a hidden comment, a deletion leaving a placeholder, one leaving a gap.
    const post = async (input: Record<string, unknown>, headers: Record<string, string> = {}) =>
      (await (await i.send('POST', '/api/comments', newComment({ threadId: TOPIC, ...input }), headers)).json()) as PostResult;
    const reader = await post({ body: 'Native *comment*' });
    const reply = await post({ parentId: reader.comment.id, body: 'A reply' });
    await post({ parentId: wp(21), body: 'Answer', author: { name: 'Pat Driver', role: 'author' } }, ADMIN);
    const gone = await post({ body: 'to delete' });
    const edit = await i.send('PATCH', `/api/comments/${reply.comment.id}`, { body: 'A reply, edited' }, { 'x-chime-edit-token': reply.editToken! });
    assert.equal(edit.status, 200);
    const [one, two] = [await issueReader(i), await issueReader(i)];
    for (const [id, kind, who] of [
      [wp(21), 'like', one],
      [wp(21), 'like', two],
      [wp(22), 'thanks', one],
    ]) {
      assert.equal((await i.send('PUT', `/api/comments/${id}/reactions/${kind}?reader=${who}`)).status, 200);
    }
    assert.equal((await i.send('PATCH', `/api/admin/comments/${wp(22)}`, { pinned: true }, ADMIN)).status, 200);
    assert.equal((await i.send('PATCH', `/api/admin/comments/dq-9001`, { status: 'hidden' }, ADMIN)).status, 200);
    assert.equal((await i.send('DELETE', `/api/comments/${reader.comment.id}`, undefined, { 'x-chime-edit-token': reader.editToken! })).status, 204);
    assert.equal((await i.send('DELETE', `/api/admin/comments/${gone.comment.id}`, undefined, ADMIN)).status, 204);
    assert.equal(
      (await i.send('PUT', `/api/admin/thread?thread=${encodeURIComponent('/2013/01/hello-world/')}`, { closed: true }, ADMIN)).status,
      200,
    );

    const original = await backup(i.storage);
    assert.match(original, /"type":"setting","name":"site-key"/);
    assert.match(original, /"deleted":true/);

    const restored = await emptyDatabase(db);
    try {
      const summary = await run(restored.storage, 'chime', original);
      assert.deepEqual([summary.errorCount, summary.warningCount, summary.imported], [0, 0, original.split('"type":"comment"').length - 1]);
      assert.equal(body(await backup(restored.storage)), body(original));
      for (const thread of [TOPIC, '/2013/01/hello-world/', '/about/']) {
        assert.deepEqual(await page(restored.app, thread), await page(i.app, thread), thread);
      }
      // The restored site goes on numbering after the deleted comment, and hashes emails the same way.
      const next = (await (
        await restored.app.request('/api/comments', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(newComment({ threadId: TOPIC, author: { name: 'R', email: 'rodrigo@example.org' } })),
        })
      ).json()) as PostResult;
      assert.equal(next.comment.number, gone.comment.number + 1);
      assert.equal(next.comment.author.avatarHash, (await page(i.app, TOPIC)).comments.find((c) => c.id === wp(21))!.author.avatarHash);
      // Restoring again is harmless.
      const twice = await run(restored.storage, 'chime', original);
      assert.deepEqual([twice.imported, twice.duplicates], [0, summary.imported]);
    } finally {
      await restored.storage.close();
    }
  });

  it('restores one thread into a site that has comments of its own, numbered after them', async () => {
    const i = await db.open();
    await run(i.storage, 'wxr', fixture('wordpress.xml'), { ids: REWRITE });
    const one = await backup(i.storage, TOPIC);
    assert.deepEqual(
      one
        .split('\n')
        .slice(0, 2)
        .map((l) => JSON.parse(l).type ?? JSON.parse(l).format),
      ['chime-backup', 'thread'],
      'no site key in a one-thread export',
    );
    const other = await emptyDatabase(db);
    try {
      const local = newComment({ threadId: TOPIC });
      assert.equal(
        (await other.app.request('/api/comments', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(local) }))
          .status,
        201,
      );
      const summary = await run(other.storage, 'chime', one);
      assert.equal(summary.imported, 7);
      assert.match(summary.warnings[0]!.message, /already had comments: the imported ones are numbered after them/);
      assert.deepEqual(
        (await page(other.app, TOPIC)).comments.map((c) => [c.number, c.id]),
        [
          [1, local.id],
          [2, wp(21)],
          [3, wp(22)],
          [4, wp(24)],
          [6, wp(31)],
        ],
      );
    } finally {
      await other.storage.close();
    }
  });

  it('refuses a backup of another version or with invalid records, by line', async () => {
    const i = await db.open();
    const newer = await run(i.storage, 'chime', '{"format":"chime-backup","version":2}\n');
    assert.match(newer.fatal!.message, /version 2; this server reads version 1/);
    const bad = await run(
      i.storage,
      'chime',
      '{"format":"chime-backup","version":1}\n{"type":"thread","id":"/x/","closed":false,"lastNumber":0}\n{"type":"comment","id":"bad id!"}\n',
    );
    assert.deepEqual([bad.written, bad.errors[0]!.line], [false, 3]);
    assert.match(bad.errors[0]!.message, /^id: /);
  });
});
