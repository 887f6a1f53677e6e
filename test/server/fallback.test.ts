import assert from 'node:assert/strict';
import { it } from 'node:test';
import { isTag, type Element } from 'domhandler';
import { DomUtils, parseDocument } from 'htmlparser2';
import { LIMITS, type PostResult } from 'chime-comments/protocol';
import { FALLBACK_CAP } from '../../server/fallback/fallback.ts';
import { FALLBACK_STYLES } from '../../server/fallback/styles.ts';
import type { Status } from '../../server/storage/types.ts';
import type { ImportRow } from '../../server/storage/transfer.ts';
import { XSS_PAYLOADS } from '../fixtures/xss-payloads.ts';
import { ADMIN, eachBackend, newComment, THREAD, type Instance } from './helpers/backends.ts';

const SITE = 'https://blog.example/';
/** Where a thread's HTML is: its id percent-encoded in the path, the rest in the query. */
const url = (query: Record<string, string> = {}, thread = THREAD) => `/api/threads/${encodeURIComponent(thread)}.html?${new URLSearchParams(query)}`;

/** GETs a thread's HTML and parses it (htmlparser2, as the importers do). */
async function fallback(i: Instance, query: Record<string, string> = {}, headers: Record<string, string> = {}) {
  const res = await i.send('GET', url(query), undefined, headers);
  const html = await res.text();
  assert.equal(res.status, 200, html);
  const root = parseDocument(html).children.filter(isTag);
  assert.equal(root.length, 1, 'one element: the section');
  return { res, html, section: root[0]! };
}

const kids = (el: Element, name?: string) => el.children.filter(isTag).filter((e) => !name || e.name === name);
const classes = (el: Element) => (el.attribs.class ?? '').split(' ').filter(Boolean);
const find = (el: Element, test: (e: Element) => boolean) => DomUtils.findAll(test, el.children);
const byClass = (el: Element, name: string) => find(el, (e) => classes(e).includes(name));
const text = (el: Element) => DomUtils.textContent(el);
/** The ids of a list's items, in order. */
const ids = (list: Element) => kids(list, 'li').map((li) => li.attribs.id!.slice('comment-'.length));
/** An item's own list of replies. */
const replies = (li: Element) => kids(li, 'ol')[0];
const item = (section: Element, id: string) => find(section, (e) => e.attribs.id === `comment-${id}`)[0]!;

let seq = 0;
/** A comment to import with storage.importThread, numbered as given. */
function row(number: number, over: Partial<ImportRow> = {}): ImportRow {
  const at = Date.UTC(2026, 2, 3, 10, 15) + number * 60_000;
  return {
    id: `f${process.pid}x${++seq}`,
    parentId: null,
    number,
    name: `Reader ${number}`,
    website: null,
    email: null,
    avatarHash: null,
    role: null,
    body: `Comment number ${number}.`,
    contentHash: `h${seq}`,
    editTokenHash: null,
    status: 'published',
    deleted: false,
    pinned: false,
    createdAt: at,
    editedAt: null,
    changedAt: at,
    reactions: [],
    ...over,
  };
}
const load = (i: Instance, comments: ImportRow[], closed = false) => i.storage.importThread({ id: THREAD, closed, lastNumber: 0, comments });

