import type { Config } from '../config.ts';
import { Fallbacks } from '../fallback/fallback.ts';
import { Feeds } from '../feeds/feeds.ts';
import { LiveHub } from '../live/hub.ts';
import { LinkActions } from '../notify/link-actions.ts';
import { Notifier } from '../notify/index.ts';
import { SiteKey } from '../site-key.ts';
import type { Storage } from '../storage/types.ts';
import type { ServiceContext } from './context.ts';
import { ServiceEvents } from './events.ts';
import { Moderation } from './moderation.ts';
import { Reactions } from './reactions.ts';
import { OwnerConsole } from './owner.ts';
import { PageCache } from './page-cache.ts';
import { Turns } from './turns.ts';
import { Reading } from './reading.ts';
import { Retention } from './retention.ts';
import { Sessions } from './sessions.ts';
import { Transfer } from './transfer.ts';
import { SettingsStore } from './settings.ts';
import { SpamGuard } from './spam.ts';
import { Writing } from './writing.ts';

export type { Actor } from './context.ts';

/**
 * Everything the server does, whatever asks (HTTP routes, importers, the owner's console): each
 * operation validates its input, stores, and tells live readers. It throws ChimeErrors and
 * knows nothing of HTTP.
 */
export class Service {
  readonly reading: Reading;
  readonly writing: Writing;
  readonly moderation: Moderation;
  readonly reactions: Reactions;
  /** Live updates: the event streams of this instance. */
  readonly live: LiveHub;
  /** Email and webhooks; start() it to send from this instance. */
  readonly notify: Notifier;
  /** What the links in emails do (approve, delete, unsubscribe, confirm). */
  readonly emailLinks: LinkActions;
  readonly feeds: Feeds;
  /** The owner's side: console sign-in, the console's lists and actions, the scheduled purge. */
  readonly sessions: Sessions;
  readonly owner: OwnerConsole;
  readonly retention: Retention;
  readonly transfer: Transfer;
  readonly ctx: ServiceContext;
  /** Threads as plain HTML, for readers without script and search engines. */
  readonly fallbacks: Fallbacks;

  constructor(
    readonly storage: Storage,
    readonly config: Config,
  ) {
    const ctx = {
      storage,
      config,
      siteKey: new SiteKey(storage),
      events: new ServiceEvents(),
      settings: new SettingsStore(storage, config),
      pages: new PageCache(storage, config.pageCacheBytes),
      // Past 64 waiting, 503: a flood of variants queues no further.
      renders: new Turns(64, 'Too many threads are being drawn as HTML or feeds just now'),
    } as ServiceContext;
    ctx.spam = new SpamGuard(ctx);
    this.ctx = ctx;
    this.reading = new Reading(ctx);
    this.writing = new Writing(ctx);
    this.moderation = new Moderation(ctx);
    this.reactions = new Reactions(ctx);
    this.live = new LiveHub(storage, config);
    // The owner's notification settings are theirs to change in the console, applied at once.
    this.notify = new Notifier(ctx, () => ctx.settings.notify());
    this.emailLinks = new LinkActions(ctx, this.notify.links, this.moderation);
    this.feeds = new Feeds(ctx);
    this.sessions = new Sessions(ctx);
    this.owner = new OwnerConsole(ctx, this.moderation, this.writing);
    this.retention = new Retention(ctx);
    this.transfer = new Transfer(ctx);
    this.fallbacks = new Fallbacks(ctx);
  }
}
