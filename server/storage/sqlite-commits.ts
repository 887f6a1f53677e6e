import type Database from 'better-sqlite3';
import { sqliteFailure } from './failures.ts';
import type { Queryable } from './types.ts';

interface Pending {
  fn: (tx: Queryable) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit: every commit waits for the disk (synchronous=FULL), so the transactions that
 * queue up while one commits go together, in one BEGIN ... COMMIT and one sync, each in its own
 * SAVEPOINT (one that fails is rolled back alone). Each is acknowledged only after the COMMIT.
 */
export class GroupCommit {
  private queue: Pending[] = [];
  /** Settles when the batches queued are written; set while they are. */
  running: Promise<void> | null = null;
  /** True while a transaction is open on the connection: other queries must wait, or they would see it half done. */
  busy = false;

  constructor(
    private readonly db: Database.Database,
    /** Runs one step, retrying while another process holds the lock. */
    private readonly retrying: <T>(step: () => Promise<T>) => Promise<T>,
    /** Throws if writing must not happen (the database file is gone). */
    private readonly check: () => void,
    private readonly tx: Queryable,
  ) {}

  run<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ fn, resolve: resolve as (value: unknown) => void, reject });
      this.running ??= this.drain();
    });
  }

  private async drain() {
    while (this.queue.length > 0) await this.write(this.queue.splice(0));
    this.running = null;
  }

  private async write(batch: Pending[]) {
    const done: [Pending, unknown][] = [];
    try {
      this.check();
      // Queries go on while we wait for the write lock; only once it is ours do they wait for us.
      await this.retrying(async () => this.db.exec('BEGIN IMMEDIATE'));
    } catch (err) {
      batch.forEach((p) => p.reject(sqliteFailure(err)));
      return;
    }
    this.busy = true;
    try {
      for (const pending of batch) {
        this.db.exec('SAVEPOINT chime');
        try {
          done.push([pending, await pending.fn(this.tx)]);
          this.db.exec('RELEASE chime');
        } catch (err) {
          // SQLite has rolled the whole transaction back after some errors (a full disk): the
          // batch is lost. Rolling back again would hide the cause ("cannot rollback").
          if (!this.db.inTransaction) throw err;
          this.db.exec('ROLLBACK TO chime');
          this.db.exec('RELEASE chime');
          pending.reject(sqliteFailure(err));
        }
      }
      await this.retrying(async () => this.db.exec('COMMIT'));
    } catch (err) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      // Nothing of the batch was stored (rejecting one already refused changes nothing).
      batch.forEach((pending) => pending.reject(sqliteFailure(err)));
      return;
    } finally {
      this.busy = false;
    }
    done.forEach(([pending, value]) => pending.resolve(value));
  }
}
