/**
 * Retention (service/retention.ts): what the scheduled purge and auto-close change, in portable
 * SQL. Each statement or batch is safe to run twice and from several instances at once.
 */
import { prune, touchThread } from './sql-writes.ts';
import type { CommentRow, Driver, Queryable, Signal } from './types.ts';

/** Comments purged per transaction: a big backlog never holds a thread's lock for long. */
const BATCH = 200;

export async function closeStale(db: Driver, startedBefore: number, threadId?: string): Promise<string[]> {
  const only = threadId === undefined ? '' : ' AND id = ?';
  // A transaction, as every acknowledged write: on SQLite that is what syncs it to disk.
  const { rows } = await db.transaction((tx) =>
    tx.query<{ id: string }>(
      `UPDATE threads SET closed = 1, version = version + 1
     WHERE closed = 0 AND keep_open = 0${only}
       AND (SELECT created_at FROM comments WHERE thread_id = threads.id AND number = 1) < ?
     RETURNING id`,
      threadId === undefined ? [startedBefore] : [threadId, startedBefore],
    ),
  );
  return rows.map((r) => r.id);
}

/** One held comment gone: deleted outright if nobody ever saw or answered it, else a tombstone (prune). */
async function purgeOne(tx: Queryable, id: string, before: number): Promise<{ row: CommentRow; removed: string[] } | null> {
  const found = await tx.query<CommentRow>("SELECT * FROM comments WHERE id = ? AND status IN ('spam', 'trash') AND deleted = 0 AND changed_at < ?", [
    id,
    before,
  ]);
  const row = found.rows[0];
  if (!row) return null; // restored or purged meanwhile
  await touchThread(tx, row);
  const replies = await tx.query('SELECT 1 FROM comments WHERE parent_id = ? LIMIT 1', [row.id]);
  if (row.public_at === null && replies.rows.length === 0) {
    await tx.query('DELETE FROM comments WHERE id = ?', [row.id]);
    return { row, removed: [] };
  }
  return { row, removed: (await prune(tx, row)).removed.filter((gone) => gone !== row.id) };
}

export async function purgeHeld(db: Driver, before: number): Promise<{ spam: number; trash: number; signals: Signal[] }> {
  const result = { spam: 0, trash: 0, signals: [] as Signal[] };
  for (;;) {
    const { rows } = await db.query<{ id: string }>(
      "SELECT id FROM comments WHERE status IN ('spam', 'trash') AND deleted = 0 AND changed_at < ? ORDER BY changed_at LIMIT ?",
      [before, BATCH],
    );
    for (const { id } of rows) {
      const purged = await db.transaction((tx) => purgeOne(tx, id, before));
      if (!purged) continue;
      result[purged.row.status as 'spam' | 'trash']++;
      // Placeholders readers saw, left without replies: gone for them too.
      for (const gone of purged.removed) result.signals.push({ threadId: purged.row.thread_id, type: 'deleted', id: gone });
    }
    if (rows.length < BATCH) return result;
  }
}

export async function purgeExpired(db: Driver, before: number, now: number) {
  // Of this instance only on SQLite, where the counters live in memory (db.rateLimits).
  const rateLimits = (await db.query(`DELETE FROM ${db.rateLimits} WHERE window_start < ?`, [before])).rowCount;
  const sessions = (await db.query('DELETE FROM owner_sessions WHERE expires_at <= ?', [now])).rowCount;
  let emptyThreads = 0;
  try {
    // Threads that only ever had spam (bots post to made-up ids). A closed one stays: the owner closed it.
    emptyThreads = (
      await db.query('DELETE FROM threads WHERE closed = 0 AND keep_open = 0 AND NOT EXISTS (SELECT 1 FROM comments WHERE thread_id = threads.id)')
    ).rowCount;
  } catch (err) {
    // A comment arrived in one of them meanwhile (PostgreSQL): it stays; the next purge tries again.
    if ((err as { code?: unknown }).code !== '23503') throw err;
  }
  return { rateLimits, sessions, emptyThreads };
}
