import type { CommentAdapter } from './adapter.js';
import { readerId } from './identity.js';
import type { CommentPage, SortOrder } from './types.js';

/** Where a thread's saved copy is kept, per sort order (in the offline layer's store: cache.ts). */
export const threadKey = (threadId: string, sort: SortOrder) => `thread:${sort}:${threadId}`;

/**
 * Top-level comments a first paint shows. The saved copy's first ones, with their replies (its
 * head), are also kept in localStorage under `chime:<threadKey>`, read at once as the element
 * connects: a second visit paints them before IndexedDB has even opened.
 */
export const FIRST_PAINT_ROOTS = 12;

/** Which thread an element shows, and from where. */
export interface ThreadSource {
  adapter: CommentAdapter;
  threadId: string;
  sort: SortOrder;
  pageSize: number;
  /** Saved threads and drafts in IndexedDB (offline-cache="on"), or nothing kept on the device. */
  persist: boolean;
}

/** The reads a thread's first paint starts. */
export interface FirstPaint {
  /** The saved copy's first comments (see FIRST_PAINT_ROOTS), already read. */
  head?: CommentPage;
  /** The storage's first page. */
  first: Promise<CommentPage>;
}

/**
 * Starts the reads as the element connects, in chime.js itself, while the session's code (a chunk
 * of its own) is on its way: on a second visit the saved copy's head paints at once, while the
 * storage's answer is still coming. The session reads the whole saved copy (IndexedDB, with the
 * offline layer's idb-keyval) as soon as its code is here.
 */
export function startReads({ adapter, threadId, sort, pageSize, persist }: ThreadSource, signal: AbortSignal): FirstPaint {
  // Whatever throws here (localStorage refused, an adapter that throws instead of rejecting) only
  // settles a promise or leaves the head out: it never breaks the element's update.
  let head: CommentPage | undefined;
  try {
    head = (persist && JSON.parse(localStorage.getItem(`chime:${threadKey(threadId, sort)}`)!)) || undefined;
  } catch {
    // None, or localStorage refused: IndexedDB's copy paints instead.
  }
  const first = new Promise<CommentPage>((resolve) => resolve(adapter.list(threadId, { sort, limit: pageSize, readerId: readerId(), signal })));
  // The session handles a failure; one before its code is here is not an unhandled rejection.
  first.catch(() => undefined);
  return { head, first };
}
