import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { SqlStorage } from './sql.ts';
import type { Driver, Queryable, QueryResult, Signal, Storage } from './types.ts';

/**
 * One driver per file in this process, shared by every app opened on it: better-sqlite3 blocks
 * the event loop while it waits for a lock, so a second connection here would wait on a
 * transaction that cannot finish. Sharing it also makes the bus reach all of them.
 */
const open = new Map<string, SqliteDriver>();

/** Opens (creating it and its directory if needed) a SQLite database file. */
export function openSqlite(file: string): Storage {
  const path = resolve(file);
  let driver = open.get(path);
  if (!driver) {
    mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // Other processes on the same file (several servers, a backup tool) take turns.
    db.pragma('busy_timeout = 5000');
    driver = new SqliteDriver(db, () => open.delete(path));
    open.set(path, driver);
  }
  driver.users++;
  return new SqlStorage(driver);
}

class SqliteDriver implements Driver {
  readonly dialect = 'sqlite';
  /** Apps sharing this connection; the last close() closes it. */
  users = 0;
  private readonly statements = new Map<string, Database.Statement>();
  /** better-sqlite3 has one connection: while a transaction awaits, other queries must wait too. */
  private busy = false;
  private tail: Promise<unknown> = Promise.resolve();
  private readonly inside: Queryable = {
    query: async (sql, params) => this.run(sql, params) as never,
    exec: async (sql) => void this.db.exec(sql),
  };

  private readonly bus = new EventEmitter().setMaxListeners(0);

  constructor(
    private readonly db: Database.Database,
    private readonly onClose: () => void,
  ) {}

  async query<R>(sql: string, params: unknown[] = []): Promise<QueryResult<R>> {
    while (this.busy) await this.tail;
    return this.run(sql, params) as QueryResult<R>;
  }

  async exec(sql: string) {
    while (this.busy) await this.tail;
    this.db.exec(sql);
  }

  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const run = this.tail.then(async () => {
      this.busy = true;
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(this.inside);
        this.db.exec('COMMIT');
        return result;
      } catch (err) {
        this.db.exec('ROLLBACK');
        throw err;
      } finally {
        this.busy = false;
      }
    });
    this.tail = run.catch(() => undefined);
    return run;
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

  async close() {
    if (--this.users > 0) return;
    this.onClose();
    this.db.close();
  }

  private run(sql: string, params: unknown[] = []): QueryResult<unknown> {
    let statement = this.statements.get(sql);
    if (!statement) {
      // IN (?, ?, ...) lists make a statement per length; keep the cache bounded anyway.
      if (this.statements.size > 500) this.statements.clear();
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    if (statement.reader) {
      const rows = statement.all(...params);
      return { rows, rowCount: rows.length };
    }
    return { rows: [], rowCount: statement.run(...params).changes };
  }
}
