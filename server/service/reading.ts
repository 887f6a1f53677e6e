import { check, countsBody, listQuery, threadQuery } from '../schemas.ts';
import type { ServiceContext } from './context.ts';
import type { Page } from './page-cache.ts';

/** What readers fetch: pages (from the page cache), thread metadata, counts. */
export class Reading {
  constructor(private readonly ctx: ServiceContext) {}

  /** One page, the same for every reader: built once, cached until the thread changes. */
  list(query: unknown): Promise<Page> {
    const q = check(listQuery, query);
    return this.ctx.pages.get({ threadId: q.thread, sort: q.sort, cursor: q.cursor, limit: q.limit, root: q.root });
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
