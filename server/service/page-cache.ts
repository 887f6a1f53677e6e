import type { CommentPage, SortOrder } from 'chime-comments/protocol';
import { decodeCursor, decodeReplyCursor, encodeCursor, encodeReplyCursor } from '../cursor.ts';
import type { PageBudget, Storage } from '../storage/types.ts';

/**
 * What one page may carry. A top-level comment brings at most `replies` of its replies, and a
 * page stops growing at about `bytes` of JSON (a comment can weigh 40 KB): the rest is paged,
 * top-level comments by nextCursor, replies by CommentPage.moreReplies.
 */
export const PAGE_BUDGET: PageBudget = { replies: 20, bytes: 256 * 1024 };

export interface PageRequest {
  threadId: string;
  sort: SortOrder;
  cursor?: string;
  limit: number;
  /** Lists the replies under this top-level comment instead. */
  root?: string;
}

export interface Page {
  version: number;
  /** The CommentPage as JSON, ready to send. */
  body: Uint8Array<ArrayBuffer>;
  /** The ids of the comments on it, in order. */
  ids: string[];
  /** Whether the comment is on it. */
  has(id: string): boolean;
}

const utf8 = new TextEncoder();

/** Bytes a cached page costs beyond its JSON: its ids, its key, the entry itself. */
const weight = (key: string, page: Page) => page.body.byteLength + key.length * 2 + page.ids.reduce((n, id) => n + 56 + id.length * 2, 200);

/**
 * Built pages, reused while their thread's version (bumped in the same transaction as every
 * write) is unchanged. Each use re-reads the version, so an instance never serves a page another
 * instance has since changed: the cache saves work, it holds no state that matters. It holds at
 * most `maxBytes`, least recently used out first, and builds a page once however many ask for it.
 */
export class PageCache {
  private readonly entries = new Map<string, { page: Page; bytes: number }>();
  private readonly building = new Map<string, Promise<Page>>();
  /** What the cached pages weigh. */
  bytes = 0;

  constructor(
    private readonly storage: Storage,
    private readonly maxBytes: number,
    private readonly budget = PAGE_BUDGET,
  ) {}

  async get(request: PageRequest): Promise<Page> {
    const key = JSON.stringify([request.threadId, request.root ?? request.sort, request.cursor ?? null, request.limit]);
    const version = await this.storage.version(request.threadId);
    const cached = this.entries.get(key);
    if (cached?.page.version === version) {
      // Most recently used last: a Map iterates in insertion order.
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached.page;
    }
    const buildKey = `${version}:${key}`;
    let build = this.building.get(buildKey);
    if (!build) {
      build = this.build(request, version).finally(() => this.building.delete(buildKey));
      this.building.set(buildKey, build);
    }
    const page = await build;
    this.keep(key, page);
    return page;
  }

  private keep(key: string, page: Page) {
    const old = this.entries.get(key);
    if (old && old.page.version >= page.version) return;
    if (old) this.drop(key, old.bytes);
    const bytes = weight(key, page);
    if (bytes > this.maxBytes) return;
    this.entries.set(key, { page, bytes });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.drop(oldest, entry.bytes);
    }
  }

  private drop(key: string, bytes: number) {
    this.entries.delete(key);
    this.bytes -= bytes;
  }

  private async build({ threadId, sort, cursor, limit, root }: PageRequest, version: number): Promise<Page> {
    let page: CommentPage;
    if (root) {
      const after = cursor ? decodeReplyCursor(cursor) : 0;
      const [list, thread] = await Promise.all([
        this.storage.listReplies({ threadId, root, after, limit }, this.budget),
        this.storage.thread(threadId),
      ]);
      page = { thread, comments: list.comments, nextCursor: list.next === null ? null : encodeReplyCursor(list.next) } as CommentPage;
    } else {
      const after = cursor ? decodeCursor(cursor, sort) : null;
      const [list, thread] = await Promise.all([this.storage.listPage({ threadId, sort, after, limit }, this.budget), this.storage.thread(threadId)]);
      page = { thread, comments: list.comments, nextCursor: list.next && encodeCursor(list.next) } as CommentPage;
      if (list.moreReplies.size > 0) {
        page.moreReplies = Object.fromEntries(
          [...list.moreReplies].map(([id, more]) => [id, { count: more.count, cursor: encodeReplyCursor(more.after) }]),
        );
      }
    }
    const ids = page.comments.map((c) => c.id);
    let set: Set<string> | undefined;
    return { version, body: utf8.encode(JSON.stringify(page)), ids, has: (id) => (set ??= new Set(ids)).has(id) };
  }
}
