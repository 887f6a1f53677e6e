import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';

/**
 * The settings of the owner's side that belong to whoever runs the server (environment, like
 * config.ts; documented in docs/server.md). What the owner decides in the console (moderation,
 * blocklists, edit window, ...) lives in the database instead: service/settings.ts.
 */
export interface OwnerConfig {
  /** Posts to one thread per rate window, from everyone together. */
  threadRateLimit: number;
  /** The same text again within this time is a duplicate (null: never). */
  duplicateWindowMs: number | null;
  /** A module exporting check(comment, context) (docs/admin.md), or null. */
  spamCheck: string | null;
  spamCheckTimeoutMs: number;
  /** What a check that throws, times out or answers nonsense counts as. */
  spamCheckFailure: 'ok' | 'moderate' | 'spam';
  /** How often the in-process purge runs (null: never; run `chime-server purge` from cron instead). */
  purgeIntervalMs: number | null;
  /** How long a console session lasts after signing in. */
  sessionTtlMs: number;
  /** Origins other than the server's own that may use the console's API with its cookie (same site only). */
  adminOrigins: string[];
  /** Defaults of the settings the owner can change in the console. */
  defaults: { autoCloseDays: number; minFillSeconds: number; retentionDays: number };
}

const seconds = (fallback: number) =>
  z.coerce
    .number()
    .min(0)
    .default(fallback)
    .transform((s) => s * 1000);

const origin = z.string().transform((value, ctx) => {
  const url = URL.canParse(value) ? new URL(value) : null;
  if (url && /^https?:$/.test(url.protocol) && url.origin === value.replace(/\/$/, '')) return url.origin;
  ctx.addIssue({ code: 'custom', message: `"${value}" is not an origin (https://host[:port])` });
  return z.NEVER;
});

export const ownerSchema = z.object({
  CHIME_THREAD_RATE_LIMIT: z.coerce.number().int().positive().default(30),
  CHIME_DUPLICATE_WINDOW: seconds(7 * 86400),
  CHIME_SPAM_CHECK: z
    .string()
    .min(1)
    .transform((p) => (isAbsolute(p) ? p : resolve(p)))
    .optional(),
  CHIME_SPAM_CHECK_TIMEOUT: seconds(2),
  CHIME_SPAM_CHECK_FAILURE: z.enum(['ok', 'moderate', 'spam']).default('moderate'),
  CHIME_PURGE_INTERVAL: seconds(3600),
  CHIME_SESSION_TTL: seconds(12 * 3600).refine((ms) => ms > 0, 'Must be more than 0.'),
  CHIME_ADMIN_ORIGINS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(origin)),
  CHIME_AUTO_CLOSE_DAYS: z.coerce.number().int().min(0).default(0),
  CHIME_MIN_FILL: z.coerce.number().min(0).max(600).default(2),
  CHIME_RETENTION_DAYS: z.coerce.number().positive().default(30),
});

export function toOwnerConfig(e: z.output<typeof ownerSchema>): OwnerConfig {
  return {
    threadRateLimit: e.CHIME_THREAD_RATE_LIMIT,
    duplicateWindowMs: e.CHIME_DUPLICATE_WINDOW || null,
    spamCheck: e.CHIME_SPAM_CHECK ?? null,
    spamCheckTimeoutMs: e.CHIME_SPAM_CHECK_TIMEOUT,
    spamCheckFailure: e.CHIME_SPAM_CHECK_FAILURE,
    purgeIntervalMs: e.CHIME_PURGE_INTERVAL || null,
    sessionTtlMs: e.CHIME_SESSION_TTL,
    adminOrigins: e.CHIME_ADMIN_ORIGINS,
    defaults: { autoCloseDays: e.CHIME_AUTO_CLOSE_DAYS, minFillSeconds: e.CHIME_MIN_FILL, retentionDays: e.CHIME_RETENTION_DAYS },
  };
}
