import type { SortOrder } from 'chime-comments/protocol';
import type { CommentRow, Cursor, PageBudget, Queryable, ReplyQuery, ListQuery } from './types.ts';

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

/**
 * What a comment weighs in a page's JSON, roughly: its text in bytes plus the fields around it.
 * Read by the database, so a page's budget is kept without fetching what does not fit.
 */
const SIZE = 'octet_length(c.body) + octet_length(c.author_name) + COALESCE(octet_length(c.author_website), 0) + 320';

/** A row of a page, with where it stands in its top-level comment's subtree. */
type Ranked = CommentRow & { pos: number; rank: number; replies: number; roots: number };

export interface TopPage {
  /** Top-level comments in order, each followed by the replies of it that fit (oldest first). */
  rows: CommentRow[];
  next: Cursor | null;
  /** Top-level comments whose replies did not all fit: how many were left out, and the number of the last one shown (or the root's). */
  moreReplies: Map<string, { count: number; after: number }>;
}

/**
 * One page of a thread in one query whose size does not depend on the thread: up to `limit`
 * top-level comments in sort order, each with at most `budget.replies` of its replies, cut
 * where the running size passes `budget.bytes` (the first top-level comment always comes).
 * Top-level comments are the first of their subtree by number, so rank 0 is the root itself.
 */
export async function readTopPage(db: Queryable, { threadId, sort, after, limit }: ListQuery, budget: PageBudget): Promise<TopPage> {
  const [condition, params] = AFTER[sort];
  const keyset = after ? ` AND ${condition}` : '';
  const { rows } = await db.query<Ranked>(
    `WITH roots AS (
       SELECT id, ROW_NUMBER() OVER (ORDER BY ${ORDER[sort]}) AS pos FROM comments
       WHERE thread_id = ? AND parent_id IS NULL AND status = 'published'${keyset} ORDER BY ${ORDER[sort]} LIMIT ?
     ), tree AS (
       SELECT c.id, r.pos, ROW_NUMBER() OVER (PARTITION BY c.root_id ORDER BY c.number) - 1 AS rank,
         COUNT(*) OVER (PARTITION BY c.root_id) - 1 AS replies
       FROM roots r JOIN comments c ON c.root_id = r.id AND c.status = 'published'
       WHERE r.pos <= ?
     ), sized AS (
       SELECT t.*, ${SIZE} AS size, SUM(${SIZE}) OVER (ORDER BY t.pos, t.rank ROWS UNBOUNDED PRECEDING) AS running
       FROM tree t JOIN comments c ON c.id = t.id WHERE t.rank <= ?
     )
     SELECT c.*, s.pos, s.rank, s.replies, (SELECT COUNT(*) FROM roots) AS roots
     FROM sized s JOIN comments c ON c.id = s.id
     WHERE s.running - s.size < ? OR s.pos = 1 AND s.rank = 0
     ORDER BY s.pos, s.rank`,
    [threadId, ...(after ? params(after) : []), limit + 1, limit, budget.replies, budget.bytes],
  );
  const moreReplies = new Map<string, { count: number; after: number }>();
  let last: Ranked | undefined;
  for (const [i, row] of rows.entries()) {
    if (row.rank === 0) last = row;
    const nextRank = rows[i + 1]?.pos === row.pos ? rows[i + 1]!.rank : Infinity;
    // The subtree ends here: whatever of it is not on the page is left for `root` paging.
    if (nextRank === Infinity && row.rank < row.replies) moreReplies.set(row.root_id, { count: row.replies - row.rank, after: row.number });
  }
  const cut = last !== undefined && (last.pos < Math.min(limit, last.roots) || last.roots > limit);
  const next = cut && last ? { sort, pinned: last.pinned, reactions: last.reaction_count, number: last.number } : null;
  return { rows, next, moreReplies };
}

/**
 * Replies under top-level comment `root` (any depth, oldest first) numbered after `after`: up to
 * `limit`, cut at the budget like a page (the first always comes). Returns them and whether more follow.
 */
export async function readReplies(db: Queryable, { root, after, limit }: ReplyQuery, budget: PageBudget) {
  const { rows } = await db.query<CommentRow & { members: number }>(
    `WITH tree AS (
       SELECT id, number FROM comments c
       WHERE root_id = ? AND parent_id IS NOT NULL AND status = 'published' AND number > ? ORDER BY number LIMIT ?
     ), sized AS (
       SELECT t.id, t.number, ${SIZE} AS size, SUM(${SIZE}) OVER (ORDER BY t.number ROWS UNBOUNDED PRECEDING) AS running,
         ROW_NUMBER() OVER (ORDER BY t.number) AS pos
       FROM tree t JOIN comments c ON c.id = t.id
     )
     SELECT c.*, (SELECT COUNT(*) FROM tree) AS members FROM sized s JOIN comments c ON c.id = s.id
     WHERE s.pos <= ? AND (s.running - s.size < ? OR s.pos = 1)
     ORDER BY s.number`,
    [root, after, limit + 1, limit, budget.bytes],
  );
  const more = rows.length > 0 && (rows[0]!.members > limit || rows.length < rows[0]!.members);
  return { rows, more };
}
