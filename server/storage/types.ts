import type { Comment, SortOrder, ThreadMeta } from 'chime-comments/protocol';
import type { OwnerStore } from './owner-types.ts';
import type { NotifyStore } from './notify-types.ts';
import type { ExportedRow, ImportOutcome, ImportThread, ThreadRecord } from './transfer.ts';

/**
 * Only 'published' is ever shown. 'hidden' is set by a moderator; 'spam' was judged spam (by the
 * system it was imported from, or a filter); 'trash' was deleted by a moderator but kept, to be
 * restored or purged. All of them stay in the database until a moderator or a purge removes them.
 * 'removed' is a tombstone: deleted without replies, text and author wiped, its id kept taken.
 */
export type Status = 'published' | 'pending' | 'hidden' | 'spam' | 'trash' | 'removed';

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
  /** The host site's id of the signed-in writer (null: anonymous); never published. */
  author_user: string | null;
  /** Their https avatar URL, as the site gave it. */
  author_avatar: string | null;
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
  /** When it was first published (null if it never was). */
  public_at: number | null;
  /** Reaction counts by kind, as JSON. */
  reaction_counts: string;
  /** Keyed hashes of the address it came from, of its email, and of its normalised text (migration 009; null when unknown or wiped). */
  ip_hash: string | null;
  email_hash: string | null;
  text_hash: string | null;
  /** Why a filter held it or judged it spam (shown to the owner only). */
  held_reason: string | null;
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
  /** The signed-in writer's id and avatar (docs/sso.md); null or absent for anonymous comments. */
  user?: string | null;
  avatar?: string | null;
  body: string;
  contentHash: string;
  editTokenHash: string | null;
  status: Status;
  createdAt: number;
  /** Keyed hashes of the poster's address and email and of the text (service/spam.ts); why it is held. */
  ipHash?: string | null;
  emailHash?: string | null;
  textHash?: string | null;
  heldReason?: string | null;
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

/** The replies under top-level comment `root` numbered after `after`. */
export interface ReplyQuery {
  threadId: string;
  root: string;
  after: number;
  limit: number;
}

/** What one page may carry: replies per top-level comment, and about how many bytes of JSON. */
export interface PageBudget {
  replies: number;
  bytes: number;
}

/** A page as storage reads it: comments in order, and where to continue. */
export interface StoredPage {
  comments: StoredComment[];
  next: Cursor | null;
  /** Top-level comments whose replies did not all fit: how many were left out, and the number after which they continue. */
  moreReplies: Map<string, { count: number; after: number }>;
}

/** What instances tell each other; receivers read the current state from the database. */
export interface Signal {
  threadId: string;
  type: 'created' | 'edited' | 'deleted' | 'thread';
  id?: string;
}

export interface Storage {
  /** The owner's side: the console's lists, settings, blocks, sessions, retention (owner-types.ts). */
  readonly owner: OwnerStore;
  /** Notifications' outbox, addresses and subscriptions (notify-types.ts). */
  readonly notify: NotifyStore;
  /** Applies pending migrations; returns the names it applied. */
  migrate(): Promise<string[]>;
  /** Published top-level comments in order (pinned first), each with as many of its published replies as the budget allows. */
  listPage(query: ListQuery, budget: PageBudget): Promise<StoredPage>;
  /** Published replies under a published top-level comment, oldest first, within the budget; next is the number to continue after. */
  listReplies(query: ReplyQuery, budget: PageBudget): Promise<{ comments: StoredComment[]; next: number | null }>;
  thread(threadId: string): Promise<ThreadMeta>;
  /** Changes whenever anything a page of the thread shows changes (0 for unknown threads). */
  version(threadId: string): Promise<number>;
  /** The reactions reader gave to the thread's published comments, by comment id, with the thread's version. */
  myReactions(threadId: string, reader: string): Promise<{ version: number; mine: Map<string, string[]> }>;
  /** The thread's published, not deleted comments the signed-in user `userId` (author_user) wrote after `since` (epoch ms). */
  writtenBy(threadId: string, userId: string, since: number): Promise<Array<{ id: string; created_at: number }>>;
  counts(threadIds: string[]): Promise<Record<string, number>>;
  /** Published comments (not deleted) of one thread, or of every thread with null, the last published first: feeds. */
  recent(threadId: string | null, limit: number): Promise<CommentRow[]>;
  find(id: string): Promise<CommentRow | null>;
  /** The public view of one comment (any status), with its reaction counts. */
  comment(id: string): Promise<StoredComment | null>;
  /** The thread's comments (any status, tombstones included) changed after `since` (epoch ms), oldest change first, at most `limit`. */
  changedSince(threadId: string, since: number, limit: number): Promise<CommentRow[]>;
  /** Inserts, or returns the row already stored under row.id (created: false). */
  insert(row: NewRow): Promise<{ row: CommentRow; created: boolean }>;
  /** Changes a comment's text; with `requeue`, a published comment goes back to the moderation queue. */
  editBody(id: string, body: string, editedAt: number, requeue: boolean): Promise<StoredComment>;
  /**
   * Deletes a comment: it stays as a placeholder while it has replies, otherwise it becomes a
   * tombstone (never shown, its id kept), and so do placeholders above it left without replies.
   * Returns the ids that went.
   */
  remove(id: string): Promise<{ placeholder: boolean; removed: string[] }>;
  /** Toggles one reader's reaction; returns the comment's counts by kind. */
  react(commentId: string, kind: string, reader: string, on: boolean): Promise<Record<string, number>>;
  setClosed(threadId: string, closed: boolean): Promise<ThreadMeta>;
  moderate(id: string, change: { status?: Status; pinned?: boolean }): Promise<StoredComment>;
  /** Comments waiting for approval, oldest first. */
  pending(limit: number): Promise<StoredComment[]>;
  /** Counts one hit of this kind for client in the window starting at windowStart; returns the hits so far. */
  hit(kind: string, client: string, windowStart: number): Promise<number>;
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
  /**
   * Calls listener for every signal from any instance; resolves (to unsubscribe) once listening.
   * If signals may have been lost (PostgreSQL's LISTEN connection went down), calls missed with
   * the time since when, once listening again.
   */
  subscribe(listener: (signal: Signal) => void, missed?: (since: number) => void): Promise<() => void>;
  /** Calls listener when the database cannot be used any more and the server should stop (a SQLite file deleted under it). */
  onFatal(listener: (err: Error) => void): void;
  /** What the server runs on, for the start-up log: the database and how it is set up (read from the live connection). */
  describe(): string;
  close(): Promise<void>;
}

export interface StorageOptions {
  /** How long a query may wait for a lock (or run, on PostgreSQL) before the request is answered 503. */
  timeoutMs: number;
  /** SQLite only: the most the database file may grow to. */
  sqliteMaxBytes?: number | null;
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
  /** Picks the dialect's variant of a migration (migrate.ts). */
  readonly dialect: 'sqlite' | 'postgres';
  /** The table of rate-limit counters. */
  readonly rateLimits: string;
  /** Runs fn in one transaction: commit when it resolves, roll back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Keeps concurrently starting instances from migrating at the same time (inside a transaction). */
  lockForMigration(tx: Queryable): Promise<void>;
  /** True when err is a unique-key violation. */
  isUniqueViolation(err: unknown): boolean;
  publish(signal: Signal): Promise<void>;
  subscribe(listener: (signal: Signal) => void, missed?: (since: number) => void): Promise<() => void>;
  onFatal(listener: (err: Error) => void): void;
  describe(): string;
  close(): Promise<void>;
}
