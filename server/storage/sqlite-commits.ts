import fs from 'node:fs';
import { promisify } from 'node:util';
import type Database from 'better-sqlite3';
import { sqliteFailure } from './failures.ts';
import type { Queryable } from './types.ts';

interface Pending {
  fn: (tx: Queryable) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

const fsync = promisify((fd: number, done: (err: NodeJS.ErrnoException | null) => void) => fs.fsync(fd, done));

/**
 * Group commit. An acknowledged comment must survive a power cut, so each commit's WAL frames
 * are synced to disk before it is acknowledged, as synchronous=FULL would, but here off the event
 * loop (FULL syncs inside COMMIT, stalling every request for the disk): SQLite writes the WAL
 * without syncing (synchronous=NORMAL), then the WAL file is fsync'ed in the thread pool. The
 * transactions that queue up meanwhile go together, in one BEGIN ... COMMIT and one sync, each in
 * its own SAVEPOINT (one that fails is rolled back alone).
 */
export class GroupCommit {
  private queue: Pending[] = [];
  /** Settles when the batches queued are written; set while they are. */
  running: Promise<void> | null = null;
  /** True while a transaction is open on the connection: other queries must wait, or they would see it half done. */
  busy = false;

  /** The WAL file, opened once there is one: fsync works on the file, whichever descriptor wrote. */
  private wal: number | null = null;
  /** Syncs under way, which closing waits for. */
  private readonly syncs = new Set<Promise<void>>();

  constructor(
    private readonly db: Database.Database,
    private readonly walPath: string,
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
      this.wal ??= fs.openSync(this.walPath, 'r');
    } catch (err) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      // Nothing of the batch was stored (rejecting one already refused changes nothing).
      batch.forEach((pending) => pending.reject(sqliteFailure(err)));
      return;
    } finally {
      this.busy = false;
    }
    // Not awaited: the next batch may commit meanwhile; this one is acknowledged once on disk.
    const sync = fsync(this.wal).then(
      () => done.forEach(([pending, value]) => pending.resolve(value)),
      (err: unknown) => done.forEach(([pending]) => pending.reject(sqliteFailure(Object.assign(err as Error, { code: 'SQLITE_IOERR' })))),
    );
    this.syncs.add(sync);
    void sync.finally(() => this.syncs.delete(sync));
  }

  /** Waits for every write and its sync, then lets the WAL file go. */
  async close() {
    await this.running;
    await Promise.all(this.syncs);
    if (this.wal !== null) fs.closeSync(this.wal);
  }
}
