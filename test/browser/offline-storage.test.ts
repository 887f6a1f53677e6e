import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { ChimeComments } from '../../src/components/chime-comments.js';
import { ThreadCache } from '../../src/core/cache.js';
import { threadKey } from '../../src/core/first-paint.js';
import { idbStore } from '../../src/core/storage.js';
import type { CommentAdapter } from '../../src/core/adapter.js';
import type { Comment, CommentPage } from '../../src/core/types.js';
import { defineChimeElements } from '../../src/define.js';
import { fill, formOf, headingText, loaded, renderedComments, submit } from './helpers.js';

defineChimeElements();

/** A storage that never answers. */
const waits = () => new Promise<never>(() => {});
const never: CommentAdapter = { list: waits, getThread: waits, post: waits, edit: waits, remove: waits, counts: waits };

const pageOf = (threadId: string, text: string): CommentPage => ({
  thread: { id: threadId, closed: false, count: 1 },
  comments: [{ id: threadId, threadId, parentId: null, number: 1, author: { name: 'Ada' }, body: text, createdAt: '2026-03-01T10:00:00Z' }],
  nextCursor: null,
});

describe('offline storage', () => {
  let endpoint: string;

  before(async () => {
    endpoint = await executeServerCommand<string, object>('chime-server-start', { env: { CHIME_RATE_LIMIT: '100' } });
  });
  after(() => executeServerCommand('chime-server-stop', { url: endpoint }));

  it('evicts the least recently used threads beyond the budget, in real IndexedDB', async () => {
    const size = JSON.stringify(pageOf('/a', 'x'.repeat(1000))).length;
    const store = idbStore(`chime-eviction-${crypto.randomUUID()}`);
    const cache = new ThreadCache(store, size * 3);
    for (const id of ['/a', '/b', '/c']) await cache.write(id, 'oldest', pageOf(id, 'x'.repeat(1000)));
    await cache.write('/a', 'oldest', pageOf('/a', 'x'.repeat(1000))); // shown again: now /b is the least recently used
    await cache.write('/d', 'oldest', pageOf('/d', 'x'.repeat(1000)));
    const kept = await Promise.all(['/a', '/b', '/c', '/d'].map((id) => store.get(threadKey(id, 'oldest'))));
    expect(kept.map(Boolean)).to.deep.equal([true, false, true, true]);
    // Their heads in localStorage go with them.
    const heads = ['/a', '/b', '/c', '/d'].map((id) => `chime:${threadKey(id, 'oldest')}`);
    expect(heads.map((key) => localStorage.getItem(key) !== null)).to.deep.equal([true, false, true, true]);
    for (const key of heads) localStorage.removeItem(key);
  });

  it('keeps the head of the most recently shown threads in localStorage, painted before anything answers', async () => {
    const id = `/head/${crypto.randomUUID()}`;
    const comment = (n: number, parentId: string | null = null, body = `Comment ${n}`): Comment => ({
      id: `${id}-${n}`,
      threadId: id,
      parentId,
      number: n,
      author: { name: 'Ada' },
      body,
      createdAt: '2026-03-01T10:00:00Z',
    });
    const roots = Array.from({ length: 15 }, (_, i) => comment(i + 1));
    const page = (comments: Comment[]): CommentPage => ({ thread: { id, closed: false, count: comments.length }, comments, nextCursor: 'more' });
    const headOf = () => JSON.parse(localStorage.getItem(`chime:${threadKey(id, 'oldest')}`) ?? 'null') as CommentPage | null;
    const store = idbStore(`chime-heads-${crypto.randomUUID()}`);
    const cache = new ThreadCache(store);
    try {
      // The first 12 top-level comments and their replies, nothing to page on to.
      await cache.write(id, 'oldest', page([...roots, comment(16, roots[0].id), comment(17, roots[14].id)]));
      expect(headOf()!.comments.map((c) => c.number)).to.deep.equal([...Array.from({ length: 12 }, (_, i) => i + 1), 16]);
      expect(headOf()!.nextCursor).to.equal(null);
      // Long replies: the top-level comments alone; long top-level comments: no head.
      await cache.write(id, 'oldest', page([...roots, comment(16, roots[0].id, 'x'.repeat(30_000))]));
      expect(headOf()!.comments.length).to.equal(12);
      const element = await fixture<ChimeComments>(html`<chime-comments thread=${id} .adapter=${never}></chime-comments>`);
      // The storage never answers, and this thread is not in the page's IndexedDB database: the head paints.
      await waitUntil(() => renderedComments(element).length === 12, 'the head was not painted');
      expect(headingText(element)).to.equal('Comments (16)');
      await cache.write(id, 'oldest', page(roots.map((c) => ({ ...c, body: 'x'.repeat(2_000) }))));
      expect(headOf()).to.equal(null);
    } finally {
      localStorage.removeItem(`chime:${threadKey(id, 'oldest')}`);
    }
  });

  it('keeps working from memory and warns once when IndexedDB throws (as in private browsing)', async () => {
    const warnings: unknown[][] = [];
    const { warn } = console;
    const { open } = IDBFactory.prototype;
    console.warn = (...args: unknown[]) => warnings.push(args);
    IDBFactory.prototype.open = () => {
      throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
    };
    try {
      const store = idbStore(`chime-broken-${crypto.randomUUID()}`);
      await store.update('k', () => 1);
      expect(await store.get('k')).to.equal(1);
      await new ThreadCache(idbStore(`chime-broken-${crypto.randomUUID()}`)).write('/x', 'oldest', pageOf('/x', 'hi'));

      // The widget against the real server: it loads, posts and shows the comment as sent.
      const thread = `/storage/${crypto.randomUUID()}`;
      const element = await fixture<ChimeComments>(html`<chime-comments thread=${thread} endpoint=${endpoint}></chime-comments>`);
      await loaded(element);
      await fill(formOf(element)!, { name: 'Ada', body: 'Still works' });
      submit(formOf(element)!);
      await waitUntil(() => headingText(element) === 'Comments (1)', 'posting failed without IndexedDB');
      expect(renderedComments(element).at(-1)!.dataset.delivery).to.equal(undefined);
      expect(warnings).to.have.length(1);
      expect(String(warnings[0][0])).to.contain('IndexedDB is unavailable');
    } finally {
      console.warn = warn;
      IDBFactory.prototype.open = open;
    }
  });
});
