import type { CommentRow, Signal, Status } from './types.ts';

/** Where the previous page of the console's list ended. */
export interface OwnerCursor {
  createdAt: number;
  id: string;
}

/** The console's list: every thread, any status but tombstones, filtered. */
export interface OwnerListQuery {
  /** Only these statuses (all but 'removed' when null). */
  statuses: Status[] | null;
  /** Thread ids containing this. */
  thread: string | null;
  /** Author names containing this, or this exact email. */
  author: string | null;
  /** Bodies containing this. */
  text: string | null;
  order: 'newest' | 'oldest';
  after: OwnerCursor | null;
  limit: number;
}

/** A row with its thread's state and whether its author is blocked, as the console shows it. */
export type OwnerRow = CommentRow & { thread_closed: number; ip_blocked: number; email_blocked: number };

export interface ThreadRow {
  id: string;
  closed: number;
  keep_open: number;
  comment_count: number;
  /** When its comment number 1 was written: the thread's start, for auto-close. */
  started_at: number | null;
  last_changed_at: number | null;
}

export type BlockKind = 'ip' | 'email';

export interface BlockRow {
  kind: BlockKind;
  hash: string;
  label: string;
  created_at: number;
}

export interface SessionRow {
  via: 'token' | 'password';
  expires_at: number;
}

/** What one purge removed (service/retention.ts). */
export interface PurgeCounts {
  spam: number;
  trash: number;
  rateLimits: number;
  sessions: number;
  emptyThreads: number;
}

/** The storage of the owner's side: the console's lists, settings, blocks, sessions, retention. */
export interface OwnerStore {
  list(query: OwnerListQuery): Promise<OwnerRow[]>;
  /** How many comments have each of the statuses the console counts (pending, spam, trash, hidden). */
  statusCounts(): Promise<Record<string, number>>;
  /** Threads whose id contains `search`, in id order after `after`. */
  threads(search: string | null, after: string | null, limit: number): Promise<ThreadRow[]>;
  /** Notes why a comment went back to the queue (an edit). */
  setReason(id: string, reason: string): Promise<void>;
  /** A server-wide value, or null. */
  readSetting(name: string): Promise<string | null>;
  writeSetting(name: string, value: string | null): Promise<void>;

  /** Whether an earlier comment of this author was published: same email hash, or (no email) same address hash and name. */
  knownAuthor(emailHash: string | null, ipHash: string | null, name: string): Promise<boolean>;
  /** Whether a comment (not deleted) with this text hash was written after `since`. */
  duplicateText(textHash: string, since: number): Promise<boolean>;
  /** Which of the hashes is blocked, if any. */
  blockedAs(ipHash: string | null, emailHash: string | null): Promise<BlockKind | null>;
  blocks(): Promise<BlockRow[]>;
  block(kind: BlockKind, hash: string, label: string, now: number): Promise<BlockRow>;
  unblock(kind: BlockKind, hash: string): Promise<boolean>;

  createSession(idHash: string, via: SessionRow['via'], now: number, expiresAt: number): Promise<void>;
  /** The session, while it has not expired. */
  session(idHash: string, now: number): Promise<SessionRow | null>;
  endSession(idHash: string): Promise<void>;
  /** Signs everybody out (a new password). */
  endAllSessions(): Promise<void>;

  /** Marks a thread the owner reopened (auto-close leaves it open) or closed. */
  keepOpen(threadId: string, keep: boolean): Promise<void>;
  /** Closes the open threads (or only `threadId`) that started before `startedBefore` and were never reopened; returns their ids. */
  closeStale(startedBefore: number, threadId?: string): Promise<string[]>;
  /**
   * Removes spam and trash unchanged since before `before`: a comment readers never saw and
   * nobody answered goes for good, any other becomes a tombstone (its id stays taken).
   */
  purgeHeld(before: number): Promise<{ spam: number; trash: number; signals: Signal[] }>;
  /** Deletes rate-limit windows that started before `before`, sessions expired by `now`, and threads left with no comments. */
  purgeExpired(before: number, now: number): Promise<Omit<PurgeCounts, 'spam' | 'trash'>>;
}
