import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { SqlStorage } from './sql.ts';
import type { Driver, Queryable, QueryResult, Signal, Storage } from './types.ts';

/** One bus per database file, so every app in this process that shares the file hears the others. */
const buses = new Map<string, EventEmitter>();

/** Opens (creating it and its directory if needed) a SQLite database file. */
export function openSqlite(file: string): Storage {
  const path = resolve(file);
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  let bus = buses.get(path);
  if (!bus) buses.set(path, (bus = new EventEmitter().setMaxListeners(0)));
  return new SqlStorage(new SqliteDriver(db, bus));
}

class SqliteDriver implements Driver {
  private readonly statements = new Map<string, Database.Statement>();
  /** better-sqlite3 has one connection: while a transaction awaits, other queries must wait too. */
  private busy = false;
  private tail: Promise<unknown> = Promise.resolve();
  private readonly inside: Queryable = {
    query: async (sql, params) => this.run(sql, params) as never,
    exec: async (sql) => void this.db.exec(sql),
  };

  constructor(
    private readonly db: Database.Database,
    private readonly bus: EventEmitter,
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
