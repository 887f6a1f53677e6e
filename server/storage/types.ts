import type { Comment, SortOrder, ThreadMeta } from 'chime-comments/protocol';
import type { ExportedRow, ImportOutcome, ImportThread, ThreadRecord } from './transfer.ts';

/**
 * Only 'published' is ever shown. 'hidden' is set by a moderator; 'spam' was judged spam (by the
 * system it was imported from, or a filter); 'trash' was deleted by a moderator but kept, to be
 * restored or purged. All of them stay in the database until a moderator or a purge removes them.
 */
export type Status = 'published' | 'pending' | 'hidden' | 'spam' | 'trash';

/** A comment as the server sees it: like Comment, but any status. */
export type StoredComment = Omit<Comment, 'status'> & { status: Status };

/** One comments row, as both databases return it (flags are 0/1, times are epoch ms). */
export interface CommentRow {
  id: string;
  thread_id: string;
  parent_id: string | null;
  root_id: string;
  number: number;
  author_name: string;
  author_website: string | null;
  author_email: string | null;
  avatar_hash: string | null;
  author_role: string | null;
  body: string;
  content_hash: string;
  edit_token_hash: string | null;
  status: Status;
  deleted: number;
  pinned: number;
  reaction_count: number;
  created_at: number;
  edited_at: number | null;
  /** Last change readers see; what a reconnecting event stream is sent from. */
  changed_at: number;
}

export interface NewRow {
  id: string;
  threadId: string;
  parentId: string | null;
  name: string;
  website: string | null;
  email: string | null;
  avatarHash: string | null;
  role: 'author' | 'moderator' | null;
  body: string;
  contentHash: string;
  editTokenHash: string | null;
  status: Status;
  createdAt: number;
}

/** Where the previous page ended; see listPage for the ordering. */
export interface Cursor {
  sort: SortOrder;
  pinned: number;
  reactions: number;
  number: number;
}

export interface ListQuery {
  threadId: string;
  sort: SortOrder;
  after: Cursor | null;
  limit: number;
}

/** What instances tell each other; receivers read the current state from the database. */
export interface Signal {
  threadId: string;
  type: 'created' | 'edited' | 'deleted' | 'thread';
  id?: string;
}

export interface Storage {
  /** Applies pending migrations; returns the names it applied. */
  migrate(): Promise<string[]>;
  /** Published top-level comments in order (pinned first) with all their published replies. */
  listPage(query: ListQuery): Promise<{ comments: StoredComment[]; next: Cursor | null }>;
  thread(threadId: string): Promise<ThreadMeta>;
  /** Changes whenever anything a page of the thread shows changes (0 for unknown threads). */
  version(threadId: string): Promise<number>;
  /** The reactions reader gave, by comment id. */
  myReactions(commentIds: string[], reader: string): Promise<Map<string, string[]>>;
  counts(threadIds: string[]): Promise<Record<string, number>>;
  find(id: string): Promise<CommentRow | null>;
  /** The public view of one comment (any status), with its reaction counts. */
  comment(id: string): Promise<StoredComment | null>;
  /** The thread's comments (any status) changed after `since` (epoch ms), oldest change first, at most `limit`. */
  changedSince(threadId: string, since: number, limit: number): Promise<StoredComment[]>;
  /** Inserts, or returns the row already stored under row.id (created: false). */
  insert(row: NewRow): Promise<{ row: CommentRow; created: boolean }>;
  editBody(id: string, body: string, editedAt: number): Promise<StoredComment>;
  /**
   * Deletes a comment: it stays as a placeholder while it has replies, otherwise it goes, and so
   * do placeholders above it left without replies. Returns the ids that went.
   */
  remove(id: string): Promise<{ placeholder: boolean; removed: string[] }>;
  /** Toggles one reader's reaction; returns the comment's counts by kind. */
  react(commentId: string, kind: string, reader: string, on: boolean): Promise<Record<string, number>>;
  setClosed(threadId: string, closed: boolean): Promise<ThreadMeta>;
  moderate(id: string, change: { status?: Status; pinned?: boolean }): Promise<StoredComment>;
  /** Comments waiting for approval, oldest first. */
  pending(limit: number): Promise<StoredComment[]>;
  /** Counts one hit for key in the window starting at windowStart; returns the hits so far. */
  hit(key: string, windowStart: number): Promise<number>;
  /** A server-wide value by name, storing `initial` if there is none yet (the first instance to ask wins). */
  setting(name: string, initial: string): Promise<string>;
  /** Writes one thread's imported comments in one transaction; ids already stored are left as they are. */
  importThread(thread: ImportThread): Promise<ImportOutcome>;
  /** For backups: threads in id order after `after` (or only the thread `only`). */
  exportThreads(after: string | null, limit: number, only: string | null): Promise<ThreadRecord[]>;
  /** For backups: a thread's comments of any status, in number order after `afterNumber`, with their reactions. */
  exportComments(threadId: string, afterNumber: number, limit: number): Promise<ExportedRow[]>;
  /** For backups: every server-wide value (the site key among them). */
  exportSettings(): Promise<Array<{ name: string; value: string }>>;
  publish(signal: Signal): Promise<void>;
  /** Calls listener for every signal from any instance; resolves (to unsubscribe) once listening. */
  subscribe(listener: (signal: Signal) => void): Promise<() => void>;
  close(): Promise<void>;
}

export interface QueryResult<R> {
  rows: R[];
  rowCount: number;
}

/** The little each database module must provide; all SQL uses `?` placeholders. */
export interface Queryable {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<R>>;
  /** Runs a script of several statements (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Driver extends Queryable {
  /** Runs fn in one transaction: commit when it resolves, roll back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Keeps concurrently starting instances from migrating at the same time (inside a transaction). */
  lockForMigration(tx: Queryable): Promise<void>;
  /** True when err is a unique-key violation. */
  isUniqueViolation(err: unknown): boolean;
  publish(signal: Signal): Promise<void>;
  subscribe(listener: (signal: Signal) => void): Promise<() => void>;
  close(): Promise<void>;
}
