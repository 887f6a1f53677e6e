import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { it, mock } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import type { PostResult } from 'chime-comments/protocol';
import { ADMIN, eachBackend, newComment, THREAD, type Instance } from './helpers/backends.ts';

const ATOM = 'http://www.w3.org/2005/Atom';
const THR = 'http://purl.org/syndication/thread/1.0';
const SITE = 'https://blog.example/blog/';
const PUBLIC = 'https://comments.blog.example/';
const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/** Parses strictly: any well-formedness error fails the test. */
function parse(xml: string): Document {
  return new DOMParser({
    onError: (level, message) => {
      throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(xml, 'application/xml');
}

const children = (parent: Element, name: string, ns = ATOM) =>
  Array.from(parent.getElementsByTagNameNS(ns, name)).filter((e) => e.parentNode === parent);
const text = (parent: Element, name: string) => {
  const [only, ...more] = children(parent, name);
  assert.ok(only, `<${name}> in <${parent.localName}>`);
  assert.equal(more.length, 0, `one <${name}> in <${parent.localName}>`);
  return only.textContent ?? '';
};
const links = (parent: Element) => Object.fromEntries(children(parent, 'link').map((l) => [l.getAttribute('rel'), l.getAttribute('href')]));

async function feed(i: Instance, query = '') {
  const res = await i.send('GET', `/api/feed.atom${query}`);
  assert.equal(res.status, 200, await res.clone().text());
  assert.equal(res.headers.get('content-type'), 'application/atom+xml; charset=utf-8');
  const root = parse(await res.text()).documentElement!;
  assert.equal(root.namespaceURI, ATOM);
  assert.equal(root.localName, 'feed');
  return { res, root, entries: children(root, 'entry') };
}

/** RFC 4287's requirements of every entry, and what Chime promises of it. */
function checkEntry(entry: Element) {
  const id = text(entry, 'id');
  assert.match(id, /^https:\/\/[^/]+\/.+#comment-[\w-]+$/);
  assert.equal(links(entry).alternate, id);
  assert.ok(text(entry, 'title').length > 0);
  assert.match(text(entry, 'updated'), RFC3339);
  assert.match(text(entry, 'published'), RFC3339);
  const [author] = children(entry, 'author');
  assert.ok(text(author!, 'name'));
  assert.equal(children(entry, 'content')[0]!.getAttribute('type'), 'html');
  return id.split('#comment-')[1]!;
}

eachBackend('feeds', (db) => {
  const open = (extra: Record<string, string> = {}) => db.open({ CHIME_SITE_URL: SITE, CHIME_PUBLIC_URL: PUBLIC, CHIME_MODERATION: 'all', ...extra });
  const post = async (i: Instance, input: Record<string, unknown>) =>
    ((await (await i.send('POST', '/api/comments', newComment(input), ADMIN)).json()) as PostResult).comment;

  it("lists a thread's published comments, newest first, with permalinks, authors, threading and escaped HTML", async () => {
    const i = await open();
    const first = await post(i, {
      author: { name: 'Ann "the reader" <ann>', website: 'https://ann.example/?a=1&b=2' },
      body: 'Hello *there* & <script>x</script>',
    });
    const reply = await post(i, { parentId: first.id, author: { name: 'Bob' }, body: 'A reply with a [link](https://example.org/?q=a&b) ]]> too' });
    // Not in a feed: awaiting approval, hidden, deleted, or in another thread.
    await i.send('POST', '/api/comments', newComment({ body: 'Pending.' }));
    const hidden = await post(i, { body: 'Hidden.' });
    await i.send('PATCH', `/api/admin/comments/${hidden.id}`, { status: 'hidden' }, ADMIN);
    const gone = await post(i, { body: 'Deleted.' });
    await i.send('DELETE', `/api/admin/comments/${gone.id}`, undefined, ADMIN);
    await post(i, { threadId: '/elsewhere', body: 'Another post.' });

    const { root, entries, res } = await feed(i, `?thread=${encodeURIComponent(THREAD)}`);
    assert.equal(text(root, 'id'), `${PUBLIC}api/feed.atom?thread=${encodeURIComponent(THREAD)}`);
    assert.equal(text(root, 'title'), `Comments on blog.example: ${THREAD}`);
    assert.deepEqual(links(root), { self: text(root, 'id'), alternate: `https://blog.example${THREAD}` });
    assert.match(text(root, 'updated'), RFC3339);
    assert.deepEqual(entries.map(checkEntry), [reply.id, first.id]);
    assert.equal(text(root, 'updated'), text(entries[0]!, 'updated'));

    const [newest, oldest] = entries as [Element, Element];
    assert.equal(text(oldest, 'id'), `https://blog.example${THREAD}#comment-${first.id}`);
    assert.equal(text(oldest, 'title'), 'Comment by Ann "the reader" <ann>');
    const [author] = children(oldest, 'author');
    assert.equal(text(author!, 'name'), 'Ann "the reader" <ann>');
    assert.equal(text(author!, 'uri'), 'https://ann.example/?a=1&b=2');
    // type="html": the text is HTML, rendered as the widget renders it; what the writer typed stays text.
    assert.equal(text(oldest, 'content'), '<p>Hello <em>there</em> &amp; &lt;script&gt;x&lt;/script&gt;</p>');
    assert.equal(
      text(newest, 'content'),
      '<p>A reply with a <a rel="nofollow ugc noopener" target="_blank" href="https://example.org/?q=a&amp;b">link</a> ]]&gt; too</p>',
    );
    const [inReplyTo] = children(newest, 'in-reply-to', THR);
    assert.equal(inReplyTo!.getAttribute('ref'), text(oldest, 'id'));
    assert.equal(children(oldest, 'in-reply-to', THR).length, 0);

    // Cached by its ETag: a feed reader asking again with it gets 304 until a comment changes.
    const etag = res.headers.get('etag')!;
    assert.match(res.headers.get('cache-control')!, /public, max-age=\d+/);
    assert.equal((await i.send('GET', `/api/feed.atom?thread=${encodeURIComponent(THREAD)}`, undefined, { 'if-none-match': etag })).status, 304);
    await post(i, { body: 'Newer.' });
    assert.equal((await i.send('GET', `/api/feed.atom?thread=${encodeURIComponent(THREAD)}`, undefined, { 'if-none-match': etag })).status, 200);
  });

  it("lists the site's recent comments across threads, and is valid with no comment at all", async () => {
    const i = await open({ CHIME_SITE_NAME: 'Pat’s blog' });
    const empty = await feed(i);
    assert.equal(empty.entries.length, 0);
    assert.equal(text(empty.root, 'title'), 'Comments on Pat’s blog');
    assert.deepEqual(links(empty.root), { self: `${PUBLIC}api/feed.atom`, alternate: SITE });
    assert.equal(text(empty.root, 'updated'), '1970-01-01T00:00:00.000Z');

    // A few milliseconds apart: the order is by time, and comments of different threads published in the same millisecond have none.
    const a = await post(i, { threadId: '/2024/one', body: 'On one.' });
    await sleep(5);
    const b = await post(i, { threadId: '/2024/two', body: 'On two.' });
    await sleep(5);
    const c = await post(i, { threadId: 'https://other.example/page', body: 'A thread id that is a URL.' });
    await sleep(5);
    // Approved late: it goes to the top, as readers saw it last.
    const late = (await (await i.send('POST', '/api/comments', newComment({ threadId: '/2024/one', body: 'Approved late.' }))).json()) as PostResult;
    await i.send('PATCH', `/api/admin/comments/${late.comment.id}`, { status: 'published' }, ADMIN);
    const { entries } = await feed(i);
    assert.deepEqual(entries.map(checkEntry), [late.comment.id, c.id, b.id, a.id]);
    assert.equal(text(entries[1]!, 'title'), 'Ann Reader on https://other.example/page');
    assert.equal(text(entries[1]!, 'id'), `https://other.example/page#comment-${c.id}`);
    assert.equal(text(entries[3]!, 'id'), `https://blog.example/2024/one#comment-${a.id}`);
  });

  it('gives an author no uri but an http(s) one, whatever a stored row holds', async () => {
    const i = await open();
    const at = Date.now();
    const comments = ['javascript:__xss()//https://ok.test', 'data:text/html,x', 'https://ok.test/"onmouseover="x', null].map((website, n) => ({
      ...{ id: `w${n}`, parentId: null, number: n + 1, name: `Writer ${n}`, website, email: null, avatarHash: null, role: null, body: 'Hi.' },
      ...{ contentHash: `h${n}`, editTokenHash: null, status: 'published' as const, deleted: false, pinned: false, reactions: [] },
      ...{ createdAt: at + n, editedAt: null, changedAt: at + n },
    }));
    await i.storage.importThread({ id: THREAD, closed: false, lastNumber: 0, comments });
    const { entries } = await feed(i);
    const uris = entries.map((e) => children(children(e, 'author')[0]!, 'uri').map((u) => u.textContent));
    assert.deepEqual(uris, [[], ['https://ok.test/%22onmouseover=%22x'], [], []]);
  });

  it('renders a feed once per content: a poll costs one query, compressed as asked; a change is there at once', async () => {
    const i = await open();
    await post(i, { body: 'First.'.repeat(300) });
    const renders = mock.method(i.service.ctx.renders, 'run');
    const first = await i.send('GET', '/api/feed.atom', undefined, { 'accept-encoding': 'gzip' });
    assert.equal(first.headers.get('content-encoding'), 'gzip');
    assert.match(first.headers.get('vary')!, /Accept-Encoding/);
    const xml = gunzipSync(Buffer.from(await first.arrayBuffer())).toString();
    assert.equal(parse(xml).documentElement!.localName, 'feed');
    for (const encoding of ['br', 'identity', 'gzip', '']) {
      const res = await i.send('GET', '/api/feed.atom?utm_source=reader', undefined, { 'accept-encoding': encoding });
      assert.equal(res.status, 200);
      if (!res.headers.get('content-encoding')) assert.equal(await res.text(), xml);
    }
    assert.equal(renders.mock.callCount(), 1);
    const newer = await post(i, { threadId: '/2024/two', body: 'Newer.' });
    const { entries } = await feed(i);
    assert.equal(checkEntry(entries[0]!), newer.id);
    assert.equal(renders.mock.callCount(), 2);
  });

  it('is off without CHIME_SITE_URL, and refuses a thread id that is not one', async () => {
    const off = await db.open();
    const res = await off.send('GET', '/api/feed.atom');
    assert.equal(res.status, 404);
    assert.match(((await res.json()) as { error: { message: string } }).error.message, /CHIME_SITE_URL/);
    const i = await open();
    assert.equal((await i.send('GET', '/api/feed.atom?thread=')).status, 422);
    assert.equal((await i.send('GET', `/api/feed.atom?thread=${'x'.repeat(300)}`)).status, 422);
    // Parameters feed readers add are ignored; without CHIME_PUBLIC_URL the feed names itself by the request's origin.
    const { root } = await feed(await db.open({ CHIME_SITE_URL: SITE }), '?utm_source=reader');
    assert.equal(text(root, 'id'), 'http://localhost/api/feed.atom');
  });
});
