import type { ThreadMeta } from 'chime-comments/protocol';
import { ChimeError, notFound } from '../errors.ts';
import { migrate } from './migrate.ts';
import type { OwnerStore } from './owner-types.ts';
import { readRecent, SqlNotifyStore } from './sql-notify.ts';
import { SqlOwner } from './sql-owner.ts';
import { readReplies, readTopPage } from './sql-pages.ts';
import { COUNTED, insertRow, prune, publishHeld, recount, TAKEN, toggleReaction, touchThread, VISIBLE } from './sql-writes.ts';
import type { CommentRow, Driver, ListQuery, NewRow, PageBudget, ReplyQuery, Signal, Status, Storage, StoredComment, StoredPage } from './types.ts';
import { exportComments, exportSettings, exportThreads, importThread, type ImportThread } from './transfer.ts';
import { toComment } from './view.ts';

const markList = (n: number) => Array.from({ length: n }, () => '?').join(', ');
/** "?, ?, ?" for n parameters; the lists of counts (at most 100 threads) are built once. */
const markLists = Array.from({ length: 101 }, (_, n) => markList(n));
const marks = (n: number) => markLists[n] ?? markList(n);

/** The Storage contract in portable SQL; sqlite.ts and postgres.ts only supply a Driver. */
export class SqlStorage implements Storage {
  readonly owner: OwnerStore;
  readonly notify: SqlNotifyStore;

  constructor(private readonly db: Driver) {
    this.owner = new SqlOwner(db);
    this.notify = new SqlNotifyStore(db);
  }

  migrate(): Promise<string[]> {
    return migrate(this.db);
  }

  async listPage(query: ListQuery, budget: PageBudget): Promise<StoredPage> {
    const { rows, next, moreReplies } = await readTopPage(this.db, query, budget);
    return { comments: rows.map(toComment), next, moreReplies };
  }

  async listReplies(query: ReplyQuery, budget: PageBudget) {
    const root = await this.db.query(`SELECT 1 FROM comments WHERE id = ? AND thread_id = ? AND parent_id IS NULL AND ${VISIBLE}`, [
      query.root,
      query.threadId,
    ]);
    if (root.rows.length === 0) notFound();
    const { rows, more } = await readReplies(this.db, query, budget);
    return { comments: rows.map(toComment), next: more ? rows.at(-1)!.number : null };
  }

  async version(threadId: string): Promise<number> {
    const { rows } = await this.db.query<{ version: number }>('SELECT version FROM threads WHERE id = ?', [threadId]);
    return rows[0]?.version ?? 0;
  }

  async myReactions(threadId: string, reader: string) {
    // The thread's version comes along: one round trip for the reader's overlay and its ETag.
    const { rows } = await this.db.query<{ version: number | null; comment_id: string | null; kind: string | null }>(
      `SELECT (SELECT version FROM threads WHERE id = ?) AS version, r.comment_id, r.kind
       FROM (SELECT 1 AS one) AS one
       LEFT JOIN (reactions r JOIN comments c ON c.id = r.comment_id AND c.thread_id = ? AND c.${VISIBLE}) ON r.reader = ?`,
      [threadId, threadId, reader],
    );
    const mine = new Map<string, string[]>();
    for (const r of rows) if (r.comment_id && r.kind) mine.set(r.comment_id, [...(mine.get(r.comment_id) ?? []), r.kind]);
    return { version: Number(rows[0]?.version ?? 0), mine };
  }

  async writtenBy(threadId: string, userId: string, since: number) {
    const { rows } = await this.db.query<{ id: string; created_at: number }>(
      `SELECT id, created_at FROM comments WHERE thread_id = ? AND author_user = ? AND created_at > ? AND ${COUNTED}`,
      [threadId, userId, since],
    );
    return rows.map((r) => ({ id: r.id, created_at: Number(r.created_at) }));
  }

  async thread(threadId: string): Promise<ThreadMeta> {
    const { rows } = await this.db.query<{ closed: number; comment_count: number }>('SELECT closed, comment_count FROM threads WHERE id = ?', [
      threadId,
    ]);
    return { id: threadId, closed: rows[0]?.closed === 1, count: Number(rows[0]?.comment_count ?? 0) };
  }

  async counts(threadIds: string[]): Promise<Record<string, number>> {
    const result: Record<string, number> = {};
    for (const id of threadIds) result[id] = 0;
    if (threadIds.length === 0) return result;
    // Threads nobody has posted to have no row: they stay at 0.
    const { rows } = await this.db.query<{ id: string; comment_count: number }>(
      `SELECT id, comment_count FROM threads WHERE id IN (${marks(threadIds.length)})`,
      threadIds,
    );
    for (const row of rows) result[row.id] = Number(row.comment_count);
    return result;
  }

  recent(threadId: string | null, limit: number) {
    return readRecent(this.db, threadId, limit);
  }

  async find(id: string): Promise<CommentRow | null> {
    return (await this.db.query<CommentRow>('SELECT * FROM comments WHERE id = ?', [id])).rows[0] ?? null;
  }

  async comment(id: string): Promise<StoredComment | null> {
    const row = await this.find(id);
    return row && toComment(row);
  }

  async changedSince(threadId: string, since: number, limit: number): Promise<CommentRow[]> {
    const { rows } = await this.db.query<CommentRow>(
      'SELECT * FROM comments WHERE thread_id = ? AND changed_at > ? ORDER BY changed_at, number LIMIT ?',
      [threadId, since, limit],
    );
    return rows;
  }

