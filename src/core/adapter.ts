import type { Comment, CommentPage, NewComment, PostResult, SortOrder, ThreadEvent, ThreadMeta } from './types.js';

/** Every adapter method takes one; aborting it cancels the work and rejects with an AbortError. */
export interface CallOptions {
  signal?: AbortSignal;
}

export interface ListOptions extends CallOptions {
  sort?: SortOrder;
  /** From the previous page's nextCursor; omit for the first page. */
  cursor?: string | null;
  /** Top-level comments per page; their replies come along (as many as fit: see CommentPage.moreReplies). */
  limit?: number;
  /**
   * Lists the replies (at any depth, oldest first) under this top-level comment instead of the
   * thread's top level, `limit` per page, continuing from `cursor` (from moreReplies or nextCursor).
   */
  root?: string;
  /** Lets the adapter fill Comment.myReactions for this reader. */
  readerId?: string;
}

export interface EditTokenOptions extends CallOptions {
  /** The secret returned by post(); proves this device wrote the comment. */
  editToken: string;
}

export interface ReactOptions extends CallOptions {
  /** Anonymous, device-local reader id: one reaction of a kind per reader per comment. */
  readerId: string;
}

/**
 * The storage contract. Implement it to keep comments anywhere; the widget only ever talks to
 * this interface (through its offline cache), so an adapter never deals with caching or retries.
 *
 * Errors: reject with an AdapterError (see errors.ts) so the widget can tell a reader what
 * happened and the outbox can tell a transient failure from a final one.
 */
export interface CommentAdapter {
  /** One page of a thread, replies included, plus the thread's metadata. */
  list(threadId: string, options?: ListOptions): Promise<CommentPage>;
  /** Metadata only (closed, count). */
  getThread(threadId: string, options?: CallOptions): Promise<ThreadMeta>;
  /** Stores a comment. Re-posting the same input.id returns the stored comment, never a copy. */
  post(input: NewComment, options?: CallOptions): Promise<PostResult>;
  /** Changes the body of a comment this device wrote. */
  edit(threadId: string, id: string, body: string, options: EditTokenOptions): Promise<Comment>;
  /** Deletes a comment this device wrote. */
  remove(threadId: string, id: string, options: EditTokenOptions): Promise<void>;
  /** Published comment counts for many threads in one call; unknown threads count 0. */
  counts(threadIds: string[], options?: CallOptions): Promise<Record<string, number>>;
  /** Adds (on = true) or removes a reaction; resolves to the comment's new reaction counts. */
  react?(threadId: string, commentId: string, reaction: string, on: boolean, options: ReactOptions): Promise<Record<string, number>>;
  /** Pushes live changes to listener until options.signal aborts. */
  subscribe?(threadId: string, listener: (event: ThreadEvent) => void, options: CallOptions): void;
  /**
   * For storages that let the host site sign its readers in (docs/sso.md): the widget sets the
   * page's user token here ('' when anonymous) before it lists, and the adapter acts as that reader
   * (Comment.editableUntil, their reactions on every device). Leave it out to take no sign-in.
   */
  user?: string;
}
