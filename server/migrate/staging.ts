/**
 * The staging area: everything a reader hands on goes into a throwaway SQLite file first, so
 * that (1) the whole export is read and checked before anything is written, (2) comments can be
 * put together per thread whatever order the file lists them in (Disqus lists posts apart from
 * their threads), and (3) memory holds one thread at a time, never the file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Sink, SourceComment, SourceThread } from './records.ts';

export interface Note {
  line: number;
  message: string;
}

/** What an import did, for the terminal, a log or the console. */
export interface Summary {
  /** Threads that got at least one new comment. */
  threads: number;
  imported: number;
  /** Already stored (an earlier import), or listed twice in the file. */
  duplicates: number;
  skipped: number;
  skippedBy: Record<string, number>;
  errors: Note[];
  errorCount: number;
  warnings: Note[];
  warningCount: number;
  /** The file could not be read to its end (not well-formed, or not this format). */
  fatal: Note | null;
  /** False when nothing was written: errors without --partial, or a dry run. */
  written: boolean;
}

/** Notes kept per list; past this they are only counted (a file of bad records must not fill memory). */
const MAX_NOTES = 1000;
/** Rows per staging transaction. */
const BATCH = 5000;

export interface StagedThread {
  threadId: string;
  closed: boolean;
  lastNumber: number;
}

export class Staging implements Sink {
  readonly summary: Summary = {
    threads: 0,
    imported: 0,
    duplicates: 0,
    skipped: 0,
    skippedBy: {},
    errors: [],
    errorCount: 0,
    warnings: [],
    warningCount: 0,
    fatal: null,
    written: false,
  };
  private readonly dir = mkdtempSync(join(tmpdir(), 'chime-import-'));
  private readonly db = new Database(join(this.dir, 'staging.sqlite'));
  private readonly add;
  private pending = 0;

  constructor() {
    this.db.pragma('journal_mode = OFF');
    this.db.pragma('synchronous = OFF');
    this.db.exec(`
      CREATE TABLE threads (key TEXT PRIMARY KEY, thread_id TEXT, problem TEXT, closed INTEGER, last_number INTEGER, line INTEGER);
      CREATE TABLE comments (seq INTEGER PRIMARY KEY, id TEXT UNIQUE, thread_key TEXT, ord INTEGER, line INTEGER, data TEXT);
      CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT);`);
    this.add = {
      thread: this.db.prepare('INSERT OR IGNORE INTO threads VALUES (?, ?, ?, ?, ?, ?)'),
      comment: this.db.prepare('INSERT OR IGNORE INTO comments (id, thread_key, ord, line, data) VALUES (?, ?, ?, ?, ?)'),
      setting: this.db.prepare('INSERT OR REPLACE INTO settings VALUES (?, ?)'),
    };
    this.db.exec('BEGIN');
  }

  thread(t: SourceThread) {
    this.write(() => this.add.thread.run(t.key, t.threadId, t.problem ?? null, Number(t.closed), t.lastNumber, t.line));
  }

  comment(c: SourceComment) {
    const { changes } = this.write(() => this.add.comment.run(c.id, c.threadKey, c.exact?.number ?? c.createdAt, c.line, JSON.stringify(c)));
    if (changes === 0) this.summary.duplicates++;
  }

  setting(name: string, value: string) {
    this.add.setting.run(name, value);
  }

  skip(reason: string) {
    this.summary.skipped++;
    this.summary.skippedBy[reason] = (this.summary.skippedBy[reason] ?? 0) + 1;
  }

  error(message: string, line: number) {
    if (this.summary.errors.length < MAX_NOTES) this.summary.errors.push({ line, message });
    this.summary.errorCount++;
  }

  warn(message: string, line: number) {
    if (this.summary.warnings.length < MAX_NOTES) this.summary.warnings.push({ line, message });
    this.summary.warningCount++;
  }

  /** After the last record: comments no thread can take are errors. */
  finish() {
    this.db.exec('COMMIT');
    this.db.exec(`
      CREATE INDEX comments_thread ON comments (thread_key, ord, seq);
      CREATE INDEX threads_id ON threads (thread_id);
      -- What gets written: threads with comments, closed ones, and those a backup numbered.
      CREATE VIEW writable AS SELECT thread_id, MAX(closed) AS closed, MAX(last_number) AS last_number FROM threads t
        WHERE thread_id IS NOT NULL GROUP BY thread_id
        HAVING MAX(closed) = 1 OR MAX(last_number) > 0 OR EXISTS (SELECT 1 FROM comments c JOIN threads k ON k.key = c.thread_key WHERE k.thread_id = t.thread_id);`);
    const homeless = this.db
      .prepare(
        `SELECT c.thread_key AS key, COUNT(*) AS n, t.problem AS problem, COALESCE(t.line, MIN(c.line)) AS line
         FROM comments c LEFT JOIN threads t ON t.key = c.thread_key WHERE t.thread_id IS NULL GROUP BY c.thread_key ORDER BY line`,
      )
      .all() as Array<{ key: string; n: number; problem: string | null; line: number }>;
    for (const t of homeless) {
      const comments = `${t.n} comment${t.n === 1 ? '' : 's'}`;
      this.error(
        t.problem === null ? `${comments} of thread "${t.key}", which the file does not have` : `${t.problem}: its ${comments} cannot be imported`,
        t.line,
      );
    }
  }

  /** Comments that have a thread to go to. */
  importable(): number {
    return this.db
      .prepare('SELECT COUNT(*) FROM comments c JOIN threads t ON t.key = c.thread_key WHERE t.thread_id IS NOT NULL')
      .pluck()
      .get() as number;
  }

  threadCount(): number {
    return this.db.prepare('SELECT COUNT(*) FROM writable').pluck().get() as number;
  }

  /** The threads to write, in id order, read a page at a time (the connection stays free for comments()). */
  *threads(): Generator<StagedThread> {
    const page = this.db.prepare('SELECT thread_id, closed, last_number FROM writable WHERE thread_id > ? ORDER BY thread_id LIMIT 500');
    for (let after = ''; ;) {
      const rows = page.all(after) as Array<{ thread_id: string; closed: number; last_number: number }>;
      for (const r of rows) yield { threadId: r.thread_id, closed: r.closed === 1, lastNumber: r.last_number };
      if (rows.length < 500) return;
      after = rows.at(-1)!.thread_id;
    }
  }

  /** A thread's comments in order of arrival (by date; for a backup, by number), then as listed. */
  comments(threadId: string): SourceComment[] {
    const rows = this.db
      .prepare('SELECT c.data FROM comments c JOIN threads t ON t.key = c.thread_key WHERE t.thread_id = ? ORDER BY c.ord, c.seq')
      .pluck()
      .all(threadId) as string[];
    return rows.map((data) => JSON.parse(data) as SourceComment);
  }

  settings(): Array<{ name: string; value: string }> {
    return this.db.prepare('SELECT name, value FROM settings ORDER BY name').all() as Array<{ name: string; value: string }>;
  }

  close() {
    this.db.close();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Commits every BATCH rows: one transaction per row would make staging the slow part. */
  private write<T>(run: () => T): T {
    const result = run();
    if (++this.pending % BATCH === 0) this.db.exec('COMMIT; BEGIN');
    return result;
  }
}
