import { ThreadCache } from './cache.js';
import { Drafts } from './drafts.js';
import { Outbox } from './outbox.js';
import { idbStore, memoryStore, type KeyValueStore } from './storage.js';

/** Where one element keeps saved threads, drafts and unsent comments. */
export interface OfflineLayer {
  cache: Pick<ThreadCache, 'read' | 'write'>;
  outbox: Outbox;
  drafts: Drafts;
}

let persistent: OfflineLayer | undefined;
let transient: OfflineLayer | undefined;

/**
 * The page-wide layer: IndexedDB shared with the other tabs, or (offline-cache="off") memory only:
 * no saved threads, and unsent comments are retried only while the page stays open.
 */
export function offlineLayer(persist: boolean): OfflineLayer {
  return persist ? (persistent ??= layer(idbStore('chime'), true)) : (transient ??= layer(memoryStore(), false));
}

function layer(store: KeyValueStore, persist: boolean): OfflineLayer {
  return {
    cache: persist ? new ThreadCache(store) : { read: async () => undefined, write: async () => undefined },
    outbox: new Outbox(store, persist ? 'chime-outbox' : undefined),
    drafts: new Drafts(store),
  };
}

/** Sets the size above which least recently seen threads are dropped from the cache (default ~2 MB). */
export function setOfflineCacheBudget(characters: number): void {
  (offlineLayer(true).cache as ThreadCache).budget = characters;
}
