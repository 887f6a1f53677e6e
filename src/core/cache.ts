import type { KeyValueStore } from './storage.js';
import type { CommentPage, SortOrder } from './types.js';

/** Recency and size of each saved thread, kept under one key so eviction is one transaction. */
type Usage = Record<string, { at: number; size: number }>;

/**
 * The first page of every thread the reader has seen, so it opens instantly and offline.
 * Least recently used threads go once the total passes `budget` (characters of JSON, roughly bytes).
 */
export class ThreadCache {
  constructor(
    private readonly store: KeyValueStore,
    public budget = 2_000_000,
  ) {}

  async read(threadId: string, sort: SortOrder): Promise<CommentPage | undefined> {
    const key = keyOf(threadId, sort);
    const page = await this.store.get<CommentPage>(key);
    // Recency is bookkeeping: the thread paints without waiting for that write.
    if (page) void this.store.update<Usage>('usage', (usage = {}) => (usage[key] ? { ...usage, [key]: { ...usage[key], at: Date.now() } } : usage));
    return page;
  }

  async write(threadId: string, sort: SortOrder, page: CommentPage): Promise<void> {
    const key = keyOf(threadId, sort);
    const evicted: string[] = [];
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
  }
}

const keyOf = (threadId: string, sort: SortOrder) => `thread:${sort}:${threadId}`;
