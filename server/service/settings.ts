import { z } from 'zod';
import { LIMITS } from 'chime-comments/protocol';
import type { Config } from '../config.ts';
import type { NotifySettings } from '../notify/settings.ts';
import { authorName, check } from '../schemas.ts';
import type { Storage } from '../storage/types.ts';

/** Where the owner's settings are kept (chime_settings), as one JSON object. */
const NAME = 'owner-settings';

const term = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .transform((s) => s.toLowerCase());
const domain = z
  .string()
  .trim()
  .toLowerCase()
  .transform((s) => s.replace(/^\*?\./, ''))
  .pipe(z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)*$/, 'Must be a domain name such as example.com.'));

/** What the owner decides in the console, applied by every instance at once (read from the database when used). */
export const settingsSchema = z.strictObject({
  /** Which new comments wait for approval: none, those of authors with nothing published yet, or all. */
  moderation: z.enum(['off', 'first-time', 'all']),
  /** Threads close this many days after they started (their comment number 1); 0 never. */
  autoCloseDays: z.number().int().min(0).max(36500),
  /** How long writers may edit or delete their comment. */
  editWindowSeconds: z
    .number()
    .int()
    .min(0)
    .max(30 * 86400),
  /** The reactions readers may give. */
  reactions: z.array(z.string().regex(/^[a-z0-9_-]{1,32}$/, 'Lowercase letters, digits, "-" or "_".')).max(50),
  /** More links than this hold a comment for approval. */
  maxLinks: z.number().int().min(0).max(1000),
  /** A form sent sooner than this after it was shown is held for approval. */
  minFillSeconds: z.number().min(0).max(600),
  /** Words and phrases (any case) that make a comment spam, in its text, name, website or email. */
  blockedWords: z.array(term).max(1000),
  /** Domains (and their subdomains) whose links, or website, make a comment spam. */
  blockedDomains: z.array(domain).max(1000),
  /** Days spam and deleted comments are kept (to be restored) before the purge removes them. */
  retentionDays: z.number().min(1).max(36500),
  /** The name the owner's replies from the console are signed with (with the author badge). */
  ownerName: authorName,
  /** Where the owner is emailed of new comments (docs/notifications.md), or null. */
  ownerEmail: z.email('Must be an email address.').max(LIMITS.email).nullable(),
  /** One email per new comment, a daily digest, or none. */
  notifyOwner: z.enum(['immediate', 'digest', 'off']),
  /** When the digest goes out, HH:MM in UTC. */
  digestAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Must be a time of day, HH:MM.'),
  /** Whether readers may ask to be emailed replies. */
  replyEmails: z.boolean(),
});

export type Settings = z.output<typeof settingsSchema>;

/** The owner's settings: the environment's values (docs/server.md) until the owner saves their own. */
export class SettingsStore {
  constructor(
    private readonly storage: Storage,
    private readonly config: Config,
  ) {}

  defaults(): Settings {
    const { config } = this;
    return {
      moderation: config.moderation,
      autoCloseDays: config.owner.defaults.autoCloseDays,
      editWindowSeconds: Math.round(config.editWindowMs / 1000),
      reactions: config.reactions,
      maxLinks: config.maxLinks,
      minFillSeconds: config.owner.defaults.minFillSeconds,
      blockedWords: [],
      blockedDomains: [],
      retentionDays: config.owner.defaults.retentionDays,
      ownerName: 'Author',
      ownerEmail: config.notify.ownerEmail,
      notifyOwner: config.notify.ownerMode,
      digestAt: `${String(Math.floor(config.notify.digestAtMinutes / 60)).padStart(2, '0')}:${String(config.notify.digestAtMinutes % 60).padStart(2, '0')}`,
      replyEmails: config.notify.replyEmails,
    };
  }

  /** What the notifier reads (its NotifySettingsSource): the owner's choices; the mail server and webhooks stay the environment's. */
  async notify(): Promise<NotifySettings> {
    const s = await this.current();
    const [hours, minutes] = s.digestAt.split(':').map(Number) as [number, number];
    return {
      ownerEmail: s.ownerEmail,
      ownerMode: s.notifyOwner,
      digestAtMinutes: hours * 60 + minutes,
      replyEmails: s.replyEmails,
      webhookUrls: this.config.notify.webhookUrls,
    };
  }

  /** The settings in force. A stored value this version cannot read (from a newer one) gives way to the default. */
  async current(): Promise<Settings> {
    const defaults = this.defaults();
    const text = await this.storage.owner.readSetting(NAME);
    if (!text) return defaults;
    const stored = JSON.parse(text) as Record<string, unknown>;
    const shape = settingsSchema.shape as Record<string, z.ZodType>;
    // Each stored value parsed once: kept as parsed when valid, else left to its default.
    const kept = Object.entries(stored).flatMap(([key, value]) => {
      const parsed = shape[key]?.safeParse(value);
      return parsed?.success ? [[key, parsed.data] as const] : [];
    });
    return { ...defaults, ...(Object.fromEntries(kept) as Partial<Settings>) };
  }

  /** Replaces the settings (all of them: the console sends the whole form). */
  async save(input: unknown): Promise<Settings> {
    const settings = check(settingsSchema, input);
    settings.blockedWords = [...new Set(settings.blockedWords)];
    settings.blockedDomains = [...new Set(settings.blockedDomains)];
    settings.reactions = [...new Set(settings.reactions)];
    await this.storage.owner.writeSetting(NAME, JSON.stringify(settings));
    return settings;
  }
}
