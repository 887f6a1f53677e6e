/**
 * Bulk writes and reads for imports and backups (server/migrate), in the same portable SQL as
 * sql.ts: a whole thread's comments in one transaction, and every row page by page.
 */
import type { AuthorRole } from 'chime-comments/protocol';
import type { CommentRow, Driver, Queryable, Status } from './types.ts';

/** A comment to import; `number` null means "next in the thread". */
export interface ImportRow {
  id: string;
  parentId: string | null;
  number: number | null;
  name: string;
  website: string | null;
  email: string | null;
  avatarHash: string | null;
  /** Keyed hash of the email (comments.email_hash), or null. */
  emailHash?: string | null;
  role: AuthorRole | null;
  body: string;
  contentHash: string;
  editTokenHash: string | null;
  status: Status;
  deleted: boolean;
  pinned: boolean;
  createdAt: number;
  editedAt: number | null;
  changedAt: number;
  reactions: Array<{ kind: string; reader: string }>;
}

export interface ImportThread {
  id: string;
  /** Closes the thread; an import never reopens one. */
  closed: boolean;
  /** The last number handed out, when the comments keep theirs (a backup); else 0. */
  lastNumber: number;
  /** Parents before their replies. */
  comments: ImportRow[];
}

export interface ImportOutcome {
  created: number;
  /** Ids already stored (in any thread): left as they are. */
  duplicates: number;
  /** The comments had numbers of their own, but the thread already had comments: numbered after them. */
  renumbered: boolean;
}

export interface ThreadRecord {
  id: string;
  closed: boolean;
  lastNumber: number;
}

export type ExportedRow = CommentRow & { reactions: Array<{ kind: string; reader: string }> };

const COLUMNS = [
  'id',
  'thread_id',
  'parent_id',
  'root_id',
  'number',
  'author_name',
  'author_website',
  'author_email',
  'avatar_hash',
  'author_role',
  'body',
  'content_hash',
  'edit_token_hash',
  'status',
  'deleted',
  'pinned',
  'reaction_count',
  'created_at',
  'edited_at',
  'changed_at',
  'public_at',
  'reaction_counts',
  'email_hash',
];
const HELD = new Set<Status>(['spam', 'trash']);
/** Rows per INSERT: few round trips, far below either database's limit on parameters. */
const CHUNK = 100;

const values = (rows: number, columns: number) =>
  Array.from({ length: rows }, () => `(${Array.from({ length: columns }, () => '?').join(', ')})`).join(', ');
const chunks = <T>(items: T[], size: number) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

export function importThread(db: Driver, thread: ImportThread): Promise<ImportOutcome> {
  return db.transaction(async (tx) => {
    await tx.query('INSERT INTO threads (id) VALUES (?) ON CONFLICT (id) DO NOTHING', [thread.id]);
    // Takes the thread's row lock, as every writer of its comments does: numbers stay gap-free.
    const locked = await tx.query<{ last_number: number }>('UPDATE threads SET version = version + 1 WHERE id = ? RETURNING last_number', [
      thread.id,
    ]);
    const last = Number(locked.rows[0]!.last_number);
    const roots = await storedRoots(
      tx,
      thread.comments.map((c) => c.id),
    );
    const fresh = thread.comments.filter((c) => !roots.has(c.id));
    const numbered = thread.comments.some((c) => c.number !== null);
    const keep = numbered && last === 0 && fresh.length === thread.comments.length && fresh.every((c) => c.number !== null);

    // Spam and deleted comments are numbered after the rest: readers count 1, 2, 3 with no gaps
    // for what they never saw. Insertion keeps the given order (parents first).
    let next = last;
    const numbers = new Map<string, number>();
    for (const c of [...fresh.filter((c) => !HELD.has(c.status)), ...fresh.filter((c) => HELD.has(c.status))]) {
      numbers.set(c.id, keep ? c.number! : ++next);
    }
    const params = fresh.map((c) => {
      const root = (c.parentId && roots.get(c.parentId)) || c.id;
      roots.set(c.id, root);
      const number = numbers.get(c.id)!;
      // prettier-ignore
      return [c.id, thread.id, root === c.id ? null : c.parentId, root, number, c.name, c.website, c.email, c.avatarHash, c.role, c.body,
        c.contentHash, c.editTokenHash, c.status, Number(c.deleted), Number(c.pinned), c.reactions.length, c.createdAt, c.editedAt, c.changedAt,
        c.status === 'published' ? c.createdAt : null, JSON.stringify(countReactions(c.reactions)), c.emailHash ?? null];
    });
    for (const chunk of chunks(params, CHUNK)) {
      const sql = `INSERT INTO comments (${COLUMNS.join(', ')}) VALUES ${values(chunk.length, COLUMNS.length)} ON CONFLICT (id) DO NOTHING`;
      const { rowCount } = await tx.query(sql, chunk.flat());
      // Only another import of the same comments at this very moment: roll back, numbers unused.
      if (rowCount !== chunk.length) throw new Error(`comments of thread ${thread.id} were imported by someone else meanwhile; run the import again`);
    }
    const reactions = fresh.flatMap((c) => c.reactions.map((r) => [c.id, r.kind, r.reader]));
    for (const chunk of chunks(reactions, CHUNK * 3)) {
      await tx.query(`INSERT INTO reactions (comment_id, kind, reader) VALUES ${values(chunk.length, 3)} ON CONFLICT DO NOTHING`, chunk.flat());
    }
    const lastNumber = keep ? [...numbers.values()].reduce((a, b) => Math.max(a, b), thread.lastNumber) : next;
    await tx.query(
      `UPDATE threads SET last_number = ?, closed = CASE WHEN ? = 1 THEN 1 ELSE closed END,
         comment_count = (SELECT COUNT(*) FROM comments WHERE thread_id = ? AND status = 'published' AND deleted = 0) WHERE id = ?`,
      [lastNumber, thread.closed ? 1 : 0, thread.id, thread.id],
    );
    return { created: fresh.length, duplicates: thread.comments.length - fresh.length, renumbered: numbered && !keep && fresh.length > 0 };
  });
}

