import { check, countsBody, listQuery, threadQuery } from '../schemas.ts';
import type { ServiceContext } from './context.ts';
import { PageCache, type Page } from './page-cache.ts';

/** What readers fetch: pages (from the page cache), thread metadata, counts. */
export class Reading {
  private readonly pages: PageCache;

  constructor(private readonly ctx: ServiceContext) {
    this.pages = new PageCache(ctx.storage, ctx.config.pageCacheBytes);
  }

  /**
   * One page, shared by every reader (built once, cached), and with `reader` the overlay of
   * that reader's own reactions to the comments on it: comment id -> kinds.
   */
  async list(query: unknown): Promise<{ page: Page; mine: Record<string, string[]> | null }> {
    const q = check(listQuery, query);
    const page = await this.pages.get({ threadId: q.thread, sort: q.sort, cursor: q.cursor, limit: q.limit, root: q.root });
    if (!q.reader) return { page, mine: null };
    const mine: Record<string, string[]> = {};
    for (const [id, kinds] of await this.ctx.storage.myReactions(q.thread, q.reader)) if (page.has(id)) mine[id] = kinds;
    return { page, mine };
  }

  async thread(query: unknown) {
    const { thread } = check(threadQuery, query);
    const [version, meta] = await Promise.all([this.ctx.storage.version(thread), this.ctx.storage.thread(thread)]);
    return { version, meta };
  }

  async counts(body: unknown) {
    return { counts: await this.ctx.storage.counts(check(countsBody, body).threads) };
  }
}
