import type { Config } from '../config.ts';
import { LiveHub } from '../live/hub.ts';
import { SiteKey } from '../site-key.ts';
import type { Storage } from '../storage/types.ts';
import type { ServiceContext } from './context.ts';
import { Moderation } from './moderation.ts';
import { Reactions } from './reactions.ts';
import { Reading } from './reading.ts';
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

  constructor(
    readonly storage: Storage,
    readonly config: Config,
  ) {
    const ctx: ServiceContext = { storage, config, siteKey: new SiteKey(storage) };
    this.reading = new Reading(ctx);
    this.writing = new Writing(ctx);
    this.moderation = new Moderation(ctx);
    this.reactions = new Reactions(ctx);
    this.live = new LiveHub(storage, config);
  }
}
