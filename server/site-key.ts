import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Config } from './config.ts';
import { hmacSha256, randomToken, sha256 } from './crypto.ts';
import type { Storage } from './storage/types.ts';

/**
 * Hashes keyed with this site's secret: the same input always gives the same hash (one identicon
 * per email, one rate-limit bucket per address), but without the key nobody can check a guess.
 * The key is made by the first instance that needs it and kept in the database for all of them.
 */
export class SiteKey {
  #key: Promise<string> | null = null;

  constructor(private readonly storage: Storage) {}

  async hash(text: string): Promise<string> {
    return hmacSha256(await this.key(), text);
  }

  /**
   * Reader ids the server issues: random, followed by their own signature, so any instance can
   * tell an id it issued from one a client made up, with nothing stored.
   */
  async issueReader(): Promise<string> {
    const random = randomBytes(16).toString('base64url');
    return random + (await this.readerSignature(random));
  }

  async isReader(id: string): Promise<boolean> {
    if (id.length !== 44) return false;
    const expected = Buffer.from(await this.readerSignature(id.slice(0, 22)));
    const given = Buffer.from(id.slice(22));
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private async readerSignature(random: string) {
    return Buffer.from(await this.hash(`reader:${random}`), 'hex')
      .subarray(0, 16)
      .toString('base64url');
  }

  private key() {
    // A failed read is not kept: the next request tries the database again.
    this.#key ??= this.storage.setting('site-key', randomToken()).catch((error: unknown) => {
      this.#key = null;
      throw error;
    });
    return this.#key;
  }
}

/** The keyed hash of an email (trimmed, lowercased) kept with each comment: how the owner blocks an author, and knows one already published. */
export const emailHasher = (siteKey: SiteKey) => (email: string) => siteKey.hash(email.trim().toLowerCase());

/**
 * How every comment's avatar hash is made from its email (trimmed, lowercased), posted or
 * imported. Gravatar looks images up by the plain SHA-256, which anyone can check guesses
 * against; only a site that shows Gravatars publishes it.
 */
export function avatarHasher(config: Pick<Config, 'gravatar'>, siteKey: SiteKey): (email: string) => Promise<string> {
  return async (email) => {
    const normalised = email.trim().toLowerCase();
    return config.gravatar ? sha256(normalised) : siteKey.hash(normalised);
  };
}
