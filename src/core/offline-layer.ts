import type { CommentAdapter } from './adapter.js';
import { ThreadCache } from './cache.js';
import { Drafts } from './drafts.js';
import { Outbox } from './outbox.js';
import { OutboxSync, type OutboxSyncHost } from './outbox-sync.js';
import { idbStore, memoryStore, type KeyValueStore } from './storage.js';

/** Where one element keeps saved threads, drafts and unsent comments. */
export interface OfflineLayer {
  cache: Pick<ThreadCache, 'read' | 'write'>;
  outbox: Outbox;
  drafts: Drafts;
  /** Keeps a thread's outbox moving until `signal` aborts. */
  sync(adapter: CommentAdapter, threadId: string, signal: AbortSignal, host: OutboxSyncHost): OutboxSync;
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
  const outbox = new Outbox(store, persist ? 'chime-outbox' : undefined);
  return {
    cache: persist ? new ThreadCache(store) : { read: async () => undefined, write: async () => undefined },
    outbox,
    drafts: new Drafts(store),
    sync: (adapter, threadId, signal, host) => new OutboxSync(outbox, adapter, threadId, signal, host),
  };
}

/** Sets the size above which least recently seen threads are dropped from the cache (default ~2 MB). */
export function setOfflineCacheBudget(characters: number): void {
  (offlineLayer(true).cache as ThreadCache).budget = characters;
}
