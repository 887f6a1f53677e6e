import { z } from 'zod';
import { EDIT_WINDOW_MS, REACTIONS } from 'chime-comments/protocol';

/** Server settings, all from the environment (documented in docs/server.md). */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  /** null disables the admin API. */
  adminToken: string | null;
  /** Allowed browser origins; ['*'] allows any. */
  origins: string[];
  moderation: 'off' | 'all';
  /** Posts per client per window. */
  rateLimit: number;
  rateWindowMs: number;
  editWindowMs: number;
  reactions: string[];
  maxLinks: number;
  /** Publish avatar hashes Gravatar understands (plain SHA-256 of the email) instead of keyed ones. */
  gravatar: boolean;
  /** Take the client address from X-Forwarded-For (only behind a proxy that sets it). */
  trustProxy: boolean;
  heartbeatMs: number;
  /** A JSON file of comments to load at start (the demo's); null for none. */
  seedFile: string | null;
}

const list = z.string().transform((s) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean),
);
const flag = z
  .enum(['0', '1', 'true', 'false'])
  .default('0')
  .transform((v) => v === '1' || v === 'true');
const seconds = (fallback: number) =>
  z.coerce
    .number()
    .positive()
    .default(fallback)
    .transform((s) => s * 1000);

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().min(1).default('./data/chime.sqlite'),
  CHIME_ADMIN_TOKEN: z.string().min(1).optional(),
  CHIME_ORIGINS: list.default(['*']),
  CHIME_MODERATION: z.enum(['off', 'all']).default('off'),
  CHIME_RATE_LIMIT: z.coerce.number().int().positive().default(5),
  CHIME_RATE_WINDOW: seconds(60),
  CHIME_EDIT_WINDOW: seconds(EDIT_WINDOW_MS / 1000),
  CHIME_REACTIONS: list.pipe(z.array(z.string().regex(/^[a-z0-9_-]{1,32}$/)).min(1)).default(Object.keys(REACTIONS)),
  CHIME_MAX_LINKS: z.coerce.number().int().min(0).default(3),
  CHIME_GRAVATAR: flag,
  CHIME_TRUST_PROXY: flag,
  CHIME_HEARTBEAT: seconds(20),
  CHIME_SEED: z.string().min(1).optional(),
});

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Invalid setting ${issue.path.join('.')}: ${issue.message}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    adminToken: e.CHIME_ADMIN_TOKEN ?? null,
    origins: e.CHIME_ORIGINS,
    moderation: e.CHIME_MODERATION,
    rateLimit: e.CHIME_RATE_LIMIT,
    rateWindowMs: e.CHIME_RATE_WINDOW,
    editWindowMs: e.CHIME_EDIT_WINDOW,
    reactions: e.CHIME_REACTIONS,
    maxLinks: e.CHIME_MAX_LINKS,
    gravatar: e.CHIME_GRAVATAR,
    trustProxy: e.CHIME_TRUST_PROXY,
    heartbeatMs: e.CHIME_HEARTBEAT,
    seedFile: e.CHIME_SEED ?? null,
  };
}