eachBackend('thread as HTML (the fallback)', (db) => {
  const post = async (i: Instance, input: Record<string, unknown>, headers = {}) =>
    ((await (await i.send('POST', '/api/comments', newComment(input), headers)).json()) as PostResult).comment;

  it("renders the widget's thread: heading, numbered items, bylines, dates, quotes, badges, replies nested to max-depth, closed", async () => {
    const i = await db.open();
    const a = await post(i, { author: { name: 'Ann', website: 'https://ann.example/?a=1&b=2' }, body: '> What about caches?\n\nHello *there*.' });
    const b = await post(i, { parentId: a.id, author: { name: 'Bob' }, body: 'A reply.' });
    const c = await post(i, { parentId: b.id, author: { name: 'Cy' }, body: 'Deeper.' });
    const d = await post(i, { parentId: c.id, author: { name: 'Di' }, body: 'Deepest: shown at the last level.' });
    const e = await post(i, { body: 'From the author.' }, ADMIN);
    await i.send('PUT', `/api/admin/thread?thread=${encodeURIComponent(THREAD)}`, { closed: true }, ADMIN);

    const { res, html, section } = await fallback(i);
    assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.match(res.headers.get('content-security-policy')!, /default-src 'none'/);
    assert.equal(res.headers.get('x-robots-tag'), 'noindex');
    assert.doesNotMatch(html, /<script|\son\w+=/i);

    assert.equal(section.name, 'section');
    assert.deepEqual(classes(section), ['chime-fallback']);
    assert.equal(section.attribs.lang, undefined, 'no language said unless asked for');
    const [style, h2, top, closed, ...rest] = kids(section);
    assert.deepEqual([style!.name, text(style!)], ['style', FALLBACK_STYLES]);
    assert.deepEqual([h2!.name, text(h2!)], ['h2', 'Comments (5)']);
    assert.deepEqual([top!.name, classes(top!)], ['ol', ['top']]);
    assert.deepEqual([closed!.name, classes(closed!), text(closed!)], ['p', ['closed'], 'Comments are closed.']);
    assert.equal(rest.length, 0);

    // Numbered as stored; replies nested as in the widget, the fourth level shown at the third.
    assert.deepEqual(ids(top!), [a.id, e.id]);
    const [itemA, itemE] = kids(top!, 'li') as [Element, Element];
    assert.deepEqual(ids(replies(itemA)!), [b.id]);
    assert.deepEqual(ids(replies(item(section, b.id))!), [c.id, d.id]);
    assert.equal(replies(item(section, c.id)), undefined);
    const numbers = byClass(section, 'number').map((n) => [n.attribs.href, text(n)]);
    assert.deepEqual(numbers, [
      [`#comment-${a.id}`, '1.'],
      [`#comment-${b.id}`, '2.'],
      [`#comment-${c.id}`, '3.'],
      [`#comment-${d.id}`, '4.'],
      [`#comment-${e.id}`, '5.'],
    ]);
    const reference = byClass(item(section, d.id), 'reference')[0]!;
    assert.equal(text(reference), 'in reply to Cy');
    assert.equal(kids(reference, 'a')[0]!.attribs.href, `#comment-${c.id}`);
    assert.equal(byClass(item(section, c.id), 'reference').length, 0, 'nesting says whom it answers');

    // "Ann says:", her website with rel="nofollow ugc", the date as <time datetime>, the quote.
    const [number, card] = kids(itemA) as [Element, Element];
    assert.deepEqual([number.name, card.name, classes(card)], ['a', 'article', ['card']]);
    const author = byClass(card, 'author')[0]!;
    assert.deepEqual(
      [author.name, author.attribs.href, author.attribs.rel, text(author)],
      ['a', 'https://ann.example/?a=1&b=2', 'nofollow ugc noopener', 'Ann'],
    );
    assert.equal(text(byClass(card, 'says')[0]!), 'says:');
    const time = kids(card, 'time')[0]!;
    assert.equal(time.attribs.datetime, a.createdAt);
    // The day as short as the widget's "3 days ago", the exact time in its title.
    const day = (dateStyle: 'medium' | 'long') => new Intl.DateTimeFormat('en', { dateStyle, timeZone: 'UTC' }).format(new Date(a.createdAt));
    assert.equal(text(time), day('medium'));
    assert.match(time.attribs.title!, new RegExp(`^${day('long')} at \\d{1,2}:\\d\\d [AP]M UTC$`));
    // Room for the avatar the widget draws, unless it draws none.
    assert.deepEqual(kids(card)[0]!.attribs, { class: 'avatar' });
    assert.equal(byClass((await fallback(i, { avatars: 'off' })).section, 'avatar').length, 0);
    const body = byClass(card, 'body')[0]!;
    assert.equal(DomUtils.getOuterHTML(body.children), '<blockquote><p>What about caches?</p></blockquote><p>Hello <em>there</em>.</p>');
    assert.equal(byClass(item(section, b.id), 'author')[0]!.name, 'span', 'no website: no link');

    // The post's author answers with a badge instead of "says:".
    assert.deepEqual(classes(itemE), ['comment', 'by-author']);
    assert.deepEqual(byClass(itemE, 'badge').map(text), ['Author']);
    assert.equal(byClass(itemE, 'says').length, 0);

    // One level: every comment in reading order, each saying whom it answers.
    const flat = (await fallback(i, { 'max-depth': '1' })).section;
    const list = kids(flat, 'ol')[0]!;
    assert.deepEqual(ids(list), [a.id, b.id, c.id, d.id, e.id]);
    assert.equal(byClass(flat, 'replies').length, 0);
    assert.deepEqual(byClass(flat, 'reference').map(text), ['in reply to Ann', 'in reply to Bob', 'in reply to Cy']);
  });

  it('shows published comments only: nothing pending, hidden, spam, trashed or removed, nor replies under them', async () => {
    const i = await db.open();
    const statuses: Status[] = ['pending', 'hidden', 'spam', 'trash', 'removed'];
    const shown = row(1, {
      body: 'Published.',
      reactions: [
        { kind: 'like', reader: 'r1' },
        { kind: 'like', reader: 'r2' },
        { kind: 'love', reader: 'r1' },
      ],
    });
    const held = statuses.map((status, n) => row(n + 2, { status, body: `Not shown: ${status}.` }));
    const underHidden = row(7, { parentId: held[1]!.id, body: 'Not shown: answers a hidden comment.' });
    const placeholder = row(8, { deleted: true, body: '' });
    const answer = row(9, { parentId: placeholder.id, body: 'Answers a deleted comment.', pinned: false, editedAt: Date.now() });
    const alone = row(10, { deleted: true, body: '' });
    const long = row(11, { body: Array.from({ length: 13 }, (_, n) => `Line ${n}.`).join('\n') });
    await load(i, [shown, ...held, underHidden, placeholder, answer, alone, long]);

    const { html, section } = await fallback(i);
    for (const status of statuses) assert.doesNotMatch(html, new RegExp(`Not shown: ${status}`));
    assert.doesNotMatch(html, /answers a hidden comment/);
    assert.deepEqual(ids(kids(section, 'ol')[0]!), [shown.id, placeholder.id, long.id], 'a deleted comment stays while answered');
    // A long body starts cut, as in the widget, with "Show more" that opens it without script.
    assert.deepEqual(classes(byClass(item(section, long.id), 'body')[0]!), ['body', 'clamped']);
    assert.equal(text(find(item(section, long.id), (e) => e.name === 'summary')[0]!), 'Show more');
    assert.deepEqual(classes(byClass(item(section, shown.id), 'body')[0]!), ['body']);
    assert.equal(text(byClass(item(section, placeholder.id), 'deleted')[0]!), 'This comment was deleted.');
    assert.equal(text(byClass(item(section, answer.id), 'edited')[0]!), 'edited');
    assert.deepEqual(
      byClass(item(section, shown.id), 'reaction').map((r) => [r.attribs.title, text(r)]),
      [
        ['like', '👍 2'],
        ['love', '❤️ 1'],
      ],
    );
    // The count is the thread's, as the widget's heading says it.
    const meta = (await (await i.send('GET', `/api/thread?thread=${encodeURIComponent(THREAD)}`)).json()) as { count: number };
    assert.equal(text(kids(section, 'h2')[0]!), `Comments (${meta.count})`);
  });

  it('escapes every hostile body, name and address: only the elements and attributes the widget renders', async () => {
    const i = await db.open();
    // As stored: neither database keeps NUL, and names have no control characters at all.
    const payloads = Object.values(XSS_PAYLOADS)
      .flat()
      .map((p) => p.replace(/\0/g, ''));
    const rows = payloads.map((body, n) =>
      row(n + 1, {
        body,
        // A name that is markup; imported websites that the widget would not link, or would escape.
        // eslint-disable-next-line no-control-regex
        name: n % 2 ? body.replace(/[\0-\x1f]/g, ' ').slice(0, LIMITS.name) : `Name ${n}`,
        website: n % 3 === 0 ? 'javascript:__xss()//https://ok.test' : n % 3 === 1 ? 'https://ok.test/"onmouseover="__xss()' : null,
      }),
    );
    await load(i, rows);
    const { section } = await fallback(i);
    const allowed: Record<string, string[]> = {
      section: ['class'],
      style: [],
      h2: [],
      ol: ['class'],
      ul: [],
      li: ['class', 'id'],
      a: ['class', 'href', 'rel', 'target'],
      article: ['class'],
      span: ['class', 'title'],
      time: ['datetime', 'title'],
      div: ['class'],
      details: ['class'],
      summary: [],
      p: ['class'],
      blockquote: [],
      pre: [],
      code: [],
      em: [],
      strong: [],
      br: [],
    };
    const elements = find(section, () => true);
    assert.equal(elements.filter((e) => e.name === 'style').length, 1);
    for (const e of [section, ...elements]) {
      assert.ok(allowed[e.name], `<${e.name}> is not one the widget renders`);
      for (const name of Object.keys(e.attribs)) assert.ok(allowed[e.name]!.includes(name), `<${e.name} ${name}>`);
      const href = e.attribs.href;
      if (href !== undefined) assert.match(href, /^(https?:\/\/[\w.-]+[/?#]|mailto:|#comment-[\w-]+$)/, href);
    }
    // What was written is there to read, as text.
    const bodies = byClass(section, 'body').map(text);
    assert.equal(bodies.length, payloads.length);
    assert.ok(bodies.includes('<script>__xss()</script>'));
    assert.ok(bodies.includes('<img src=x onerror=__xss()>'));
    assert.deepEqual(
      byClass(section, 'author').map(text),
      rows.map((r) => r.name),
    );
    assert.equal(byClass(section, 'author').filter((a) => a.name === 'a').length, rows.filter((r) => r.website?.startsWith('https:')).length);
  });

  it('is cached like the thread: ETag from its version, 304 while unchanged, a new one after any change', async () => {
    const i = await db.open();
    const first = await post(i, { body: 'First.' });
    const { res } = await fallback(i);
    const etag = res.headers.get('etag')!;
    const json = await i.send('GET', `/api/thread?thread=${encodeURIComponent(THREAD)}`);
    assert.equal(res.headers.get('cache-control'), json.headers.get('cache-control'));
    assert.notEqual(etag, json.headers.get('etag'), "the HTML's validator is its own");
    assert.match(res.headers.get('vary')!, /Accept-Encoding/);

    const again = await i.send('GET', url(), undefined, { 'if-none-match': etag });
    assert.equal(again.status, 304);
    assert.equal(await again.text(), '');
    // A change readers see (here an edit by the moderator hiding it) is a new version.
    await i.send('PATCH', `/api/admin/comments/${first.id}`, { status: 'hidden' }, ADMIN);
    const changed = await i.send('GET', url(), undefined, { 'if-none-match': etag });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.get('etag'), etag);
    assert.match(await changed.text(), /Comments \(0\)<\/h2><p class="status">No comments yet/);

    // Compressed for clients that take it.
    const gz = await i.send('GET', url(), undefined, { 'accept-encoding': 'gzip' });
    assert.equal(gz.headers.get('content-encoding'), 'gzip');
  });

  it('speaks a bundled language when asked (locale), and refuses what it cannot take', async () => {
    const i = await db.open();
    await post(i, { author: { name: 'Ann' }, body: 'Hallo.' });
    for (const locale of ['de', 'de-AT']) {
      const { section } = await fallback(i, { locale });
      assert.equal(section.attribs.lang, locale);
      assert.equal(text(kids(section, 'h2')[0]!), 'Kommentare (1)');
      assert.equal(text(byClass(section, 'says')[0]!), 'sagt:');
      const time = find(section, (e) => e.name === 'time')[0]!;
      assert.match(text(time), /^\d{1,2}\. \p{L}+\.? \d{4}$/u);
      assert.match(time.attribs.title!, /^\d{1,2}\. \p{L}+ \d{4} um \d\d:\d\d UTC$/u);
    }
    // A language without a translation: English words, its own date format.
    const other = (await fallback(i, { locale: 'sv' })).section;
    assert.equal(text(kids(other, 'h2')[0]!), 'Comments (1)');
    const refused: Record<string, string>[] = [
      { avatars: 'none' },
      { locale: 'not a tag' },
      { 'max-depth': '0' },
      { sort: 'random' },
      { maxdepth: '2' },
      { thread: '' },
    ];
    for (const query of refused) {
      const res = await i.send('GET', url(query));
      assert.equal(res.status, 422, JSON.stringify(query));
    }
  });

  it('finds a thread by any id in the path (percent-encoded), or in the query, over real HTTP', async () => {
    const i = await db.open();
    const base = await i.listen();
    // Ids as blogs have them: paths, whole URLs, spaces, reserved characters, other scripts, a
    // trailing ".html", dots that a path would resolve, a plus that a query would read as a space.
    const odd = [
      '/2026/11/suggest-a-topic/',
      'https://blog.example/posts/a?b=1&c=2#top',
      'ünïcode/日本語 & spaces',
      'a%2Fb%zz+c;d,e=f@g',
      '/posts/page.html',
      '../..',
      '<script>alert(1)</script>"\'',
    ];
    for (const [n, thread] of odd.entries()) await post(i, { threadId: thread, author: { name: `Reader ${n}` }, body: `About ${n}.` });
    const get = async (path: string) => {
      const res = await fetch(`${base}${path}`);
      return { status: res.status, etag: res.headers.get('etag'), html: await res.text() };
    };
    for (const [n, thread] of odd.entries()) {
      const byPath = await get(url({}, thread));
      assert.equal(byPath.status, 200, `${thread}: ${byPath.html}`);
      assert.match(byPath.html, new RegExp(`Comments \\(1\\).*Reader ${n}.*About ${n}\\.`));
      // The same resource in the query form: the same HTML, the same validator.
      assert.deepEqual(await get(`/api/thread.html?${new URLSearchParams({ thread })}`), byPath, thread);
    }
    // Slashes left unencoded are taken as they are (unless a proxy on the way merges them).
    assert.match((await get('/api/threads//2026/11/suggest-a-topic/.html')).html, /Reader 0/);
    // An id nobody wrote under: an empty thread, as the widget shows it.
    assert.match((await get(url({}, '/never/commented'))).html, /Comments \(0\)<\/h2><p class="status">No comments yet/);
    // Refused: an encoding that is not UTF-8, the id twice; no id or not .html is no such route.
    for (const [path, status] of [
      ['/api/threads/.html', 404],
      ['/api/threads/%E0%A4%A.html', 422],
      ['/api/threads/%C3%28.html', 422],
      [`${url({ thread: 'x' })}`, 422],
      ['/api/threads/x', 404],
      ['/api/threads/x.json', 404],
    ] as const) {
      const res = await get(path);
      assert.equal(res.status, status, `${path}: ${res.html}`);
      assert.match(res.html, /"error":\{"code"/);
    }
  });

  it('carries every page of a thread and the replies its pages leave out, up to a cap with a link to the post', async () => {
    const i = await db.open({ CHIME_SITE_URL: SITE });
    // More top-level comments than a page holds, and a comment with more replies than a page carries.
    const roots = Array.from({ length: LIMITS.pageSize + 20 }, (_, n) => row(n + 1));
    const many = Array.from({ length: 30 }, (_, n) => row(roots.length + n + 1, { parentId: roots[2]!.id }));
    await load(i, [...roots, ...many]);
    const { section } = await fallback(i);
    const top = kids(section, 'ol')[0]!;
    assert.deepEqual(
      ids(top),
      roots.map((r) => r.id),
    );
    assert.deepEqual(
      ids(replies(item(section, roots[2]!.id))!),
      many.map((r) => r.id),
    );
    assert.equal(byClass(section, 'more').length, 0);
    const newest = kids(kids((await fallback(i, { sort: 'newest' })).section, 'ol')[0]!, 'li').map((li) => text(byClass(li, 'number')[0]!));
    assert.deepEqual(newest.slice(0, 2), [`${roots.length}.`, `${roots.length - 1}.`]);

    // Past the cap: the comments up to it in reading order, and the way to the rest.
    const extra = Array.from({ length: FALLBACK_CAP.comments - roots.length - many.length + 5 }, (_, n) => row(roots.length + many.length + n + 1));
    await load(i, extra);
    const capped = (await fallback(i)).section;
    assert.equal(find(capped, (e) => e.name === 'li').length, FALLBACK_CAP.comments);
    const more = byClass(capped, 'more')[0]!;
    assert.equal(text(more), 'Load more comments');
    assert.equal(kids(more, 'a')[0]!.attribs.href, new URL(THREAD, SITE).href);
  });
});
