import { z } from 'zod';
import { sha256 } from '../crypto.ts';
import { ChimeError } from '../errors.ts';
import { threadUrl } from '../links-config.ts';
import { check, threadId } from '../schemas.ts';
import type { ServiceContext } from '../service/context.ts';
import type { Page } from '../service/page-cache.ts';
import { atomFeed } from './atom.ts';

const utf8 = new TextEncoder();

/** Entries in a feed: the last comments published. */
const FEED_SIZE = 50;

// Not strict: feed readers and aggregators add parameters of their own.
const feedQuery = z.object({ thread: threadId.optional() });

/**
 * Feeds of published comments, of one thread or of the site. Feed readers poll, and a site's feed
 * of long comments weighs 1.6 MB and some 40 ms of one core to render: each is rendered once per
 * content (kept with the pages, ctx.pages), each poll costs one indexed query, and renders take
 * their turn with the other heavy answers (ctx.renders).
 */
export class Feeds {
  constructor(private readonly ctx: ServiceContext) {}

  /**
   * The feed's validator, and the Atom document. `base` is where this server is reached when
   * CHIME_PUBLIC_URL does not say. The validator is made of what the document is made of: its
   * comments as they are now (any change to one moves its changed_at or public_at) and its URL.
   */
  async atom(query: unknown, base: URL): Promise<{ tag: string; page: () => Promise<Page> }> {
    const { links } = this.ctx.config;
    if (!links.siteUrl) throw new ChimeError('not-found', 'Feeds are off: set CHIME_SITE_URL, the blog the comments link to.');
    const thread = check(feedQuery, query).thread ?? null;
    if (thread !== null && !threadUrl(links, thread)) throw new ChimeError('not-found', 'This thread is no page of the site: it has no feed.');
    // The feed's id and rel="self": its public URL.
    const self = new URL(`api/feed.atom${thread === null ? '' : `?thread=${encodeURIComponent(thread)}`}`, links.serverUrl ?? base).href;
    const rows = await this.ctx.storage.recent(thread, FEED_SIZE);
    const tag = sha256(JSON.stringify([self, rows.map((r) => [r.id, r.changed_at, r.public_at, r.edited_at])])).slice(0, 32);
    const render = async () => utf8.encode(atomFeed(links, { self, threadId: thread, rows }));
    return { tag, page: () => this.ctx.pages.cached(`feed:${tag}`, 0, () => this.ctx.renders.run(render)) };
  }
}
