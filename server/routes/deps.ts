import type { Config } from '../config.ts';
import type { SiteKey } from '../site-key.ts';
import type { Storage } from '../storage/types.ts';

/** What every route module is built from. */
export interface Deps {
  storage: Storage;
  config: Config;
  siteKey: SiteKey;
}
