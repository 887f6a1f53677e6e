import { ChimeError, notFound } from '../errors.ts';
import type { CommentRow, NewRow, Queryable } from './types.ts';

export const VISIBLE = "status = 'published'";
export const COUNTED = `${VISIBLE} AND deleted = 0`;

/** Thrown inside insertRow's transaction (rolling it back) when the comment id is taken. */
export const TAKEN = new Error('comment id taken');

/**
 * Marks the row's thread as changed (cached pages are stale). Also takes the thread's row lock,
 * which serialises the writers of one thread's comment tree (numbers, replies vs deletes).
 */
export async function touchThread(tx: Queryable, row: CommentRow) {
  await tx.query('UPDATE threads SET version = version + 1 WHERE id = ?', [row.thread_id]);
  return row;
}

/**
 * Recomputes the thread's comment_count after a change to its comments' status or deleted flag.
 * Runs after touchThread, as its own statement: the thread's row lock is held by then, so no
 * other writer of the thread can come in between, and (READ COMMITTED) it sees all they did.
 */
export async function recount(tx: Queryable, row: CommentRow) {
  await tx.query(`UPDATE threads SET comment_count = (SELECT COUNT(*) FROM comments WHERE thread_id = ? AND ${COUNTED}) WHERE id = ?`, [
    row.thread_id,
    row.thread_id,
  ]);
  return row;
}

export async function insertRow(tx: Queryable, row: NewRow): Promise<CommentRow> {
  const number = row.status === 'published' ? await nextNumber(tx, row) : await heldNumber(tx, row);
  if (number === undefined) throw new ChimeError('closed', 'This thread is closed for new comments.');

  let rootId = row.id;
  if (row.parentId) {
    const parent = await tx.query<{ root_id: string }>(`SELECT root_id FROM comments WHERE id = ? AND thread_id = ? AND ${VISIBLE}`, [
      row.parentId,
      row.threadId,
    ]);
    rootId = parent.rows[0]?.root_id ?? '';
    if (!rootId) throw new ChimeError('validation', 'The comment you reply to does not exist in this thread.', 'parentId');
  }
  const { rows } = await tx.query<CommentRow>(
    `INSERT INTO comments (id, thread_id, parent_id, root_id, number, author_name, author_website, author_email, avatar_hash,
       author_role, author_user, author_avatar, body, content_hash, edit_token_hash, status, created_at, changed_at, public_at,
       ip_hash, email_hash, text_hash, held_reason)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING RETURNING *`,
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
      row.user ?? null,
      row.avatar ?? null,
      row.body,
      row.contentHash,
      row.editTokenHash,
      row.status,
      row.createdAt,
      row.createdAt,
      row.status === 'published' ? row.createdAt : null,
      row.ipHash ?? null,
      row.emailHash ?? null,
      row.textHash ?? null,
      row.heldReason ?? null,
    ],
  );
  // Rolls back the thread's number (and count) too: numbers stay gap-free.
  if (!rows[0]) throw TAKEN;
  return rows[0];
}

/**
 * The thread's next number for a comment published as it is posted. Creates the thread or takes
 * its row lock, so numbers are handed out one at a time, even across instances. A closed thread
 * (unless the poster has a role) updates nothing: undefined.
 */
async function nextNumber(tx: Queryable, row: NewRow): Promise<number | undefined> {
  const thread = await tx.query<{ last_number: number }>(
    `INSERT INTO threads (id, last_number, version, comment_count) VALUES (?, 1, 1, 1)
     ON CONFLICT (id) DO UPDATE SET last_number = threads.last_number + 1, version = threads.version + 1,
       comment_count = threads.comment_count + 1
     WHERE threads.closed = 0 OR ? = 1
     RETURNING last_number`,
    [row.threadId, row.role ? 1 : 0],
  );
  return thread.rows[0]?.last_number;
}

/**
 * A comment readers cannot see yet (awaiting approval, judged spam) is numbered -1, -2, ... in
 * its thread, and takes the thread's next number only once published (publishHeld): readers
 * count 1, 2, 3 with no gaps for what they never saw. Takes the thread's row lock as nextNumber does.
 */
