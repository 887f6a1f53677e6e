import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import type { CommentPage, PostResult, ThreadMeta } from 'chime-comments/protocol';
import { eachBackend, newComment, THREAD, type Instance } from './helpers/backends.ts';
import { fixture } from './helpers/migrate.ts';
import { asOwner, signIn, type Console } from './helpers/owner.ts';

interface OwnerComment {
  id: string;
  threadId: string;
  number: number;
  status: string;
  body: string;
  pinned: boolean;
  reason: string | null;
  author: { name: string; email: string | null; role: string | null };
  blocked: { ip: boolean; email: boolean };
  threadClosed: boolean;
}
interface OwnerList {
  comments: OwnerComment[];
  nextCursor: string | null;
}

async function post(i: Instance, overrides: Record<string, unknown> = {}) {
  return ((await (await i.send('POST', '/api/comments', newComment(overrides))).json()) as PostResult).comment;
}

const list = (i: Instance, owner: Console, query: string) => asOwner<OwnerList>(i, owner, 'GET', `/api/admin/comments?${query}`);
const ids = (l: OwnerList) => l.comments.map((c) => c.id);

eachBackend('owner console API', (db) => {
  it('lists comments of every thread, by status, newest or oldest first, searched by author, text or thread, page by page', async () => {
    const i = await db.open({ CHIME_MODERATION: 'first-time' });
    const owner = await signIn(i);
    const a = await post(i, { author: { name: 'Ann Reader', email: 'ann@example.org' }, body: 'About sourdough' });
    await asOwner(i, owner, 'PATCH', `/api/admin/comments/${a.id}`, { status: 'published' });
    const b = await post(i, { author: { name: 'Ann Reader', email: 'ann@example.org' }, body: 'More on 100% rye', threadId: '/bread' });
    const c = await post(i, { author: { name: 'Bo', email: 'bo@example.org' }, body: 'First time here' });
    const d = await post(i, { author: { name: 'Cy_' }, body: 'Spam? 50% off', threadId: '/bread', homepage: 'x' });

    assert.deepEqual(ids(await list(i, owner, '')), [d.id, c.id, b.id, a.id], 'newest first, every status');
    assert.deepEqual(ids(await list(i, owner, 'status=pending&order=oldest')), [c.id], 'the queue, oldest first');
    assert.deepEqual(ids(await list(i, owner, 'status=spam')), [d.id]);
    assert.deepEqual(ids(await list(i, owner, 'status=pending,spam')), [d.id, c.id]);
    assert.deepEqual(ids(await list(i, owner, 'author=ann')), [b.id, a.id], 'by name, any case');
    assert.deepEqual(ids(await list(i, owner, 'author=BO@example.org')), [c.id], 'by email');
    assert.deepEqual(ids(await list(i, owner, 'text=SOURDOUGH')), [a.id]);
    assert.deepEqual(ids(await list(i, owner, 'text=100%25')), [b.id], '% is matched literally');
    assert.deepEqual(ids(await list(i, owner, 'author=y_')), [d.id], '_ is matched literally');
    assert.deepEqual(ids(await list(i, owner, 'thread=bread')), [d.id, b.id]);
    assert.deepEqual(ids(await list(i, owner, 'thread=bread&author=ann')), [b.id]);

    const spam = (await list(i, owner, 'status=spam')).comments[0]!;
    assert.deepEqual([spam.reason, spam.author.email, spam.threadClosed], ['honeypot filled in', null, false]);
    const ann = (await list(i, owner, 'text=rye')).comments[0]!;
    assert.equal(ann.author.email, 'ann@example.org', 'the owner sees emails');

    const pages = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const got: OwnerList = await list(i, owner, `limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      pages.push(ids(got));
      cursor = got.nextCursor;
    }
    assert.deepEqual(pages, [[d.id, c.id, b.id], [a.id]]);
    assert.equal((await i.send('GET', '/api/admin/comments?cursor=nope', undefined, owner.headers)).status, 422);
    assert.equal((await i.send('GET', '/api/admin/comments?status=removed', undefined, owner.headers)).status, 422);
    assert.deepEqual((await asOwner<{ counts: Record<string, number> }>(i, owner, 'GET', '/api/admin/counts')).counts, {
      pending: 1,
      spam: 1,
      trash: 0,
      hidden: 0,
    });
  });

  it('acts on a selection at once, reporting each comment', async () => {
    const i = await db.open({ CHIME_MODERATION: 'all' });
    const owner = await signIn(i);
    const [x, y, z] = [await post(i), await post(i), await post(i)];
    const bulk = (action: string, selection: string[]) =>
      asOwner<{ results: { id: string; ok: boolean; error?: { code: string } }[] }>(i, owner, 'POST', '/api/admin/comments/bulk', {
        ids: selection,
        action,
      });
    assert.ok((await bulk('approve', [x.id, y.id, z.id])).results.every((r) => r.ok));
    const page = (await (await i.send('GET', `/api/comments?thread=${encodeURIComponent(THREAD)}`)).json()) as CommentPage;
    assert.deepEqual(
      page.comments.map((c) => c.number),
      [1, 2, 3],
    );
    await bulk('pin', [z.id]);
    await bulk('spam', [x.id]);
    const mixed = await bulk('trash', [y.id, 'missing', y.id]);
    assert.deepEqual(
      mixed.results.map((r) => [r.id, r.ok, r.error?.code]),
      [
        [y.id, true, undefined],
        ['missing', false, 'not-found'],
      ],
    );
    const statuses = (await list(i, owner, 'order=oldest')).comments.map((c) => [c.status, c.pinned]);
    assert.deepEqual(statuses, [
      ['spam', false],
      ['trash', false],
      ['published', true],
    ]);
    // Restoring from spam or trash is approving; "delete" deletes for good (a tombstone).
    await bulk('approve', [x.id]);
    await bulk('delete', [y.id]);
    assert.equal((await i.storage.find(y.id))!.status, 'removed');
    assert.deepEqual(ids(await list(i, owner, '')), [z.id, x.id]);
    assert.equal((await i.send('POST', '/api/admin/comments/bulk', { ids: [], action: 'approve' }, owner.headers)).status, 422);
    assert.equal((await i.send('POST', '/api/admin/comments/bulk', { ids: [x.id], action: 'explode' }, owner.headers)).status, 422);
  });

  it('replies as the blog author (the badge readers see), approving a comment that waits', async () => {
    const i = await db.open({ CHIME_MODERATION: 'all' });
    const owner = await signIn(i);
    const settings = await asOwner<Record<string, unknown>>(i, owner, 'GET', '/api/admin/settings');
    await asOwner(i, owner, 'PUT', '/api/admin/settings', { ...settings, ownerName: 'Doron' });
    const question = await post(i, { body: 'A question?' });
    const { comment } = await asOwner<PostResult>(i, owner, 'POST', `/api/admin/comments/${question.id}/reply`, { body: 'An answer.' }, 201);
    assert.deepEqual([comment.parentId, comment.author.name, comment.author.role, comment.status], [question.id, 'Doron', 'author', 'published']);
    const page = (await (await i.send('GET', `/api/comments?thread=${encodeURIComponent(THREAD)}`)).json()) as CommentPage;
    assert.deepEqual(
      page.comments.map((c) => [c.id, c.author.role ?? null]),
      [
        [question.id, null],
        [comment.id, 'author'],
      ],
    );
    await asOwner(i, owner, 'PATCH', `/api/admin/comments/${question.id}`, { status: 'spam' });
    assert.equal((await i.send('POST', `/api/admin/comments/${question.id}/reply`, { body: 'x' }, owner.headers)).status, 422);
    assert.equal((await i.send('POST', `/api/admin/comments/${comment.id}/reply`, { body: '' }, owner.headers)).status, 422);
    assert.equal((await i.send('POST', '/api/admin/comments/missing/reply', { body: 'x' }, owner.headers)).status, 404);
  });

  it('lists threads, and closes and reopens them', async () => {
    const i = await db.open();
    const owner = await signIn(i);
    await post(i, { threadId: '/2006/03/a/' });
    await post(i, { threadId: '/2006/03/a/' });
    await post(i, { threadId: '/2007/01/b/' });
    const threads = (q: string) =>
      asOwner<{ threads: { id: string; closed: boolean; count: number; startedAt: string }[]; nextCursor: string | null }>(
        i,
        owner,
        'GET',
        `/api/admin/threads?${q}`,
      );
    const all = await threads('');
    assert.deepEqual(
      all.threads.map((t) => [t.id, t.count, t.closed]),
      [
        ['/2006/03/a/', 2, false],
        ['/2007/01/b/', 1, false],
      ],
    );
    assert.ok(Date.parse(all.threads[0]!.startedAt) <= Date.now());
    assert.deepEqual(
      (await threads('q=2007')).threads.map((t) => t.id),
      ['/2007/01/b/'],
    );
    const first = await threads('limit=1');
    assert.deepEqual(
      [first.threads.length, (await threads(`limit=1&cursor=${encodeURIComponent(first.nextCursor!)}`)).threads[0]!.id],
      [1, '/2007/01/b/'],
    );

    const closed = await asOwner<ThreadMeta>(i, owner, 'PUT', `/api/admin/thread?thread=${encodeURIComponent('/2007/01/b/')}`, { closed: true });
    assert.equal(closed.closed, true);
    assert.equal((await i.send('POST', '/api/comments', newComment({ threadId: '/2007/01/b/' }))).status, 403);
    assert.equal((await list(i, owner, 'thread=2007')).comments[0]!.threadClosed, true);
    await asOwner(i, owner, 'PUT', `/api/admin/thread?thread=${encodeURIComponent('/2007/01/b/')}`, { closed: false });
    assert.equal((await i.send('POST', '/api/comments', newComment({ threadId: '/2007/01/b/' }))).status, 201);
  });

  it('imports an uploaded export and gives a backup to download', async () => {
    const i = await db.open();
    const owner = await signIn(i);
    const upload = (query: string, file: string) =>
      i.app.request(`/api/admin/import?${query}`, {
        method: 'POST',
        headers: { ...owner.headers, 'content-type': 'text/xml' },
        body: readFileSync(fixture(file)),
      });
    const dry = await upload('format=wxr&dryRun=1&rewrite=https://old.example/blog/=/', 'wordpress.xml');
    assert.equal(dry.status, 200);
    const preview = (await dry.json()) as { imported: number; written: boolean; format: string };
    assert.deepEqual([preview.imported, preview.written, preview.format], [8, false, 'WordPress (WXR)']);
    const done = (await (await upload('format=wxr&rewrite=https://old.example/blog/=/', 'wordpress.xml')).json()) as {
      imported: number;
      threads: number;
    };
    assert.deepEqual([done.imported, done.threads], [8, 2]);
    const broken = (await (await upload('format=wxr', 'wordpress-malformed.xml')).json()) as { written: boolean; fatal: { line: number } };
    assert.deepEqual([broken.written, broken.fatal.line], [false, 225]);
    assert.equal((await upload('format=word', 'wordpress.xml')).status, 422);

    const backup = await i.send('GET', '/api/admin/export', undefined, { cookie: owner.cookie });
    assert.equal(backup.status, 200);
    assert.match(backup.headers.get('content-disposition') ?? '', /^attachment; filename="chime-backup-\d{4}-\d\d-\d\d\.jsonl"$/);
    const lines = (await backup.text()).trim().split('\n');
    assert.match(lines[0]!, /"format":"chime-backup"/);
    assert.equal(lines.filter((l) => l.startsWith('{"type":"comment"')).length, 8);
    assert.ok(!lines.some((l) => l.includes('owner-password')));

    // Imported authors are known: first-time moderation does not hold their next comment.
    await i.send(
      'PUT',
      '/api/admin/settings',
      { ...(await asOwner<object>(i, owner, 'GET', '/api/admin/settings')), moderation: 'first-time' },
      owner.headers,
    );
    const dana = await i.send('POST', '/api/comments', newComment({ author: { name: 'Dana', email: 'Dana@example.net' } }));
    assert.equal(dana.status, 201);
    assert.equal((await i.send('POST', '/api/comments', newComment({ author: { name: 'New', email: 'new@example.net' } }))).status, 202);
  });
});
