import { timingSafeEqual } from 'node:crypto';
import { ChimeError } from '../errors.ts';
import type { SiteKey } from '../site-key.ts';

/** What a link in an email lets whoever holds it do. */
export type LinkPurpose = 'approve' | 'delete' | 'unsubscribe' | 'confirm';

export interface LinkClaims {
  purpose: LinkPurpose;
  /** A comment id (approve, delete) or an email address (unsubscribe, confirm). */
  subject: string;
  /** Epoch ms after which the link no longer works; 0: never (unsubscribe links keep working). */
  expires: number;
}

const PURPOSES: readonly string[] = ['approve', 'delete', 'unsubscribe', 'confirm'] satisfies LinkPurpose[];

/**
 * Capabilities carried in links (`?t=`): the claims, readable, and a signature under the site
 * key (HMAC-SHA-256, first 128 bits), so any instance can check a link it never stored and
 * nobody can make one or change what it says. Rotating the site key voids every link.
 */
export class SignedLinks {
  constructor(private readonly siteKey: SiteKey) {}

  async sign(claims: LinkClaims): Promise<string> {
    const payload = Buffer.from(JSON.stringify([claims.purpose, claims.subject, claims.expires])).toString('base64url');
    return `${payload}.${await this.signature(payload)}`;
  }

  /** The claims of a link that this site signed and that has not expired; a ChimeError ('forbidden') for any other. */
  async verify(token: string, now: number): Promise<LinkClaims> {
    const invalid = new ChimeError('forbidden', 'This link is not valid: it may have been cut short or altered. Copy it again from the email.');
    const [payload, signature, extra] = token.split('.');
    if (!payload || !signature || extra !== undefined || signature.length > 64) throw invalid;
    const expected = Buffer.from(await this.signature(payload));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid;
    const [purpose, subject, expires] = JSON.parse(Buffer.from(payload, 'base64url').toString()) as [LinkPurpose, string, number];
    if (!PURPOSES.includes(purpose) || typeof subject !== 'string' || typeof expires !== 'number') throw invalid;
    if (expires !== 0 && now > expires) throw new ChimeError('forbidden', 'This link has expired. A newer email has a link that works.');
    return { purpose, subject, expires };
  }

  private async signature(payload: string) {
    return Buffer.from(await this.siteKey.hash(`email-link:${payload}`), 'hex')
      .subarray(0, 16)
      .toString('base64url');
  }
}
