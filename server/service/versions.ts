import type { Storage } from '../storage/types.ts';

interface Read {
  current: Promise<number>;
  /** The read that starts once `current` is done, shared by every request that came meanwhile. */
  next: Promise<number> | null;
}

/**
 * Thread versions, read for many requests at once. A request is never answered from a read that
 * started before it arrived (a write committed before it is always seen), but all requests that
 * arrive while a read is under way share the next one: on PostgreSQL a busy thread costs a query
 * per round trip, not one per request.
 */
export class Versions {
  private readonly reads = new Map<string, Read>();

  constructor(private readonly storage: Storage) {}

  get(threadId: string): Promise<number> {
    const read = this.reads.get(threadId);
    if (!read) return this.start(threadId);
    const after = () => this.start(threadId);
    return (read.next ??= read.current.then(after, after));
  }

  private start(threadId: string): Promise<number> {
    const read: Read = { current: this.storage.version(threadId), next: null };
    this.reads.set(threadId, read);
    const done = () => {
      if (this.reads.get(threadId) === read && !read.next) this.reads.delete(threadId);
    };
    read.current.then(done, done);
    return read.current;
  }
}
