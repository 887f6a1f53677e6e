import { z } from 'zod';
import { parseTrustProxy, type TrustProxy } from './http/client-address.ts';
import { EDIT_WINDOW_MS, REACTIONS } from 'chime-comments/protocol';
import { ownerSchema, toOwnerConfig, type OwnerConfig } from './owner-config.ts';
import { loadLinksConfig, type LinksConfig } from './links-config.ts';
import { loadNotifyConfig, type NotifyConfig } from './notify/config.ts';
import type { SsoConfig } from './sso.ts';
import { StartupError } from './startup.ts';

/** Server settings, all from the environment (documented in docs/server.md). */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  /** null disables the admin API. */
  adminToken: string | null;
  /** Allowed browser origins; ['*'] allows any. */
  origins: string[];
  /** The default of the owner's moderation setting (service/settings.ts). */
  moderation: 'off' | 'first-time' | 'all';
  /** Posts per client per window. */
  rateLimit: number;
  rateWindowMs: number;
  /** Reactions (given or taken back) per client per window. */
  reactionLimit: number;
  /** Reader ids the server issues per client address per day. */
  readerLimit: number;
  editWindowMs: number;
  reactions: string[];
  maxLinks: number;
  /** Publish avatar hashes Gravatar understands (plain SHA-256 of the email) instead of keyed ones. */
  gravatar: boolean;
  /** Which proxies' X-Forwarded-For says who the client is (none by default). */
  trustProxy: TrustProxy;
  heartbeatMs: number;
  /** Event streams one client address may hold open on an instance. */
  streamsPerAddress: number;
  /** Event streams an instance holds open in all. */
  streamsMax: number;
  /** How long a request may wait for the database (a lock, a connection, a statement) before it is answered 503. */
  dbTimeoutMs: number;
  /** SQLite only: the most the database file may grow to (null: as the disk allows). */
  sqliteMaxBytes: number | null;
  /** Seconds a CDN may serve a thread's shared answers without asking (0: it revalidates each time). */
  cacheMaxAge: number;
  /** Most bytes the page cache may hold. */
  pageCacheBytes: number;
  /** A JSON file of comments to load at start (the demo's); null for none. */
  seedFile: string | null;
  /** The owner's side: spam defence, retention, the console (owner-config.ts). */
  owner: OwnerConfig;
  /** The blog's and this server's public URLs, for links in feeds, emails and webhooks (links-config.ts). */
  links: LinksConfig;
  /** Email and webhooks (notify/config.ts). */
  notify: NotifyConfig;
  /** Sign-in from the host site (sso.ts, docs/sso.md). */
  sso: SsoConfig;
}

export const list = z.string().transform((s) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean),
);
export const flag = z
  .enum(['0', '1', 'true', 'false'])
  .default('0')
  .transform((v) => v === '1' || v === 'true');
export const whole = (min: number, max?: number) => {
  const error = `expected a whole number from ${min}${max === undefined ? '' : ` to ${max}`}`;
  return z.coerce
    .number({ error })
    .int({ error })
    .min(min, { error })
    .max(max ?? Number.MAX_SAFE_INTEGER, { error });
};
const megabytes = z.coerce.number({ error: 'expected a number of MiB' }).positive({ error: 'expected a number of MiB above 0' });
export const seconds = (fallback: number) =>
  z.coerce
    .number({ error: 'expected a number of seconds' })
    .positive({ error: 'expected a number of seconds above 0' })
    .default(fallback)
    .transform((s) => s * 1000);

/**
 * Browsers send Origin as scheme://host[:port] (lowercase, no default port, no path), and the
 * allow-list is compared with it as is: each entry is normalised to that form, and one that is
 * not an origin stops the server rather than silently never matching.
 */
const origins = list.transform((values, ctx) =>
  values.map((value) => {
    if (value === '*') return value;
    const url = URL.canParse(value) ? new URL(value) : null;
    const problem = !/^[a-z][\w+.-]*:\/\//i.test(value)
      ? `"${value}" has no scheme (write https://${value})`
      : !url || !/^https?:$/.test(url.protocol)
        ? `"${value}" is not an http(s) origin like https://blog.example`
        : url.pathname !== '/' || url.search || url.hash || url.username
          ? `"${value}" is more than an origin: write ${url.origin} (scheme, host and port only)`
          : null;
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
    return url?.origin ?? value;
  }),
);

/** An HMAC key people can guess or brute-force offline would let anyone sign in as anyone. */
const ssoSecret = z.string().refine((s) => s.length >= 32, 'too short: use at least 32 random characters (openssl rand -base64 32)');

