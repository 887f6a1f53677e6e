import { FIRST_PAINT_ROOTS, threadKey } from './first-paint.js';
import type { KeyValueStore } from './storage.js';
import type { CommentPage, SortOrder } from './types.js';

/** Recency and size of each saved thread, kept under one key so eviction is one transaction. */
type Usage = Record<string, { at: number; size: number }>;

/** The keys of the threads whose head is in localStorage, least recently shown first. */
const HEADS = 'chime:heads';
/** Heads kept in localStorage at most, and the characters of each: the blog's own storage comes first. */
const MAX_HEADS = 30;
const MAX_HEAD = 20_000;

/**
 * Every thread the reader has seen, as last shown (read back by read()), so it
 * opens instantly and offline. Each write counts as a use: least recently shown threads go once
 * the total passes `budget` (characters of JSON, roughly bytes).
 */
export class ThreadCache {
  constructor(
    private readonly store: KeyValueStore,
    public budget = 2_000_000,
  ) {}

  /** The thread as this device last showed it; undefined when there is none. */
  read(threadId: string, sort: SortOrder): Promise<CommentPage | undefined> {
    return this.store.get<CommentPage>(threadKey(threadId, sort));
  }

  async write(threadId: string, sort: SortOrder, page: CommentPage): Promise<void> {
    const key = threadKey(threadId, sort);
    const evicted: string[] = [];
    // At once, not after IndexedDB: a page about to close still leaves its head.
    writeHead(key, page);
    await this.store.update(key, () => page);
    await this.store.update<Usage>('usage', (old = {}) => {
      const usage = { ...old, [key]: { at: Date.now(), size: JSON.stringify(page).length } };
      let total = Object.values(usage).reduce((sum, { size }) => sum + size, 0);
      // Oldest first; the thread just written stays even if it alone is over budget.
      for (const k of Object.keys(usage).sort((a, b) => usage[a].at - usage[b].at)) {
        if (total <= this.budget || k === key) break;
        total -= usage[k].size;
        evicted.push(k);
        delete usage[k];
      }
      return usage;
    });
    await Promise.all(evicted.map((k) => this.store.del(k)));
    try {
      for (const k of evicted) localStorage.removeItem(`chime:${k}`);
    } catch {
      // localStorage refused (a sandboxed frame): there are no heads to remove.
    }
  }
}

/**
 * Keeps the first comments of a saved thread (FIRST_PAINT_ROOTS top-level ones and their
 * replies) in localStorage too, for the most recently shown threads: the next visit reads them at
 * once (first-paint.ts).
 */
function writeHead(key: string, page: CommentPage): void {
  const byId = new Map(page.comments.map((c) => [c.id, c]));
  const roots = new Set(page.comments.filter((c) => c.parentId === null).slice(0, FIRST_PAINT_ROOTS));
  const first = (c: CommentPage['comments'][number]): boolean =>
    roots.has(c) || (c.parentId !== null && byId.has(c.parentId) && first(byId.get(c.parentId)!));
  const head = (comments: CommentPage['comments']) => JSON.stringify({ ...page, comments, nextCursor: null });
  try {
    // Long replies make do with the top-level comments; long ones, with no head.
    let json = head(page.comments.filter(first));
    if (json.length > MAX_HEAD) json = head([...roots]);
    if (json.length > MAX_HEAD) return localStorage.removeItem(`chime:${key}`);
    localStorage.setItem(`chime:${key}`, json);
    const heads = [...(JSON.parse(localStorage.getItem(HEADS) ?? '[]') as string[]).filter((k) => k !== key), key];
    for (const gone of heads.splice(0, heads.length - MAX_HEADS)) localStorage.removeItem(`chime:${gone}`);
    localStorage.setItem(HEADS, JSON.stringify(heads));
  } catch {
    // Full or unavailable: the next visit paints from IndexedDB.
  }
}
