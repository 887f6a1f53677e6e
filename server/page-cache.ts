import type { CommentPage, SortOrder } from 'chime-comments/protocol';
import { decodeCursor, encodeCursor } from './cursor.ts';
import type { Storage } from './storage/types.ts';

interface Entry {
  version: number;
  page: CommentPage;
  json: string;
}

/**
 * Built pages, reused while their thread's version (bumped in the same transaction as every
 * write) is unchanged. Each use re-reads the version, so an instance never serves a page another
 * instance has since changed: the cache saves work, it holds no state that matters.
 */
export class PageCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly storage: Storage,
    private readonly size = 500,
  ) {}

  async get(threadId: string, sort: SortOrder, cursor: string | undefined, limit: number): Promise<Entry> {
    const after = cursor ? decodeCursor(cursor, sort) : null;
    const key = JSON.stringify([threadId, sort, cursor ?? null, limit]);
    const version = await this.storage.version(threadId);
    const cached = this.entries.get(key);
    if (cached?.version === version) return cached;

    const [list, thread] = await Promise.all([this.storage.listPage({ threadId, sort, after, limit }), this.storage.thread(threadId)]);
    const page = { thread, comments: list.comments, nextCursor: list.next && encodeCursor(list.next) } as CommentPage;
    const entry = { version, page, json: JSON.stringify(page) };
    // Oldest first out: a Map iterates in insertion order.
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }
}
