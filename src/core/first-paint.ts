import type { CommentAdapter } from './adapter.js';
import { isReturning, readerId } from './identity.js';
import type { CommentPage, SortOrder } from './types.js';

/** Where a thread's saved copy is kept, per sort order (in idb-keyval's 'keyval' store of database 'chime'). */
export const threadKey = (threadId: string, sort: SortOrder) => `thread:${sort}:${threadId}`;

/**
 * Top-level comments a first paint shows. The saved copy's first ones, with their replies (its
 * head), are also kept in localStorage under `chime:<threadKey>`, read at once as the element
 * connects: a second visit paints them before IndexedDB has even opened.
 */
export const FIRST_PAINT_ROOTS = 12;

/**
 * One read of the saved copy, with IndexedDB itself: idb-keyval (what the offline layer writes
 * with) is one module, and all of it would come into chime.js with its read; the database and
 * store are the ones idb-keyval's createStore('chime', 'keyval') opens. Undefined when there is no
 * saved copy, or IndexedDB fails or throws (private browsing).
 */
function readSaved(key: string, resolve: (page?: CommentPage) => void): void {
  const open = indexedDB.open('chime');
  open.onupgradeneeded = () => open.result.createObjectStore('keyval');
  open.onsuccess = () => {
    try {
      const read = open.result.transaction('keyval').objectStore('keyval').get(key);
      read.onsuccess = read.onerror = () => resolve(read.result);
      // Closes once the read is done; the offline layer keeps its own connection.
      open.result.close();
    } catch {
      // A database of that name without our store: nothing saved.
      resolve();
    }
  };
  open.onerror = open.onblocked = () => resolve();
}

/** Which thread an element shows, and from where. */
export interface ThreadSource {
  adapter: CommentAdapter;
  threadId: string;
  sort: SortOrder;
  pageSize: number;
  /** Saved threads and drafts in IndexedDB (offline-cache="on"), or nothing kept on the device. */
  persist: boolean;
}

/** The reads a thread's first paint waits for. */
export interface FirstPaint {
  /** The saved copy's first comments (see FIRST_PAINT_ROOTS), already read. */
  head?: CommentPage;
  /** The thread as this device last showed it; undefined when there is none or IndexedDB cannot be read. */
  saved: Promise<CommentPage | void>;
  /** The storage's first page. */
  first: Promise<CommentPage>;
}

/** Threads this page has started showing. */
let shown = 0;

/**
 * Starts both reads as the element connects, in chime.js itself, while the session's code (a
 * chunk of its own) is on its way: on a second visit the saved copy paints while the storage's
 * answer is still coming.
 */
export function startReads({ adapter, threadId, sort, pageSize, persist }: ThreadSource, signal: AbortSignal): FirstPaint {
  // Whatever throws here (IndexedDB or localStorage refused, an adapter that throws instead of
  // rejecting) only settles a promise: it never breaks the element's update. A reader's first
  // visit has nothing saved: opening (creating) the database would only delay the first page.
  // Later threads on the same page may find what this page saved.
  let head: CommentPage | undefined;
  try {
    head = (persist && JSON.parse(localStorage.getItem(`chime:${threadKey(threadId, sort)}`)!)) || undefined;
  } catch {
    // None, or localStorage refused: IndexedDB's copy paints instead.
  }
  const saved = new Promise<CommentPage | void>((resolve) =>
    persist && (isReturning() || shown++) ? readSaved(threadKey(threadId, sort), resolve) : resolve(),
  ).catch(() => undefined);
  const first = new Promise<CommentPage>((resolve) => resolve(adapter.list(threadId, { sort, limit: pageSize, readerId: readerId(), signal })));
  // The session handles a failure; one before its code is here is not an unhandled rejection.
  first.catch(() => undefined);
  return { head, saved, first };
}
