import { statSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { ChimeError } from '../errors.ts';

/**
 * Notices the database file being deleted (or replaced) under the running server. SQLite would
 * go on writing to the open, unlinked file, answering 201 to posts that vanish at the next
 * start. Instead writes stop at once, what the open file holds is saved beside it
 * (`<file>.recovered-<time>`), and the server is told to stop (Storage.onFatal).
 */
export class FileWatch {
  private readonly identity: string;
  private lost: ChimeError | null = null;
  private readonly listeners = new Set<(err: Error) => void>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly db: Database.Database,
    private readonly path: string,
  ) {
    this.identity = this.current();
    // Also while nobody writes: the sooner the copy is saved, the less is lost.
    this.timer = setInterval(() => {
      try {
        this.check();
      } catch {
        // Reported to the listeners.
      }
    }, 2000).unref();
  }

  /** Throws once the file is gone; the first time, saves what it held and tells the listeners. */
  check() {
    if (this.lost) throw this.lost;
    if (this.current() === this.identity) return;
    const copy = `${this.path}.recovered-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    const cause = new Error(`${this.path} was removed or replaced while the server ran`);
    this.lost = new ChimeError('unavailable', 'The server cannot store anything now; it is stopping.', undefined, 30, cause);
    clearInterval(this.timer);
    void this.db
      .backup(copy)
      .then(
        () => `${cause.message}: what it held is saved as ${copy} (move it back to ${this.path} before starting again); stopping.`,
        (err: Error) => `${cause.message}, and saving what it held failed (${err.message}); stopping.`,
      )
      .then((message) => this.listeners.forEach((listener) => listener(new Error(message))));
    throw this.lost;
  }

  onLost(listener: (err: Error) => void) {
    this.listeners.add(listener);
  }

  stop() {
    clearInterval(this.timer);
  }

  private current() {
    try {
      const { dev, ino } = statSync(this.path);
      return `${dev}:${ino}`;
    } catch {
      return 'gone';
    }
  }
}
