import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { ChimeError } from './errors.ts';
import { authorName, emailAddress, httpsUrl, text } from './schemas.ts';

/** What CHIME_SSO_* configure (docs/sso.md). */
export interface SsoConfig {
  /** Keys that sign user tokens, current first (a second one while rotating); none: sign-in is off. */
  secrets: string[];
  /** Anonymous comments are refused. */
  required: boolean;
  /** The longest a token may live (exp - iat), and how far ahead of now its exp may be. */
  maxAgeSeconds: number;
}

/** A reader the host site vouches for. */
export interface SignedUser {
  /** The site's own id for the account. */
  id: string;
  name: string;
  email: string | null;
  /** https only. */
  avatar: string | null;
}

const VERSION = 'v1';
/** Whole tokens longer than this are refused before any decoding or hashing. */
export const MAX_TOKEN_LENGTH = 4096;
/** Clocks of the site and of this server may differ this much. */
const SKEW_SECONDS = 60;

const seconds = z
  .number()
  .int()
  .min(0)
  .max(2 ** 40);
const payload = z.strictObject({
  id: text(128).refine((s) => s.length > 0, 'Must not be empty.'),
  name: authorName,
  email: emailAddress.nullish(),
  avatar: httpsUrl.nullish(),
  iat: seconds,
  exp: seconds,
});

const refuse = (why: string): never => {
  throw new ChimeError('unauthorized', `Sign-in token refused: ${why}.`, 'user');
};

const mac = (secret: string, signed: string) => createHmac('sha256', secret).update(signed).digest();

/** True when `signature` is the MAC of `signed` under one of `secrets`; every secret is tried, in constant time each. */
function signedBy(secrets: string[], signed: string, signature: string): boolean {
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== 32 || given.toString('base64url') !== signature) return false;
  let ok = false;
  for (const secret of secrets) ok = timingSafeEqual(mac(secret, signed), given) || ok;
  return ok;
}

/**
 * Checks a user token (`v1.<base64url JSON payload>.<base64url HMAC-SHA-256 of "v1.<payload>">`)
 * and returns whom it names, or throws 401 saying what is wrong with it. The signature is
 * checked before the payload is read; the payload must have an expiry, be issued no later than
 * now, live at most `maxAgeSeconds`, and not be expired (each with a minute's leeway for clocks).
 */
export function verifyUserToken(token: string, sso: SsoConfig, now = Date.now()): SignedUser {
  if (sso.secrets.length === 0) refuse('this server has no CHIME_SSO_SECRET, so it takes no sign-in');
  if (token.length > MAX_TOKEN_LENGTH) refuse(`longer than ${MAX_TOKEN_LENGTH} characters`);
  const parts = token.trim().split('.');
  if (parts.length !== 3) refuse('not of the form v1.<payload>.<signature>');
  const [version, body, signature] = parts as [string, string, string];
  if (version !== VERSION) refuse(`unknown version "${version.slice(0, 8)}"`);
  if (!signedBy(sso.secrets, `${version}.${body}`, signature)) refuse('bad signature (altered, or signed with another secret)');

  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    refuse('the payload is not base64url-encoded JSON');
  }
  const parsed = payload.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.code === 'unrecognized_keys' ? issue.keys[0] : issue.path.join('.');
    refuse(issue.code === 'unrecognized_keys' ? `unknown field "${field}"` : `"${field}": ${issue.message}`);
  }
  const user = parsed.data!;
  const at = now / 1000;
  if (user.exp <= user.iat) refuse('exp is not after iat');
  if (user.exp - user.iat > sso.maxAgeSeconds) refuse(`it lives longer than ${sso.maxAgeSeconds} s (CHIME_SSO_MAX_AGE)`);
  if (user.iat > at + SKEW_SECONDS) refuse('issued in the future (iat)');
  if (user.exp > at + sso.maxAgeSeconds + SKEW_SECONDS) refuse('expires too far in the future');
  // What a reader who left a page open for long meets: said in their words.
  if (user.exp + SKEW_SECONDS <= at) throw new ChimeError('unauthorized', 'Your sign-in has expired: reload the page to sign in again.', 'user');
  return { id: user.id, name: user.name, email: user.email ?? null, avatar: user.avatar ?? null };
}
