import { z } from 'zod';
import { flag, list, readEnv, seconds, whole } from '../config.ts';
import type { LinksConfig } from '../links-config.ts';
import { StartupError } from '../startup.ts';

/** How the owner hears of new comments: one email each, one a day, or none. */
export type OwnerMode = 'immediate' | 'digest' | 'off';

/** Notification settings from the environment (docs/notifications.md). */
export interface NotifyConfig {
  /** smtp:// or smtps:// URL of the mail server; null: no email at all. */
  smtpUrl: string | null;
  /** The From of every email (`Blog <comments@blog.example>`). */
  mailFrom: string | null;
  ownerEmail: string | null;
  ownerMode: OwnerMode;
  /** When the daily digest goes out, UTC minutes after midnight. */
  digestAtMinutes: number;
  /** Whether commenters may ask to be emailed replies. */
  replyEmails: boolean;
  webhookUrls: string[];
  /** Signs webhook bodies (X-Chime-Signature) when set. */
  webhookSecret: string | null;
  /** How long the owner's approve and delete links and a commenter's confirm link work. */
  linkTtlMs: number;
  /** How often each instance looks for notifications that are due (others' and retries). */
  pollMs: number;
  /** Wait before the first retry; each further one waits twice as long, at most an hour. */
  retryMs: number;
  /** Attempts before a notification is given up (kept, marked failed, logged). */
  attempts: number;
}

// Built when first used: config.ts imports this module, and these helpers come from it.
const schema = () =>
  z.object({
    CHIME_SMTP_URL: z
      .string()
      .trim()
      .refine(
        (s) => /^smtps?:\/\/[^/]/i.test(s) && URL.canParse(s),
        'expected smtp://user:password@host:587 or smtps://… (TLS from the start, port 465)',
      )
      .optional(),
    CHIME_MAIL_FROM: z.string().trim().min(3).optional(),
    CHIME_OWNER_EMAIL: z
      .string()
      .trim()
      .pipe(z.email({ error: 'expected an email address like owner@blog.example' }))
      .optional(),
    CHIME_OWNER_NOTIFY: z.enum(['immediate', 'digest', 'off'], { error: 'expected immediate, digest or off' }).default('immediate'),
    CHIME_DIGEST_AT: z
      .string()
      .trim()
      .regex(/^([01]?\d|2[0-3]):[0-5]\d$/, 'expected a time of day, HH:MM (UTC)')
      .default('08:00')
      .transform((s) => Number(s.split(':')[0]) * 60 + Number(s.split(':')[1])),
    CHIME_REPLY_EMAILS: flag.default(true),
    CHIME_WEBHOOK_URLS: list.pipe(z.array(z.url({ protocol: /^https?$/, error: 'expected http(s) URLs, comma-separated' }))).default([]),
    CHIME_WEBHOOK_SECRET: z.string().min(1).optional(),
    CHIME_LINK_TTL: seconds(7 * 86400),
    CHIME_NOTIFY_POLL: seconds(5),
    CHIME_NOTIFY_RETRY: seconds(30),
    CHIME_NOTIFY_ATTEMPTS: whole(1, 100).default(20),
  });

/** The settings, or a StartupError for a combination that cannot work (email without a sender or without links). */
export function loadNotifyConfig(env: Record<string, string | undefined>, links: LinksConfig): NotifyConfig {
  const e = readEnv(schema(), env);
  if (e.CHIME_SMTP_URL && !e.CHIME_MAIL_FROM) {
    throw new StartupError('CHIME_SMTP_URL is set but CHIME_MAIL_FROM is not: set the address emails are sent from');
  }
  if (e.CHIME_SMTP_URL && !links.serverUrl) {
    throw new StartupError(
      'CHIME_SMTP_URL is set but CHIME_PUBLIC_URL is not: emails link to this server (unsubscribe, approve), so set its public URL',
    );
  }
  return {
    smtpUrl: e.CHIME_SMTP_URL ?? null,
    mailFrom: e.CHIME_MAIL_FROM ?? null,
    ownerEmail: e.CHIME_OWNER_EMAIL ?? null,
    ownerMode: e.CHIME_OWNER_NOTIFY,
    digestAtMinutes: e.CHIME_DIGEST_AT,
    replyEmails: e.CHIME_REPLY_EMAILS,
    webhookUrls: e.CHIME_WEBHOOK_URLS,
    webhookSecret: e.CHIME_WEBHOOK_SECRET ?? null,
    linkTtlMs: e.CHIME_LINK_TTL,
    pollMs: e.CHIME_NOTIFY_POLL,
    retryMs: e.CHIME_NOTIFY_RETRY,
    attempts: e.CHIME_NOTIFY_ATTEMPTS,
  };
}
