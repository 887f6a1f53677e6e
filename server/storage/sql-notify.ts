import { randomUUID } from 'node:crypto';
import type { AddressState, NewNotification, NotifyStore, OutboxRow } from './notify-types.ts';
import type { CommentRow, Driver } from './types.ts';

const OPEN = 'done_at IS NULL';
/** Due, and claimed by nobody whose lease still runs. */
const FREE = `${OPEN} AND due_at <= ? AND (claimed_until IS NULL OR claimed_until <= ?)`;

/** NotifyStore in portable SQL (one dialect difference: PostgreSQL skips rows another instance is claiming). */
export class SqlNotifyStore implements NotifyStore {
  constructor(private readonly db: Driver) {}

  async enqueue({ dedupe, kind, payload, dueAt }: NewNotification) {
    const { rowCount } = await this.db.query(
      'INSERT INTO notify_outbox (id, dedupe, kind, payload, due_at, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe) DO NOTHING',
      [randomUUID(), dedupe, kind, JSON.stringify(payload), dueAt, Date.now()],
    );
    return rowCount > 0;
  }

  async claim(claim: string, now: number, until: number, limit: number) {
    // One statement, so no two instances claim a row: SQLite runs it under its write lock;
    // PostgreSQL locks the rows it picks, skips those another instance is picking, and checks
    // the lease again on the row it updates.
    const skip = this.db.dialect === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : '';
    const { rows } = await this.db.query<OutboxRow>(
      `UPDATE notify_outbox SET claim = ?, claimed_until = ?
       WHERE id IN (SELECT id FROM notify_outbox WHERE ${FREE} ORDER BY due_at LIMIT ?${skip}) AND ${FREE}
       RETURNING id, dedupe, kind, payload, attempts, due_at, claim, last_error`,
      [claim, until, now, now, limit, now, now],
    );
    return rows;
  }

  async finish(id: string, claim: string, now: number) {
    await this.db.query(`UPDATE notify_outbox SET done_at = ?, claimed_until = NULL WHERE id = ? AND claim = ? AND ${OPEN}`, [now, id, claim]);
  }

  async retry(id: string, claim: string, dueAt: number, error: string) {
    await this.db.query(
      `UPDATE notify_outbox SET attempts = attempts + 1, due_at = ?, last_error = ?, claimed_until = NULL WHERE id = ? AND claim = ? AND ${OPEN}`,
      [dueAt, error, id, claim],
    );
  }

  async fail(id: string, claim: string, now: number, error: string) {
    await this.db.query(
      `UPDATE notify_outbox SET attempts = attempts + 1, done_at = ?, failed = 1, last_error = ?, claimed_until = NULL
       WHERE id = ? AND claim = ? AND ${OPEN}`,
      [now, error, id, claim],
    );
  }

  async purge(before: number) {
    // What is no longer needed goes too: the subscriptions of deleted comments, and addresses
    // someone typed that were never confirmed (they may be asked again after that).
    await this.db.query("DELETE FROM notify_subscriptions WHERE comment_id IN (SELECT id FROM comments WHERE status = 'removed')");
    await this.db.query("DELETE FROM notify_addresses WHERE state = 'pending' AND asked_at < ?", [before]);
    return (await this.db.query('DELETE FROM notify_outbox WHERE done_at IS NOT NULL AND done_at < ?', [before])).rowCount;
  }

  async backlog() {
    const { rows } = await this.db.query<{ waiting: number; failed: number }>(
      `SELECT COUNT(CASE WHEN ${OPEN} THEN 1 END) AS waiting, COUNT(CASE WHEN failed = 1 THEN 1 END) AS failed FROM notify_outbox`,
    );
    return { waiting: Number(rows[0]?.waiting ?? 0), failed: Number(rows[0]?.failed ?? 0) };
  }

  async addressState(address: string) {
    const { rows } = await this.db.query<{ state: AddressState }>('SELECT state FROM notify_addresses WHERE address = ?', [address]);
    return rows[0]?.state ?? null;
  }

  async setAddressState(address: string, state: AddressState, now: number) {
    await this.db.query(
      `INSERT INTO notify_addresses (address, state, changed_at) VALUES (?, ?, ?)
       ON CONFLICT (address) DO UPDATE SET state = excluded.state, changed_at = excluded.changed_at`,
      [address, state, now],
    );
  }

  async askToConfirm(address: string, now: number, askedBefore: number) {
    // Atomic, so that two comments posted at once with one address send one confirmation.
    const { rows } = await this.db.query(
      `INSERT INTO notify_addresses (address, state, asked_at, changed_at) VALUES (?, 'pending', ?, ?)
       ON CONFLICT (address) DO UPDATE SET asked_at = excluded.asked_at
       WHERE notify_addresses.state = 'pending' AND (notify_addresses.asked_at IS NULL OR notify_addresses.asked_at < ?)
       RETURNING address`,
      [address, now, now, askedBefore],
    );
    return rows.length > 0;
  }

  async subscribe(commentId: string, address: string, now: number) {
    await this.db.query('INSERT INTO notify_subscriptions (comment_id, address, created_at) VALUES (?, ?, ?) ON CONFLICT (comment_id) DO NOTHING', [
      commentId,
      address,
      now,
    ]);
  }

  async subscriber(commentId: string) {
    const { rows } = await this.db.query<{ address: string }>('SELECT address FROM notify_subscriptions WHERE comment_id = ?', [commentId]);
    return rows[0]?.address ?? null;
  }

  async addDigestItem(commentId: string, now: number) {
    await this.db.query('INSERT INTO notify_digest_items (comment_id, created_at) VALUES (?, ?) ON CONFLICT (comment_id) DO NOTHING', [
      commentId,
      now,
    ]);
  }

  async takeDigestItems(digest: string, limit: number) {
    await this.db.query('UPDATE notify_digest_items SET digest = ? WHERE digest IS NULL', [digest]);
    const { rows } = await this.db.query<CommentRow>(
      `SELECT c.* FROM notify_digest_items d JOIN comments c ON c.id = d.comment_id WHERE d.digest = ? ORDER BY c.created_at, c.id LIMIT ?`,
      [digest, limit],
    );
    const count = await this.db.query<{ n: number }>('SELECT COUNT(*) AS n FROM notify_digest_items WHERE digest = ?', [digest]);
    return { comments: rows, total: Number(count.rows[0]?.n ?? 0) };
  }

  async dropDigestItems(digest: string) {
    await this.db.query('DELETE FROM notify_digest_items WHERE digest = ?', [digest]);
  }
}

/** Published comments, newest published first: of one thread, or of the whole site (feeds). */
export async function readRecent(db: Driver, threadId: string | null, limit: number): Promise<CommentRow[]> {
  const where = threadId === null ? '' : ' AND thread_id = ?';
  const { rows } = await db.query<CommentRow>(
    `SELECT * FROM comments WHERE status = 'published' AND deleted = 0${where} ORDER BY public_at DESC, created_at DESC, number DESC LIMIT ?`,
    threadId === null ? [limit] : [threadId, limit],
  );
  return rows;
}
