import type { AdapterError } from './errors.js';
import type { Comment, CommentPage, ThreadEvent, ThreadMeta } from './types.js';

// The state's shape lives in chime.js; reduce() (thread-reducer.ts) comes with the session's chunk.

/**
 * Where the thread on screen comes from: nothing yet (`loading`), the copy saved on this device
 * (`showing-saved`), the storage (`live`), the saved or last shown copy while the storage cannot
 * be reached (`offline`), or nowhere (`error`).
 */
export type ThreadStatus = 'loading' | 'showing-saved' | 'live' | 'offline' | 'error';

/** The state of one thread on one page. Never mutated: every change makes a new one. */
export interface ThreadState {
  status: ThreadStatus;
  thread: ThreadMeta | null;
  /** Stored comments on screen: top-level ones in the order shown; replies are shown by number. */
  comments: Comment[];
  nextCursor: string | null;
  /** Top-level comments whose replies are not all here (CommentPage.moreReplies). */
  moreReplies: NonNullable<CommentPage['moreReplies']>;
  /** Ids on screen that the storage has not confirmed since the thread was fetched again. */
  stale: ReadonlySet<string>;
  /** This reader's comments the storage has not accepted (yet); Comment.delivery says which. */
  outgoing: Comment[];
  /** Comments others posted while the reader was here, held back until the reader asks for them. */
  fresh: Comment[];
  /** More comments or replies are on their way. */
  busy: boolean;
  /** Why the thread could not be loaded. */
  error: AdapterError | null;
  /** Why the storage refused the reader's last edit, deletion or reaction (which was undone). */
  refused: AdapterError | null;
  /** The storage has listed the thread: a saved copy read after that no longer replaces it. */
  answered: boolean;
}

export type ThreadAction =
  /** The copy saved on the device was read (its head first: see FIRST_PAINT_ROOTS). */
  | { type: 'saved'; page: CommentPage }
  | { type: 'fetching' }
  /**
   * A page from the storage: the first one of a fetch (`first`; what was shown is confirmed again
   * page by page), a further one, or one of a top-level comment's replies (`root`).
   */
  | { type: 'page'; page: CommentPage; first?: boolean; root?: string }
  | { type: 'failed'; error: AdapterError }
  /** A storage call succeeded: an outage is over. */
  | { type: 'reached' }
  | { type: 'outgoing'; comments: Comment[] }
  /** The storage accepted one of this reader's comments (here or in another tab). */
  | { type: 'accepted'; comment: Comment }
  /** An edit, deletion or reaction of this reader, shown before the storage answers (or undone, with why). */
  | { type: 'patch'; id: string; change: Partial<Comment>; count?: number; refused?: AdapterError | null }
  | { type: 'live'; event: ThreadEvent }
  | { type: 'reveal'; newest: boolean };

export const initialState: ThreadState = {
  status: 'loading',
  thread: null,
  comments: [],
  nextCursor: null,
  moreReplies: {},
  stale: new Set(),
  outgoing: [],
  fresh: [],
  busy: false,
  error: null,
  refused: null,
  answered: false,
};

/**
 * What a saved copy shows: reduce() takes it into the state, and before the session's code is
 * here, the element shows it alone (the first paint of a second visit).
 */
export const fromSaved = ({ thread, comments, nextCursor, moreReplies = {} }: CommentPage) => ({
  status: 'showing-saved' as ThreadStatus,
  thread,
  comments,
  nextCursor,
  moreReplies,
});
