import type { CommentRow } from './types.ts';

/** One notification waiting to be sent (or done), as both databases return it. */
export interface OutboxRow {
  id: string;
  dedupe: string;
  kind: string;
  payload: string;
  attempts: number;
  due_at: number;
  claim: string | null;
  last_error: string | null;
}

export interface NewNotification {
  /** What the notification is about: a second one with the same value is not added. */
  dedupe: string;
  kind: string;
  payload: unknown;
  dueAt: number;
}

export type AddressState = 'pending' | 'confirmed' | 'unsubscribed';

/** What notifications keep in the database (migration 010); addresses are trimmed and lowercased by the caller. */
export interface NotifyStore {
  /** Adds a notification; false if one with the same `dedupe` exists. */
  enqueue(item: NewNotification): Promise<boolean>;
  /** Takes up to `limit` due notifications for `claim` until `until`: no other claim gets them meanwhile. */
  claim(claim: string, now: number, until: number, limit: number): Promise<OutboxRow[]>;
  /** Sent (or nothing to send): done. */
  finish(id: string, claim: string, now: number): Promise<void>;
  /** Failed this time: try again at `dueAt`. */
  retry(id: string, claim: string, dueAt: number, error: string): Promise<void>;
  /** Failed for good: kept as done and failed. */
  fail(id: string, claim: string, now: number, error: string): Promise<void>;
  /** Removes notifications done before `before` (returns how many), addresses asked to confirm before it and never confirmed, and subscriptions of deleted comments. */
  purge(before: number): Promise<number>;
  /** Notifications not done yet, and those that failed for good, for the owner to see. */
  backlog(): Promise<{ waiting: number; failed: number }>;

  addressState(address: string): Promise<AddressState | null>;
  setAddressState(address: string, state: AddressState, now: number): Promise<void>;
  /**
   * Records that the address is to be asked to confirm; true if a confirmation email should go
   * now: the address is new, or still pending and last asked before `askedBefore`.
   */
  askToConfirm(address: string, now: number, askedBefore: number): Promise<boolean>;

  subscribe(commentId: string, address: string, now: number): Promise<void>;
  /** Where replies to the comment go, if its author asked for them. */
  subscriber(commentId: string): Promise<string | null>;

  addDigestItem(commentId: string, now: number): Promise<void>;
  /** Gives the waiting digest items to `digest` (again on a retry, with any new ones); returns up to `limit` of its comments, oldest first, and how many it has. */
  takeDigestItems(digest: string, limit: number): Promise<{ comments: CommentRow[]; total: number }>;
  dropDigestItems(digest: string): Promise<void>;
}
