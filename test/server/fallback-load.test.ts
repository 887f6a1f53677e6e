/**
 * A thread's HTML is the heaviest answer a reader can ask for (up to 1,000 comments rendered from
 * the database, about 150 ms of one core for a long thread), and anyone may ask for it, in as
 * many variants as its options allow.
 */
import assert from 'node:assert/strict';
import { it, mock } from 'node:test';
import type { ImportRow } from '../../server/storage/transfer.ts';
import { eachBackend, THREAD, type Instance } from './helpers/backends.ts';

const url = (query: Record<string, string> = {}) => `/api/threads/${encodeURIComponent(THREAD)}.html?${new URLSearchParams(query)}`;

/** `n` published top-level comments, imported at once. */
async function thread(i: Instance, n: number) {
  const at = Date.UTC(2026, 0, 1);
  const comments: ImportRow[] = Array.from({ length: n }, (_, k) => ({
    id: `load-${k}`,
    parentId: null,
    number: k + 1,
    name: `Reader ${k}`,
    website: null,
    email: null,
    avatarHash: null,
    role: null,
    body: `Comment ${k}, *with* some [Markdown](https://example.org/${k}).`,
    contentHash: `h${k}`,
    editTokenHash: null,
    status: 'published',
    deleted: false,
    pinned: false,
    createdAt: at + k,
    editedAt: null,
    changedAt: at + k,
    reactions: [],
  }));
  await i.storage.importThread({ id: THREAD, closed: false, lastNumber: 0, comments });
}

/** Counts the storage's page reads (what a render costs), and how many ran at once at most. */
function watchReads(i: Instance) {
  const original = i.storage.listPage.bind(i.storage);
  const seen = { reads: 0, active: 0, most: 0 };
  mock.method(i.storage, 'listPage', async (...args: Parameters<typeof original>) => {
    seen.reads++;
    seen.most = Math.max(seen.most, ++seen.active);
    try {
      return await original(...args);
    } finally {
      seen.active--;
    }
  });
  return seen;
}

eachBackend("a thread's HTML under load", (db) => {
  it('is rendered once per version and options, then answered from memory (every encoding too)', async () => {
    const i = await db.open();
    await thread(i, 150);
    const seen = watchReads(i);
    const first = await i.send('GET', url(), undefined, { 'accept-encoding': 'gzip' });
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('content-encoding'), 'gzip');
    const once = seen.reads;
    assert.ok(once >= 2, 'a thread of two pages');
    const bodies = new Set<string>();
    for (const encoding of ['gzip', 'br', 'identity', 'gzip, br', '']) {
      const res = await i.send('GET', url(), undefined, { 'accept-encoding': encoding });
      assert.equal(res.status, 200);
      if (!res.headers.get('content-encoding')) bodies.add(await res.text());
    }
    assert.equal(seen.reads, once, 'no other render');
    assert.equal(bodies.size, 1);
    // Other options are another rendering; a change to the thread, a new one.
    assert.equal((await i.send('GET', url({ sort: 'newest' }))).status, 200);
    assert.equal(seen.reads, once * 2);
    await i.storage.importThread({ id: THREAD, closed: true, lastNumber: 0, comments: [] });
    const changed = await (await i.send('GET', url())).text();
    assert.equal(seen.reads, once * 3);
    assert.match(changed, /Comments are closed\./);
  });

  it('renders one at a time, and answers 503 with Retry-After past 64 waiting: a flood of variants holds no more than one core', async () => {
    const i = await db.open();
    await thread(i, 250);
    const seen = watchReads(i);
    // Each a variant nobody asked for before (a private-use language tag), so that none is cached.
    const answers = await Promise.all(Array.from({ length: 100 }, (_, n) => i.send('GET', url({ locale: `en-x-v${n}` }))));
    const statuses = answers.map((r) => r.status);
    assert.equal(seen.most, 1, 'one render reads at a time');
    assert.ok(
      statuses.every((s) => s === 200 || s === 503),
      statuses.join(),
    );
    assert.ok(statuses.filter((s) => s === 200).length >= 65, statuses.join());
    const refused = answers.find((r) => r.status === 503)!;
    assert.ok(refused, 'some were refused');
    assert.ok(Number(refused.headers.get('retry-after')) >= 1);
    assert.match(((await refused.json()) as { error: { message: string } }).error.message, /try again/);
    // The JSON pages are not behind that queue.
    assert.equal((await i.send('GET', `/api/comments?thread=${encodeURIComponent(THREAD)}`)).status, 200);
  });
});