  async insert(row: NewRow): Promise<{ row: CommentRow; created: boolean }> {
    try {
      return { row: await this.db.transaction((tx) => insertRow(tx, row)), created: true };
    } catch (err) {
      // The id is taken (insertRow rolled back, so no number was used up): a retry of a post
      // whose response got lost, or one that raced its original. Checked here, after the
      // attempt, so the common case costs no extra query; a retry to a thread closed since, or
      // under a parent since hidden, is still answered as a retry.
      const existing = err === TAKEN || err instanceof ChimeError || this.db.isUniqueViolation(err) ? await this.find(row.id) : null;
      if (!existing) throw err;
      return { row: existing, created: false };
    }
  }

  async editBody(id: string, body: string, editedAt: number, requeue: boolean): Promise<StoredComment> {
    const row = await this.db.transaction(async (tx) => {
      const { rows } = await tx.query<CommentRow>(
        `UPDATE comments SET body = ?, edited_at = ?, changed_at = ?, status = CASE WHEN ? = 1 AND status = 'published' THEN 'pending' ELSE status END
         WHERE id = ? AND deleted = 0 RETURNING *`,
        [body, editedAt, editedAt, requeue ? 1 : 0, id],
      );
      const edited = await touchThread(tx, rows[0] ?? notFound());
      return requeue ? recount(tx, edited) : edited;
    });
    return toComment(row);
  }

  remove(id: string) {
    return this.db.transaction(async (tx) => {
      const row = (await tx.query<CommentRow>("SELECT * FROM comments WHERE id = ? AND status <> 'removed'", [id])).rows[0] ?? notFound();
      const result = await prune(tx, await touchThread(tx, row));
      await recount(tx, row);
      return result;
    });
  }

  react(commentId: string, kind: string, reader: string, on: boolean) {
    return this.db.transaction((tx) => toggleReaction(tx, commentId, kind, reader, on));
  }

  async setClosed(threadId: string, closed: boolean): Promise<ThreadMeta> {
    // A transaction, as every acknowledged write: on SQLite that is what syncs it to disk.
    await this.db.transaction((tx) =>
      tx.query(
        'INSERT INTO threads (id, closed) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET closed = excluded.closed, version = threads.version + 1',
        [threadId, closed ? 1 : 0],
      ),
    );
    return this.thread(threadId);
  }

  async moderate(id: string, change: { status?: Status; pinned?: boolean }): Promise<StoredComment> {
    const pinned = change.pinned === undefined ? null : Number(change.pinned);
    const status = change.status ?? null;
    const now = Date.now();
    const row = await this.db.transaction(async (tx) => {
      if (status === 'published') await publishHeld(tx, id);
      const { rows } = await tx.query<CommentRow>(
        `UPDATE comments SET status = COALESCE(?, status), pinned = COALESCE(?, pinned), changed_at = ?,
           public_at = COALESCE(public_at, CASE WHEN COALESCE(?, status) = 'published' THEN CAST(? AS BIGINT) END)
         WHERE id = ? AND deleted = 0 RETURNING *`,
        [status, pinned, now, status, now, id],
      );
      return recount(tx, await touchThread(tx, rows[0] ?? notFound()));
    });
    return toComment(row);
  }

  async pending(limit: number): Promise<StoredComment[]> {
    const { rows } = await this.db.query<CommentRow>("SELECT * FROM comments WHERE status = 'pending' ORDER BY created_at, number LIMIT ?", [limit]);
    return rows.map(toComment);
  }

  async setting(name: string, initial: string): Promise<string> {
    await this.db.transaction((tx) =>
      tx.query('INSERT INTO chime_settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING', [name, initial]),
    );
    const { rows } = await this.db.query<{ value: string }>('SELECT value FROM chime_settings WHERE name = ?', [name]);
    return rows[0]!.value;
  }

  async hit(kind: string, client: string, windowStart: number): Promise<number> {
    const table = this.db.rateLimits;
    const { rows } = await this.db.query<{ hits: number }>(
      `INSERT INTO ${table} AS counter (key, window_start, hits) VALUES (?, ?, 1) ON CONFLICT (key, window_start) DO UPDATE SET hits = counter.hits + 1 RETURNING hits`,
      [`${kind}:${client}`, windowStart],
    );
    const hits = Number(rows[0]?.hits ?? 1);
    // Windows of one kind have one length, so its older windows are of no use to anyone. Swept
    // when a client's first hit opens a new row, not on every hit: the table stays as small
    // (one sweep per row added), and a busy client's posts cost one statement, not two.
    if (hits === 1)
      await this.db.query(`DELETE FROM ${table} WHERE key >= ? AND key < ? AND window_start < ?`, [`${kind}:`, `${kind};`, windowStart]);
    return hits;
  }

  importThread(thread: ImportThread) {
    return importThread(this.db, thread);
  }

  exportThreads(after: string | null, limit: number, only: string | null) {
    return exportThreads(this.db, after, limit, only);
  }

  exportComments(threadId: string, afterNumber: number, limit: number) {
    return exportComments(this.db, threadId, afterNumber, limit);
  }

  exportSettings() {
    return exportSettings(this.db);
  }

  publish(signal: Signal) {
    return this.db.publish(signal);
  }

  subscribe(listener: (signal: Signal) => void, missed?: (since: number) => void) {
    return this.db.subscribe(listener, missed);
  }

  onFatal(listener: (err: Error) => void) {
    this.db.onFatal(listener);
  }

  describe() {
    return this.db.describe();
  }

  close() {
    return this.db.close();
  }
}
