import { check, countsBody, listQuery, threadQuery } from '../schemas.ts';
import type { ServiceContext } from './context.ts';
import { PageCache } from './page-cache.ts';

/** What readers fetch: pages (from the page cache), thread metadata, counts. */
export class Reading {
  private readonly pages: PageCache;

  constructor(private readonly ctx: ServiceContext) {
    this.pages = new PageCache(ctx.storage, ctx.config.pageCacheBytes);
  }

  /** One page as JSON, and the reactions `reader` gave to the comments on it (when asked). */
  async list(query: unknown) {
    const q = check(listQuery, query);
    const page = await this.pages.get({ threadId: q.thread, sort: q.sort, cursor: q.cursor, limit: q.limit, root: q.root });
    const mine = q.reader ? await this.ctx.storage.myReactions(q.thread, q.reader) : null;
    return { page, mine };
  }

  thread(query: unknown) {
    return this.ctx.storage.thread(check(threadQuery, query).thread);
  }

  async counts(body: unknown) {
    return { counts: await this.ctx.storage.counts(check(countsBody, body).threads) };
  }
}