const schema = z.object({
  PORT: whole(0, 65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().min(1).default('./data/chime.sqlite'),
  CHIME_ADMIN_TOKEN: z.string().min(1).optional(),
  CHIME_ORIGINS: origins.default(['*']),
  CHIME_MODERATION: z.enum(['off', 'first-time', 'all']).default('off'),
  CHIME_RATE_LIMIT: whole(1).default(5),
  CHIME_RATE_WINDOW: seconds(60),
  CHIME_REACTION_LIMIT: whole(1).default(30),
  CHIME_READER_LIMIT: whole(1).default(100),
  CHIME_EDIT_WINDOW: seconds(EDIT_WINDOW_MS / 1000),
  CHIME_REACTIONS: list.pipe(z.array(z.string().regex(/^[a-z0-9_-]{1,32}$/)).min(1)).default(Object.keys(REACTIONS)),
  CHIME_MAX_LINKS: whole(0).default(3),
  CHIME_GRAVATAR: flag,
  CHIME_TRUST_PROXY: z
    .string()
    .default('0')
    .transform((value, ctx) => {
      try {
        return parseTrustProxy(value.trim());
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
        return z.NEVER;
      }
    }),
  CHIME_HEARTBEAT: seconds(20),
  CHIME_STREAMS_PER_ADDRESS: whole(1).default(16),
  CHIME_STREAMS_MAX: whole(1).default(20_000),
  CHIME_DB_TIMEOUT: seconds(5),
  CHIME_SQLITE_MAX_MB: megabytes.optional(),
  CHIME_CACHE_MAX_AGE: whole(0).default(0),
  CHIME_PAGE_CACHE_MB: megabytes.default(64),
  CHIME_SEED: z.string().min(1).optional(),
  CHIME_SSO_SECRET: ssoSecret.optional(),
  CHIME_SSO_SECRET_PREVIOUS: ssoSecret.optional(),
  CHIME_SSO_REQUIRED: flag,
  CHIME_SSO_MAX_AGE: whole(60, 31 * 86_400).default(86_400),
  ...ownerSchema.shape,
});

/** Variables read with `schema` (empty ones count as unset), or a StartupError naming the first invalid one, its value and what it should be. */
export function readEnv<T extends z.ZodType>(schema: T, env: Record<string, string | undefined>): z.output<T> {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const name = String(issue.path[0]);
  // A secret is not printed, even a bad one: logs are read by more people than the environment.
  const value = /SECRET|TOKEN|PASSWORD/.test(name) ? '(hidden)' : JSON.stringify(env[name]);
  throw new StartupError(`invalid ${name}=${value}: ${issue.message}`);
}

/** The settings, or a StartupError naming the first invalid one, its value and what it should be. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const e = readEnv(schema, env);
  const links = loadLinksConfig(env);
  if (e.CHIME_SSO_REQUIRED && !e.CHIME_SSO_SECRET) {
    throw new StartupError(
      'CHIME_SSO_REQUIRED=1 but CHIME_SSO_SECRET is not set: nobody could comment; set the secret your site signs user tokens with',
    );
  }
  if (e.CHIME_SSO_SECRET_PREVIOUS && !e.CHIME_SSO_SECRET) {
    throw new StartupError('CHIME_SSO_SECRET_PREVIOUS is set but CHIME_SSO_SECRET is not: set the new secret too (docs/sso.md, rotation)');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    adminToken: e.CHIME_ADMIN_TOKEN ?? null,
    origins: e.CHIME_ORIGINS,
    moderation: e.CHIME_MODERATION,
    rateLimit: e.CHIME_RATE_LIMIT,
    rateWindowMs: e.CHIME_RATE_WINDOW,
    reactionLimit: e.CHIME_REACTION_LIMIT,
    readerLimit: e.CHIME_READER_LIMIT,
    editWindowMs: e.CHIME_EDIT_WINDOW,
    reactions: e.CHIME_REACTIONS,
    maxLinks: e.CHIME_MAX_LINKS,
    gravatar: e.CHIME_GRAVATAR,
    trustProxy: e.CHIME_TRUST_PROXY,
    heartbeatMs: e.CHIME_HEARTBEAT,
    streamsPerAddress: e.CHIME_STREAMS_PER_ADDRESS,
    streamsMax: e.CHIME_STREAMS_MAX,
    dbTimeoutMs: e.CHIME_DB_TIMEOUT,
    sqliteMaxBytes: e.CHIME_SQLITE_MAX_MB === undefined ? null : Math.round(e.CHIME_SQLITE_MAX_MB * 2 ** 20),
    cacheMaxAge: e.CHIME_CACHE_MAX_AGE,
    pageCacheBytes: Math.round(e.CHIME_PAGE_CACHE_MB * 2 ** 20),
    seedFile: e.CHIME_SEED ?? null,
    owner: toOwnerConfig(e),
    links,
    notify: loadNotifyConfig(env, links),
    sso: {
      secrets: [e.CHIME_SSO_SECRET, e.CHIME_SSO_SECRET_PREVIOUS].filter((s): s is string => s !== undefined),
      required: e.CHIME_SSO_REQUIRED,
      maxAgeSeconds: e.CHIME_SSO_MAX_AGE,
    },
  };
}
