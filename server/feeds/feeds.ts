import { z } from 'zod';
import { ChimeError } from '../errors.ts';
import { threadUrl } from '../links-config.ts';
import { check, threadId } from '../schemas.ts';
import type { ServiceContext } from '../service/context.ts';
import { atomFeed } from './atom.ts';

/** Entries in a feed: the last comments published. */
const FEED_SIZE = 50;

// Not strict: feed readers and aggregators add parameters of their own.
const feedQuery = z.object({ thread: threadId.optional() });

/** Feeds of published comments, of one thread or of the site. */
export class Feeds {
  constructor(private readonly ctx: ServiceContext) {}

  /** The Atom document; `base` is where this server is reached when CHIME_PUBLIC_URL does not say. */
  async atom(query: unknown, base: URL): Promise<string> {
    const { links } = this.ctx.config;
    if (!links.siteUrl) throw new ChimeError('not-found', 'Feeds are off: set CHIME_SITE_URL, the blog the comments link to.');
    const thread = check(feedQuery, query).thread ?? null;
    if (thread !== null && !threadUrl(links, thread)) throw new ChimeError('not-found', 'This thread is no page of the site: it has no feed.');
    // The feed's id and rel="self": its public URL.
    const self = new URL(`api/feed.atom${thread === null ? '' : `?thread=${encodeURIComponent(thread)}`}`, links.serverUrl ?? base);
    return atomFeed(links, { self: self.href, threadId: thread, rows: await this.ctx.storage.recent(thread, FEED_SIZE) });
  }
}