async function heldNumber(tx: Queryable, row: NewRow): Promise<number | undefined> {
  const thread = await tx.query(
    'INSERT INTO threads (id) VALUES (?) ON CONFLICT (id) DO UPDATE SET closed = threads.closed WHERE threads.closed = 0 OR ? = 1 RETURNING id',
    [row.threadId, row.role ? 1 : 0],
  );
  if (thread.rows.length === 0) return undefined;
  const { rows } = await tx.query<{ held: number }>('SELECT COALESCE(MIN(number), 0) - 1 AS held FROM comments WHERE thread_id = ? AND number < 0', [
    row.threadId,
  ]);
  return Math.min(Number(rows[0]!.held), -1);
}

/** Gives a comment still numbered as held (below 0) the thread's next number: call as it is published, under the thread's lock. */
export async function publishHeld(tx: Queryable, id: string) {
  const held = (await tx.query<{ thread_id: string }>('SELECT thread_id FROM comments WHERE id = ? AND number < 0', [id])).rows[0];
  if (!held) return;
  const { rows } = await tx.query<{ last_number: number }>('UPDATE threads SET last_number = last_number + 1 WHERE id = ? RETURNING last_number', [
    held.thread_id,
  ]);
  await tx.query('UPDATE comments SET number = ? WHERE id = ?', [rows[0]!.last_number, id]);
}

const WIPED = `deleted = 1, body = '', author_name = '', author_website = NULL, author_email = NULL, avatar_hash = NULL,
  author_role = NULL, author_user = NULL, author_avatar = NULL, edit_token_hash = NULL, ip_hash = NULL, email_hash = NULL, text_hash = NULL,
  held_reason = NULL, changed_at = ?`;

/**
 * Deletes a comment: a placeholder while it has replies (other than tombstones), otherwise a
 * tombstone, and so are the placeholders above it left without replies.
 */
export async function prune(tx: Queryable, row: CommentRow): Promise<{ placeholder: boolean; removed: string[] }> {
  const now = Date.now();
  const replies = await tx.query("SELECT 1 FROM comments WHERE parent_id = ? AND status <> 'removed' LIMIT 1", [row.id]);
  if (replies.rows.length > 0) {
    await tx.query(`UPDATE comments SET ${WIPED} WHERE id = ?`, [now, row.id]);
    return { placeholder: true, removed: [] };
  }
  // The id and the hash of what was posted stay: the id cannot be taken, a retry is recognised.
  await tx.query(`UPDATE comments SET ${WIPED}, status = 'removed', pinned = 0, reaction_count = 0, reaction_counts = '{}' WHERE id = ?`, [
    now,
    row.id,
  ]);
  await tx.query('DELETE FROM reactions WHERE comment_id = ?', [row.id]);
  const parent = row.parent_id ? (await tx.query<CommentRow>('SELECT * FROM comments WHERE id = ?', [row.parent_id])).rows[0] : undefined;
  // A placeholder is only kept for its replies; once the last one goes, so does it.
  const above = parent?.deleted === 1 && parent.status !== 'removed' ? (await prune(tx, parent)).removed : [];
  return { placeholder: false, removed: [row.id, ...above] };
}

/** Toggles one reaction and keeps the comment's counts (by kind, and in all) beside it. */
export async function toggleReaction(tx: Queryable, commentId: string, kind: string, reader: string, on: boolean) {
  const found = await tx.query<CommentRow>(`SELECT * FROM comments WHERE id = ? AND ${COUNTED}`, [commentId]);
  await touchThread(tx, found.rows[0] ?? notFound());
  const params = [commentId, kind, reader];
  const changed = on
    ? await tx.query('INSERT INTO reactions (comment_id, kind, reader) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', params)
    : await tx.query('DELETE FROM reactions WHERE comment_id = ? AND kind = ? AND reader = ?', params);
  const { rows } = await tx.query<{ kind: string; n: number }>('SELECT kind, COUNT(*) AS n FROM reactions WHERE comment_id = ? GROUP BY kind', [
    commentId,
  ]);
  const counts = Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
  if (changed.rowCount > 0) {
    const total = rows.reduce((sum, r) => sum + Number(r.n), 0);
    await tx.query('UPDATE comments SET reaction_counts = ?, reaction_count = ? WHERE id = ?', [JSON.stringify(counts), total, commentId]);
  }
  return counts;
}
