import { threadKey } from './first-paint.js';
import type { KeyValueStore } from './storage.js';
import type { CommentPage, SortOrder } from './types.js';

/** Recency and size of each saved thread, kept under one key so eviction is one transaction. */
type Usage = Record<string, { at: number; size: number }>;

/**
 * Every thread the reader has seen, as last shown (read back by readSaved() in saved.ts), so it
 * opens instantly and offline. Each write counts as a use: least recently shown threads go once
 * the total passes `budget` (characters of JSON, roughly bytes).
 */
export class ThreadCache {
  constructor(
    private readonly store: KeyValueStore,
    public budget = 2_000_000,
  ) {}

  async write(threadId: string, sort: SortOrder, page: CommentPage): Promise<void> {
    const key = threadKey(threadId, sort);
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
