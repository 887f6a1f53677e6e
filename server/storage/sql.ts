import { readdir, readFile } from 'node:fs/promises';
import type { SortOrder, ThreadMeta } from 'chime-comments/protocol';
import { ApiError } from '../errors.ts';
import { exportComments, exportSettings, exportThreads, importThread, type ImportThread } from './transfer.ts';
import type { CommentRow, Cursor, Driver, ListQuery, NewRow, Queryable, Signal, Status, Storage, StoredComment } from './types.ts';
import { toComment } from './view.ts';

const MIGRATIONS = new URL('../migrations/', import.meta.url);

/** Top-level order per sort; pinned comments always come first and `number` breaks ties. */
const ORDER: Record<SortOrder, string> = {
  oldest: 'pinned DESC, number ASC',
  newest: 'pinned DESC, number DESC',
  top: 'pinned DESC, reaction_count DESC, number ASC',
};

/** Keyset condition "comes after the cursor" for each ORDER, with its parameters. */
const AFTER: Record<SortOrder, [string, (c: Cursor) => number[]]> = {
  oldest: ['(pinned < ? OR (pinned = ? AND number > ?))', (c) => [c.pinned, c.pinned, c.number]],
  newest: ['(pinned < ? OR (pinned = ? AND number < ?))', (c) => [c.pinned, c.pinned, c.number]],
  top: [
    '(pinned < ? OR (pinned = ? AND (reaction_count < ? OR (reaction_count = ? AND number > ?))))',
    (c) => [c.pinned, c.pinned, c.reactions, c.reactions, c.number],
  ],
};

const VISIBLE = "status = 'published'";
const COUNTED = `${VISIBLE} AND deleted = 0`;

const markList = (n: number) => Array.from({ length: n }, () => '?').join(', ');
/** "?, ?, ?" for n parameters; the common short lists (counts, pages) are built once. */
const markLists = Array.from({ length: 201 }, (_, n) => markList(n));
const marks = (n: number) => markLists[n] ?? markList(n);

/** The Storage contract in portable SQL; sqlite.ts and postgres.ts only supply a Driver. */
export class SqlStorage implements Storage {
  constructor(private readonly db: Driver) {}

  async migrate(): Promise<string[]> {
    const files = (await readdir(MIGRATIONS)).filter((f) => f.endsWith('.sql')).sort();
    return this.db.transaction(async (tx) => {
      await this.db.lockForMigration(tx);
      await tx.exec('CREATE TABLE IF NOT EXISTS chime_migrations (name TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)');
      const done = new Set((await tx.query<{ name: string }>('SELECT name FROM chime_migrations')).rows.map((r) => r.name));
      const applied: string[] = [];
      for (const file of files.filter((f) => !done.has(f))) {
        await tx.exec(await readFile(new URL(file, MIGRATIONS), 'utf8'));
        await tx.query('INSERT INTO chime_migrations (name, applied_at) VALUES (?, ?)', [file, Date.now()]);
        applied.push(file);
      }
      return applied;
    });
  }

  async listPage({ threadId, sort, after, limit }: ListQuery) {
    const [condition, params] = AFTER[sort];
    const keyset = after ? ` AND ${condition}` : '';
    const top = await this.db.query<CommentRow>(
      `SELECT * FROM comments WHERE thread_id = ? AND parent_id IS NULL AND ${VISIBLE}${keyset} ORDER BY ${ORDER[sort]} LIMIT ?`,
      [threadId, ...(after ? params(after) : []), limit + 1],
    );
    const roots = top.rows.slice(0, limit);
    const last = roots.at(-1);
    const next = top.rows.length > limit && last ? { sort, pinned: last.pinned, reactions: last.reaction_count, number: last.number } : null;
    if (roots.length === 0) return { comments: [], next };

    const replies = await this.db.query<CommentRow>(
      `SELECT * FROM comments WHERE root_id IN (${marks(roots.length)}) AND parent_id IS NOT NULL AND ${VISIBLE} ORDER BY number`,
      roots.map((r) => r.id),
    );
    return { comments: await this.views([...roots, ...replies.rows]), next };
  }

