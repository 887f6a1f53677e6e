import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { sqliteFailure } from './failures.ts';
import { SqlStorage } from './sql.ts';
import { GroupCommit } from './sqlite-commits.ts';
import { FileWatch } from './sqlite-file.ts';
import type { Driver, Queryable, QueryResult, Signal, Storage, StorageOptions } from './types.ts';

/**
 * One driver per file in this process, shared by every app opened on it: a second connection
 * here would only compete for the same write lock. Sharing it also makes the bus reach all of them.
 */
const open = new Map<string, SqliteDriver>();

/** Opens (creating it and its directory if needed) a SQLite database file. */
export function openSqlite(file: string, options: StorageOptions): Storage {
  const path = resolve(file);
  let driver = open.get(path);
  if (!driver) {
    mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    // Commits write the WAL without waiting for the disk; GroupCommit syncs it before any is
    // acknowledged (an acknowledged comment survives a power cut), off the event loop.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // better-sqlite3 waits for a lock on the event loop, stalling every request: never wait
    // there (SQLITE_BUSY at once), retry asynchronously instead (SqliteDriver.retrying).
    db.pragma('busy_timeout = 0');
    if (options.sqliteMaxBytes)
      db.pragma(`max_page_count = ${Math.floor(options.sqliteMaxBytes / (db.pragma('page_size', { simple: true }) as number))}`);
    driver = new SqliteDriver(db, path, options.timeoutMs, () => open.delete(path));
    open.set(path, driver);
  }
  driver.users++;
  return new SqlStorage(driver);
}

class SqliteDriver implements Driver {
  readonly dialect = 'sqlite';
  /**
   * In memory: one process serves a SQLite file, and counters need no durability, so counting a
   * post costs no sync to disk (a restart forgets the current windows).
   */
  readonly rateLimits = 'temp.chime_rate_limits';
  /** Apps sharing this connection; the last close() closes it. */
  users = 0;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly inside: Queryable = {
    query: async (sql, params) => this.run(sql, params) as never,
    exec: async (sql) => void this.db.exec(sql),
  };
  private readonly bus = new EventEmitter().setMaxListeners(0);
  private readonly file: FileWatch;
  private readonly commits: GroupCommit;

  constructor(
    private readonly db: Database.Database,
    path: string,
    private readonly timeoutMs: number,
    private readonly onClose: () => void,
  ) {
    this.file = new FileWatch(db, path);
    this.commits = new GroupCommit(
      db,
      `${path}-wal`,
      (step) => this.retrying(step),
      () => this.file.check(),
      this.inside,
    );
    db.exec(
      `CREATE TABLE IF NOT EXISTS ${this.rateLimits} (key TEXT NOT NULL, window_start BIGINT NOT NULL, hits INTEGER NOT NULL, PRIMARY KEY (key, window_start))`,
    );
  }

  async query<R>(sql: string, params: unknown[] = []): Promise<QueryResult<R>> {
    return this.retrying(async () => {
      // One connection: while a transaction awaits, other queries wait for it.
      while (this.commits.busy) await this.commits.running;
      return this.run(sql, params) as QueryResult<R>;
    });
  }

  async exec(sql: string) {
    while (this.commits.busy) await this.commits.running;
    this.db.exec(sql);
  }

  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.commits.run(fn);
  }

  async lockForMigration() {
    // BEGIN IMMEDIATE already holds the database's write lock.
  }

  isUniqueViolation(err: unknown) {
    const code = (err as { code?: unknown }).code;
    return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
  }

  async publish(signal: Signal) {
    this.bus.emit('signal', signal);
  }

  async subscribe(listener: (signal: Signal) => void) {
    this.bus.on('signal', listener);
    return () => void this.bus.off('signal', listener);
  }

  describe() {
    const mode = this.db.pragma('journal_mode', { simple: true }) as string;
    const sync = ['off', 'normal', 'full', 'extra'][this.db.pragma('synchronous', { simple: true }) as number];
    return `SQLite ${this.db.name} (journal_mode=${mode}, synchronous=${sync}, each commit's WAL synced before it is acknowledged)`;
  }

  onFatal(listener: (err: Error) => void) {
    this.file.onLost(listener);
  }

  async close() {
    if (--this.users > 0) return;
    this.onClose();
    this.file.stop();
    // Acknowledgements still waiting for their sync get it first.
    await this.commits.close();
    this.db.close();
  }

  /** Runs fn until it gets past a lock another process holds, for at most the timeout, waiting between tries. */
  private async retrying<T>(fn: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + this.timeoutMs;
    for (let wait = 2; ; wait = Math.min(wait * 2, 50)) {
      try {
        return await fn();
      } catch (err) {
        const failure = sqliteFailure(err);
        const locked = /^SQLITE_(BUSY|LOCKED)/.test(String((err as { code?: unknown }).code));
        if (!locked || Date.now() + wait > deadline) throw failure;
        await sleep(wait);
      }
    }
  }

  private run(sql: string, params: unknown[] = []): QueryResult<unknown> {
    let statement = this.statements.get(sql);
    if (!statement) {
      // IN (?, ?, ...) lists make a statement per length; keep the cache bounded anyway.
      if (this.statements.size > 500) this.statements.clear();
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    if (!statement.readonly) this.file.check();
    if (statement.reader) {
      const rows = statement.all(...params);
      return { rows, rowCount: rows.length };
    }
    return { rows: [], rowCount: statement.run(...params).changes };
  }
}
