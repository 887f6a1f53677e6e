import { closeStale, purgeExpired, purgeHeld } from './sql-retention.ts';
import type { BlockKind, BlockRow, OwnerListQuery, OwnerRow, OwnerStore, SessionRow, ThreadRow } from './owner-types.ts';
import type { Driver } from './types.ts';

/** `%text%` for LIKE … ESCAPE '\', matching the text literally and (ASCII) case-insensitively with LOWER(column). */
const contains = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The owner's side of storage (owner-types.ts), in the same portable SQL as sql.ts. */
export class SqlOwner implements OwnerStore {
  constructor(private readonly db: Driver) {}

  /** A write the owner is told is done: in a transaction, which on SQLite is what syncs it to disk. */
  private write(sql: string, params: unknown[] = []) {
    return this.db.transaction((tx) => tx.query(sql, params));
  }

  async list(q: OwnerListQuery): Promise<OwnerRow[]> {
    const where = ["c.status <> 'removed'"];
    const params: unknown[] = [];
    if (q.statuses) {
      where.push(`c.status IN (${q.statuses.map(() => '?').join(', ')})`);
      params.push(...q.statuses);
    }
    if (q.thread) {
      where.push("LOWER(c.thread_id) LIKE ? ESCAPE '\\'");
      params.push(contains(q.thread));
    }
    if (q.author) {
      where.push("(LOWER(c.author_name) LIKE ? ESCAPE '\\' OR LOWER(c.author_email) = ?)");
      params.push(contains(q.author), q.author.trim().toLowerCase());
    }
    if (q.text) {
      where.push("LOWER(c.body) LIKE ? ESCAPE '\\'");
      params.push(contains(q.text));
    }
    const [cmp, dir] = q.order === 'newest' ? ['<', 'DESC'] : ['>', 'ASC'];
    if (q.after) {
      where.push(`(c.created_at ${cmp} ? OR (c.created_at = ? AND c.id ${cmp} ?))`);
      params.push(q.after.createdAt, q.after.createdAt, q.after.id);
    }
    const { rows } = await this.db.query<OwnerRow>(
      `SELECT c.*, t.closed AS thread_closed,
         CASE WHEN EXISTS (SELECT 1 FROM blocked_authors b WHERE b.kind = 'ip' AND b.hash = c.ip_hash) THEN 1 ELSE 0 END AS ip_blocked,
         CASE WHEN EXISTS (SELECT 1 FROM blocked_authors b WHERE b.kind = 'email' AND b.hash = c.email_hash) THEN 1 ELSE 0 END AS email_blocked
       FROM comments c JOIN threads t ON t.id = c.thread_id
       WHERE ${where.join(' AND ')} ORDER BY c.created_at ${dir}, c.id ${dir} LIMIT ?`,
      [...params, q.limit],
    );
    return rows;
  }

  async statusCounts() {
    const { rows } = await this.db.query<{ status: string; n: number }>(
      "SELECT status, COUNT(*) AS n FROM comments WHERE status IN ('pending', 'spam', 'trash', 'hidden') GROUP BY status",
    );
    const counts: Record<string, number> = { pending: 0, spam: 0, trash: 0, hidden: 0 };
    for (const row of rows) counts[row.status] = Number(row.n);
    return counts;
  }

  async threads(search: string | null, after: string | null, limit: number): Promise<ThreadRow[]> {
    const { rows } = await this.db.query<ThreadRow>(
      `SELECT t.id, t.closed, t.keep_open, t.comment_count,
         (SELECT created_at FROM comments WHERE thread_id = t.id AND number = 1) AS started_at,
         (SELECT MAX(changed_at) FROM comments WHERE thread_id = t.id) AS last_changed_at
       FROM threads t WHERE t.id > ? AND LOWER(t.id) LIKE ? ESCAPE '\\' ORDER BY t.id LIMIT ?`,
      [after ?? '', contains(search ?? ''), limit],
    );
    return rows;
  }

