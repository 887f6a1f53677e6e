import { createStore, get, type UseStore } from 'idb-keyval';
import type { CommentAdapter } from './adapter.js';
import { readerId } from './identity.js';
import type { CommentPage, SortOrder } from './types.js';

const stores = new Map<string, UseStore>();

/** One idb-keyval store per database and page (the 'keyval' object store), shared by every reader of it. */
export function idbOf(database: string): UseStore {
  let store = stores.get(database);
  if (!store) stores.set(database, (store = createStore(database, 'keyval')));
  return store;
}

/** Where a thread's saved copy is kept, per sort order. */
export const threadKey = (threadId: string, sort: SortOrder) => `thread:${sort}:${threadId}`;

/** Which thread an element shows, and from where. */
export interface ThreadSource {
  adapter: CommentAdapter;
  threadId: string;
  sort: SortOrder;
  pageSize: number;
  /** Saved threads and drafts in IndexedDB (offline-cache="on"), or nothing kept on the device. */
  persist: boolean;
}

/** The two reads a thread's first paint waits for. */
export interface FirstPaint {
  /** The thread as this device last showed it; undefined when there is none or IndexedDB cannot be read. */
  saved: Promise<CommentPage | undefined>;
  /** The storage's first page. */
  first: Promise<CommentPage>;
}

/**
 * Starts both reads as the element connects, in chime.js itself, while the session's code (a
 * chunk of its own) is on its way: on a second visit the saved copy paints while the storage's
 * answer is still coming.
 */
export function startReads({ adapter, threadId, sort, pageSize, persist }: ThreadSource, signal: AbortSignal): FirstPaint {
  // IndexedDB may throw at once (private browsing), an adapter may throw instead of rejecting:
  // either only settles a promise, never breaks the element's update.
  const saved = new Promise<CommentPage | undefined>((resolve) =>
    resolve(persist ? get(threadKey(threadId, sort), idbOf('chime')) : undefined),
  ).catch(() => undefined);
  const first = new Promise<CommentPage>((resolve) => resolve(adapter.list(threadId, { sort, limit: pageSize, readerId: readerId(), signal })));
  // The session handles a failure; one before its code is here is not an unhandled rejection.
  first.catch(() => undefined);
  return { saved, first };
}
