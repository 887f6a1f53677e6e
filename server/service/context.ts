import type { Config } from '../config.ts';
import type { SiteKey } from '../site-key.ts';
import type { SignedUser } from '../sso.ts';
import type { Signal, Storage } from '../storage/types.ts';
import type { PageCache } from './page-cache.ts';
import type { SettingsStore } from './settings.ts';
import type { Turns } from './turns.ts';
import type { SpamGuard } from './spam.ts';
import type { ServiceEvents } from './events.ts';

/** Who is asking, as the HTTP layer established it. */
export interface Actor {
  /** Sent the admin token: the blog's author or a moderator. */
  admin: boolean;
  /** The client's address, or null when unknown. */
  address: string | null;
  /** What limits, blocks and stream caps count the client by: its address, or for IPv6 its /64. */
  client: string | null;
  /** The reader the host site signed in (a verified user token), if any. */
  user?: SignedUser | null;
}

/** What every part of the service is built from. */
export interface ServiceContext {
  storage: Storage;
  config: Config;
  siteKey: SiteKey;
  /** The owner's settings, read from the database when used: every instance applies a change at once. */
  settings: SettingsStore;
  spam: SpamGuard;
  /** Told after a comment is stored or published (notifications listen). */
  events: ServiceEvents;
  /** Built answers every reader shares (pages, a thread's HTML, feeds), until what they show changes. */
  pages: PageCache;
  /** The heavy answers anyone may ask for in any variant (a thread's HTML, feeds) are rendered in turn: one core at most. */
  renders: Turns;
}

/** Tells every instance's live readers; call after the change is stored. */
export const announce = (ctx: ServiceContext, signals: Signal[]) => Promise.all(signals.map((s) => ctx.storage.publish(s)));

/** What a deletion means to live readers: a placeholder changed, or comments went. */
export const removalSignals = (threadId: string, id: string, result: { placeholder: boolean; removed: string[] }): Signal[] => [
  ...(result.placeholder ? [{ threadId, type: 'edited' as const, id }] : []),
  ...result.removed.map((gone) => ({ threadId, type: 'deleted' as const, id: gone })),
];