  async setReason(id: string, reason: string) {
    await this.write('UPDATE comments SET held_reason = ? WHERE id = ?', [reason, id]);
  }

  async readSetting(name: string) {
    const { rows } = await this.db.query<{ value: string }>('SELECT value FROM chime_settings WHERE name = ?', [name]);
    return rows[0]?.value ?? null;
  }

  async writeSetting(name: string, value: string | null) {
    if (value === null) await this.write('DELETE FROM chime_settings WHERE name = ?', [name]);
    else
      await this.write('INSERT INTO chime_settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value', [
        name,
        value,
      ]);
  }

  async knownAuthor(emailHash: string | null, ipHash: string | null, name: string) {
    const published = "status = 'published' AND deleted = 0";
    const { rows } = emailHash
      ? await this.db.query(`SELECT 1 FROM comments WHERE email_hash = ? AND ${published} LIMIT 1`, [emailHash])
      : await this.db.query(`SELECT 1 FROM comments WHERE ip_hash = ? AND author_name = ? AND ${published} LIMIT 1`, [ipHash ?? '', name]);
    return rows.length > 0;
  }

  async duplicateText(textHash: string, since: number) {
    const { rows } = await this.db.query(
      "SELECT 1 FROM comments WHERE text_hash = ? AND created_at > ? AND deleted = 0 AND status <> 'removed' LIMIT 1",
      [textHash, since],
    );
    return rows.length > 0;
  }

  async blockedAs(ipHash: string | null, emailHash: string | null): Promise<BlockKind | null> {
    const { rows } = await this.db.query<{ kind: BlockKind }>(
      "SELECT kind FROM blocked_authors WHERE (kind = 'ip' AND hash = ?) OR (kind = 'email' AND hash = ?) ORDER BY kind LIMIT 1",
      [ipHash ?? '', emailHash ?? ''],
    );
    return rows[0]?.kind ?? null;
  }

  async blocks() {
    return (await this.db.query<BlockRow>('SELECT kind, hash, label, created_at FROM blocked_authors ORDER BY created_at DESC, hash')).rows;
  }

  async block(kind: BlockKind, hash: string, label: string, now: number) {
    await this.write('INSERT INTO blocked_authors (kind, hash, label, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (kind, hash) DO NOTHING', [
      kind,
      hash,
      label,
      now,
    ]);
    const { rows } = await this.db.query<BlockRow>('SELECT kind, hash, label, created_at FROM blocked_authors WHERE kind = ? AND hash = ?', [
      kind,
      hash,
    ]);
    return rows[0]!;
  }

  async unblock(kind: BlockKind, hash: string) {
    return (await this.write('DELETE FROM blocked_authors WHERE kind = ? AND hash = ?', [kind, hash])).rowCount > 0;
  }

  async createSession(idHash: string, via: SessionRow['via'], now: number, expiresAt: number) {
    await this.write('INSERT INTO owner_sessions (id_hash, via, created_at, expires_at) VALUES (?, ?, ?, ?)', [idHash, via, now, expiresAt]);
  }

  async session(idHash: string, now: number) {
    const { rows } = await this.db.query<SessionRow>('SELECT via, expires_at FROM owner_sessions WHERE id_hash = ? AND expires_at > ?', [
      idHash,
      now,
    ]);
    return rows[0] ?? null;
  }

  async endSession(idHash: string) {
    await this.write('DELETE FROM owner_sessions WHERE id_hash = ?', [idHash]);
  }

  async endAllSessions() {
    await this.write('DELETE FROM owner_sessions');
  }

  async keepOpen(threadId: string, keep: boolean) {
    await this.write('UPDATE threads SET keep_open = ? WHERE id = ?', [keep ? 1 : 0, threadId]);
  }

  closeStale(startedBefore: number, threadId?: string) {
    return closeStale(this.db, startedBefore, threadId);
  }

  purgeHeld(before: number) {
    return purgeHeld(this.db, before);
  }

  purgeExpired(before: number, now: number) {
    return purgeExpired(this.db, before, now);
  }
}
