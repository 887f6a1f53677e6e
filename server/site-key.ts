import { hmacSha256, randomToken } from './crypto.ts';
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
    // A failed read is not kept: the next request tries the database again.
    this.#key ??= this.storage.setting('site-key', randomToken()).catch((error: unknown) => {
      this.#key = null;
      throw error;
    });
    return hmacSha256(await this.#key, text);
  }
}
