import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { hmacSha256, matchesHash, randomToken, sha256 } from '../crypto.ts';
import { ChimeError } from '../errors.ts';
import { verifyPassword } from '../password.ts';
import { check } from '../schemas.ts';
import type { SessionRow } from '../storage/owner-types.ts';
import type { Actor, ServiceContext } from './context.ts';
import { limit } from './limits.ts';
import { Turns } from './turns.ts';

/** Where `chime-server set-password` keeps the password's hash (chime_settings). */
export const PASSWORD_SETTING = 'owner-password';
/** Sign-in attempts per address per rate window: enough for a person, far too few to guess. */
const SIGN_IN_LIMIT = 10;

const signInBody = z
  .strictObject({ token: z.string().max(1000).optional(), password: z.string().max(1000).optional() })
  .refine((b) => (b.token === undefined) !== (b.password === undefined), 'Send either token or password.');

/** Neither an admin token nor a password is set: nobody can be the owner. */
export const disabled = () =>
  new ChimeError('forbidden', 'The admin API is disabled (set CHIME_ADMIN_TOKEN, or a password with chime-server set-password).');

export interface OwnerSession {
  /** The secret kept in the HttpOnly cookie. */
  id: string;
  /** Sent back in X-Chime-CSRF by every change the console asks for. */
  csrf: string;
  via: SessionRow['via'];
  expiresAt: number;
}

/**
 * The console's sign-in: the admin token or the owner's password buys a session of
 * CHIME_SESSION_TTL. Only an HMAC of the session id is stored, keyed with the admin token in
 * force (none: the empty key): replacing a leaked CHIME_ADMIN_TOKEN, or removing it, signs every
 * console out, as setting a password does. Its CSRF token is an HMAC of the id, so it is bound
 * to the session and needs no storage.
 */
export class Sessions {
  /**
   * A password is checked with 32 MiB and some 50 ms of one of libuv's four threads, which also
   * read files (chime.js) and compress pages: guesses from many addresses at once (each within its
   * own limit) take turns, and past a few waiting are refused (503) rather than queued.
   */
  private readonly checks = new Turns(8, 'Too many sign-in attempts at once');

  constructor(private readonly ctx: ServiceContext) {}

  /** Whether anyone can sign in (or use the admin API) at all. */
  async enabled(): Promise<boolean> {
    return this.ctx.config.adminToken !== null || (await this.ctx.storage.owner.readSetting(PASSWORD_SETTING)) !== null;
  }

  async signIn(body: unknown, actor: Actor): Promise<OwnerSession> {
    const { config, storage } = this.ctx;
    if (!(await this.enabled())) throw disabled();
    await limit(this.ctx, actor, { kind: 'signin', max: SIGN_IN_LIMIT, windowMs: config.rateWindowMs, message: 'Too many attempts' });
    const now = Date.now();
    const { token, password } = check(signInBody, body);
    const via = token !== undefined ? this.tokenMatches(token) : await this.passwordMatches(password!);
    if (!via) throw new ChimeError('unauthorized', token !== undefined ? 'Wrong admin token.' : 'Wrong password.');
    const id = randomToken();
    const expiresAt = now + config.owner.sessionTtlMs;
    await storage.owner.createSession(this.stored(id), via, now, expiresAt);
    return { id, csrf: this.csrfOf(id), via, expiresAt };
  }

  /** The session with this id, while it lasts. */
  async find(id: string): Promise<OwnerSession | null> {
    const row = await this.ctx.storage.owner.session(this.stored(id), Date.now());
    return row && { id, csrf: this.csrfOf(id), via: row.via, expiresAt: Number(row.expires_at) };
  }

  /** Whether `token` is the session's CSRF token (constant time). */
  checkCsrf(session: OwnerSession, token: string | undefined): boolean {
    const expected = Buffer.from(session.csrf);
    const given = Buffer.from(token ?? '');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  signOut(id: string) {
    return this.ctx.storage.owner.endSession(this.stored(id));
  }

  private tokenMatches(token: string): SessionRow['via'] | null {
    const { adminToken } = this.ctx.config;
    return adminToken && matchesHash(token, sha256(adminToken)) ? 'token' : null;
  }

  private async passwordMatches(password: string): Promise<SessionRow['via'] | null> {
    const stored = await this.ctx.storage.owner.readSetting(PASSWORD_SETTING);
    return stored && (await this.checks.run(() => verifyPassword(password, stored))) ? 'password' : null;
  }

  /** What is stored of a session id: nothing a database reader could sign in with, nothing that outlives the admin token. */
  private stored(id: string) {
    return hmacSha256(this.ctx.config.adminToken ?? '', `console-session:${id}`);
  }

  private csrfOf(id: string) {
    return hmacSha256(id, 'chime-console-csrf');
  }
}