/** Reaction counts by kind, as comments keep them beside their reactions. */
function countReactions(given: Array<{ kind: string }>) {
  const counts: Record<string, number> = {};
  for (const { kind } of given) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

/** Root ids of the comments among `ids` that are already stored. */
async function storedRoots(tx: Queryable, ids: string[]) {
  const roots = new Map<string, string>();
  for (const chunk of chunks(ids, CHUNK * 5)) {
    const { rows } = await tx.query<{ id: string; root_id: string }>(
      `SELECT id, root_id FROM comments WHERE id IN (${chunk.map(() => '?').join(', ')})`,
      chunk,
    );
    for (const row of rows) roots.set(row.id, row.root_id);
  }
  return roots;
}

/** Threads in id order after `after` (or just `only`), for a backup. */
export async function exportThreads(db: Queryable, after: string | null, limit: number, only: string | null): Promise<ThreadRecord[]> {
  const { rows } = only
    ? await db.query<{ id: string; closed: number; last_number: number }>('SELECT id, closed, last_number FROM threads WHERE id = ?', [only])
    : await db.query<{ id: string; closed: number; last_number: number }>(
        'SELECT id, closed, last_number FROM threads WHERE id > ? ORDER BY id LIMIT ?',
        [after ?? '', limit],
      );
  return rows.map((r) => ({ id: r.id, closed: Number(r.closed) === 1, lastNumber: Number(r.last_number) }));
}

/** A thread's comments (any status) in number order after `afterNumber`, with who gave which reaction. */
export async function exportComments(db: Queryable, threadId: string, afterNumber: number, limit: number): Promise<ExportedRow[]> {
  const { rows } = await db.query<CommentRow>('SELECT * FROM comments WHERE thread_id = ? AND number > ? ORDER BY number LIMIT ?', [
    threadId,
    afterNumber,
    limit,
  ]);
  const reactions = new Map<string, Array<{ kind: string; reader: string }>>();
  if (rows.length > 0) {
    const given = await db.query<{ comment_id: string; kind: string; reader: string }>(
      `SELECT comment_id, kind, reader FROM reactions WHERE comment_id IN (${rows.map(() => '?').join(', ')}) ORDER BY comment_id, kind, reader`,
      rows.map((r) => r.id),
    );
    for (const r of given.rows) reactions.set(r.comment_id, [...(reactions.get(r.comment_id) ?? []), { kind: r.kind, reader: r.reader }]);
  }
  return rows.map((r) => ({ ...r, reactions: reactions.get(r.id) ?? [] }));
}

/**
 * The settings a backup carries: the site key (avatar hashes, reader ids, signed links) and the
 * owner's choices. Never the console's password hash (a backup is a file that travels), nor
 * anything else: an imported file must not be able to set it either.
 */
export const BACKUP_SETTINGS: readonly string[] = ['owner-settings', 'site-key'];

export async function exportSettings(db: Queryable): Promise<Array<{ name: string; value: string }>> {
  const names = BACKUP_SETTINGS.map(() => '?').join(', ');
  return (
    await db.query<{ name: string; value: string }>(`SELECT name, value FROM chime_settings WHERE name IN (${names}) ORDER BY name`, [
      ...BACKUP_SETTINGS,
    ])
  ).rows;
}