  async version(threadId: string): Promise<number> {
    const { rows } = await this.db.query<{ version: number }>('SELECT version FROM threads WHERE id = ?', [threadId]);
    return rows[0]?.version ?? 0;
  }

  async myReactions(commentIds: string[], reader: string) {
    const mine = new Map<string, string[]>();
    if (commentIds.length === 0) return mine;
    const { rows } = await this.db.query<{ comment_id: string; kind: string }>(
      `SELECT comment_id, kind FROM reactions WHERE reader = ? AND comment_id IN (${marks(commentIds.length)})`,
      [reader, ...commentIds],
    );
    for (const r of rows) mine.set(r.comment_id, [...(mine.get(r.comment_id) ?? []), r.kind]);
    return mine;
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

  async find(id: string): Promise<CommentRow | null> {
    return (await this.db.query<CommentRow>('SELECT * FROM comments WHERE id = ?', [id])).rows[0] ?? null;
  }

  async comment(id: string): Promise<StoredComment | null> {
    const row = await this.find(id);
    return row && this.view(row);
  }

  async changedSince(threadId: string, since: number, limit: number): Promise<StoredComment[]> {
    const { rows } = await this.db.query<CommentRow>(
      'SELECT * FROM comments WHERE thread_id = ? AND changed_at > ? ORDER BY changed_at, number LIMIT ?',
      [threadId, since, limit],
    );
    return this.views(rows);
  }

  async insert(row: NewRow): Promise<{ row: CommentRow; created: boolean }> {
    try {
      return { row: await this.db.transaction((tx) => insertRow(tx, row)), created: true };
    } catch (err) {
      // The id is taken (insertRow rolled back, so no number was used up): a retry of a post
      // whose response got lost, or one that raced its original. Checked here, after the
      // attempt, so the common case costs no extra query; a retry to a thread closed since, or
      // under a parent since hidden, is still answered as a retry.
      const existing = err === TAKEN || err instanceof ApiError || this.db.isUniqueViolation(err) ? await this.find(row.id) : null;
      if (!existing) throw err;
      return { row: existing, created: false };
    }
  }

  async editBody(id: string, body: string, editedAt: number): Promise<StoredComment> {
    const row = await this.db.transaction(async (tx) => {
      const { rows } = await tx.query<CommentRow>(
        'UPDATE comments SET body = ?, edited_at = ?, changed_at = ? WHERE id = ? AND deleted = 0 RETURNING *',
        [body, editedAt, editedAt, id],
      );
      return touchThread(tx, rows[0] ?? notFound());
    });
    return this.view(row);
  }

  remove(id: string) {
    return this.db.transaction(async (tx) => {
      const row = (await tx.query<CommentRow>('SELECT * FROM comments WHERE id = ?', [id])).rows[0] ?? notFound();
      const result = await prune(tx, await touchThread(tx, row));
      await recount(tx, row);
      return result;
    });
  }

  react(commentId: string, kind: string, reader: string, on: boolean) {
    return this.db.transaction(async (tx) => {
      const found = await tx.query<CommentRow>(`SELECT * FROM comments WHERE id = ? AND ${COUNTED}`, [commentId]);
      await touchThread(tx, found.rows[0] ?? notFound());
      const params = [commentId, kind, reader];
      const changed = on
        ? await tx.query('INSERT INTO reactions (comment_id, kind, reader) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', params)
        : await tx.query('DELETE FROM reactions WHERE comment_id = ? AND kind = ? AND reader = ?', params);
      if (changed.rowCount > 0) {
        await tx.query('UPDATE comments SET reaction_count = reaction_count + ? WHERE id = ?', [on ? 1 : -1, commentId]);
      }
      return (await reactionCounts(tx, [commentId])).get(commentId) ?? {};
    });
  }

  async setClosed(threadId: string, closed: boolean): Promise<ThreadMeta> {
    await this.db.query(
      'INSERT INTO threads (id, closed) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET closed = excluded.closed, version = threads.version + 1',
      [threadId, closed ? 1 : 0],
    );
    return this.thread(threadId);
  }

  async moderate(id: string, change: { status?: Status; pinned?: boolean }): Promise<StoredComment> {
    const pinned = change.pinned === undefined ? null : Number(change.pinned);
    const row = await this.db.transaction(async (tx) => {
      const { rows } = await tx.query<CommentRow>(
        'UPDATE comments SET status = COALESCE(?, status), pinned = COALESCE(?, pinned), changed_at = ? WHERE id = ? AND deleted = 0 RETURNING *',
        [change.status ?? null, pinned, Date.now(), id],
      );
      return recount(tx, await touchThread(tx, rows[0] ?? notFound()));
    });
    return this.view(row);
  }

  async pending(limit: number): Promise<StoredComment[]> {
    const { rows } = await this.db.query<CommentRow>("SELECT * FROM comments WHERE status = 'pending' ORDER BY created_at, number LIMIT ?", [limit]);
    return rows.map((r) => toComment(r));
  }

  async setting(name: string, initial: string): Promise<string> {
    await this.db.query('INSERT INTO chime_settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING', [name, initial]);
    const { rows } = await this.db.query<{ value: string }>('SELECT value FROM chime_settings WHERE name = ?', [name]);
    return rows[0]!.value;
  }

  async hit(key: string, windowStart: number): Promise<number> {
    const { rows } = await this.db.query<{ hits: number }>(
      'INSERT INTO rate_limits (key, window_start, hits) VALUES (?, ?, 1) ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limits.hits + 1 RETURNING hits',
      [key, windowStart],
    );
    const hits = Number(rows[0]?.hits ?? 1);
    // Every limit shares one window length, so older windows are of no use to anyone. Swept
    // when a client's first hit opens a new row, not on every hit: the table stays as small
    // (one sweep per row added), and a busy client's posts cost one statement, not two.
    if (hits === 1) await this.db.query('DELETE FROM rate_limits WHERE window_start < ?', [windowStart]);
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

  subscribe(listener: (signal: Signal) => void) {
    return this.db.subscribe(listener);
  }

  close() {
    return this.db.close();
  }

  private async view(row: CommentRow) {
    return (await this.views([row]))[0]!;
  }

  /** The public view of rows, with their reaction counts. */
  private async views(rows: CommentRow[]) {
    const counts = await reactionCounts(
      this.db,
      rows.map((r) => r.id),
    );
    return rows.map((r) => toComment(r, counts.get(r.id)));
  }
}

function notFound(): never {
  throw new ApiError('not-found', 'No such comment.');
}

/**
 * Marks the row's thread as changed (cached pages are stale). Also takes the thread's row lock,
 * which serialises the writers of one thread's comment tree (numbers, replies vs deletes).
 */
async function touchThread(tx: Queryable, row: CommentRow) {
  await tx.query('UPDATE threads SET version = version + 1 WHERE id = ?', [row.thread_id]);
  return row;
}

/** Thrown inside insertRow's transaction (rolling it back) when the comment id is taken. */
const TAKEN = new Error('comment id taken');

/**
 * Recomputes the thread's comment_count after a change to its comments' status or deleted flag.
 * Runs after touchThread, as its own statement: the thread's row lock is held by then, so no
 * other writer of the thread can come in between, and (READ COMMITTED) it sees all they did.
 */
async function recount(tx: Queryable, row: CommentRow) {
  await tx.query(`UPDATE threads SET comment_count = (SELECT COUNT(*) FROM comments WHERE thread_id = ? AND ${COUNTED}) WHERE id = ?`, [
    row.thread_id,
    row.thread_id,
  ]);
  return row;
}

async function insertRow(tx: Queryable, row: NewRow): Promise<CommentRow> {
  const counted = row.status === 'published' ? 1 : 0;
  // Creates the thread or takes its row lock, so numbers are handed out one at a time, even
  // across instances. A closed thread (unless the poster has a role) updates nothing.
  const thread = await tx.query<{ last_number: number }>(
    `INSERT INTO threads (id, last_number, version, comment_count) VALUES (?, 1, 1, ?)
     ON CONFLICT (id) DO UPDATE SET last_number = threads.last_number + 1, version = threads.version + 1,
       comment_count = threads.comment_count + excluded.comment_count
     WHERE threads.closed = 0 OR ? = 1
     RETURNING last_number`,
    [row.threadId, counted, row.role ? 1 : 0],
  );
  const number = thread.rows[0]?.last_number;
  if (number === undefined) throw new ApiError('closed', 'This thread is closed for new comments.');

  let rootId = row.id;
  if (row.parentId) {
    const parent = await tx.query<{ root_id: string }>(`SELECT root_id FROM comments WHERE id = ? AND thread_id = ? AND ${VISIBLE}`, [
      row.parentId,
      row.threadId,
    ]);
    rootId = parent.rows[0]?.root_id ?? '';
    if (!rootId) throw new ApiError('validation', 'The comment you reply to does not exist in this thread.', 'parentId');
  }
  const { rows } = await tx.query<CommentRow>(
    `INSERT INTO comments (id, thread_id, parent_id, root_id, number, author_name, author_website, author_email, avatar_hash,
       author_role, body, content_hash, edit_token_hash, status, created_at, changed_at)
     VALUES (${marks(16)}) ON CONFLICT (id) DO NOTHING RETURNING *`,
    [
      row.id,
      row.threadId,
      row.parentId,
      rootId,
      number,
      row.name,
      row.website,
      row.email,
      row.avatarHash,
      row.role,
      row.body,
      row.contentHash,
      row.editTokenHash,
      row.status,
      row.createdAt,
      row.createdAt,
    ],
  );
  // Rolls back the thread's number (and count) too: numbers stay gap-free.
  if (!rows[0]) throw TAKEN;
  return rows[0];
}

async function prune(tx: Queryable, row: CommentRow): Promise<{ placeholder: boolean; removed: string[] }> {
  const replies = await tx.query('SELECT 1 FROM comments WHERE parent_id = ? LIMIT 1', [row.id]);
  if (replies.rows.length > 0) {
    await tx.query(
      `UPDATE comments SET deleted = 1, body = '', author_name = '', author_website = NULL, author_email = NULL,
         avatar_hash = NULL, author_role = NULL, edit_token_hash = NULL, changed_at = ? WHERE id = ?`,
      [Date.now(), row.id],
    );
    return { placeholder: true, removed: [] };
  }
  await tx.query('DELETE FROM comments WHERE id = ?', [row.id]);
  const parent = row.parent_id ? (await tx.query<CommentRow>('SELECT * FROM comments WHERE id = ?', [row.parent_id])).rows[0] : undefined;
  // A placeholder is only kept for its replies; once the last one goes, so does it.
  const above = parent?.deleted === 1 ? (await prune(tx, parent)).removed : [];
  return { placeholder: false, removed: [row.id, ...above] };
}

async function reactionCounts(db: Queryable, ids: string[]) {
  const counts = new Map<string, Record<string, number>>();
  // "IN ()" is an error in PostgreSQL.
  if (ids.length === 0) return counts;
  const { rows } = await db.query<{ comment_id: string; kind: string; n: number }>(
    `SELECT comment_id, kind, COUNT(*) AS n FROM reactions WHERE comment_id IN (${marks(ids.length)}) GROUP BY comment_id, kind`,
    ids,
  );
  for (const r of rows) counts.set(r.comment_id, { ...counts.get(r.comment_id), [r.kind]: Number(r.n) });
  return counts;
}
