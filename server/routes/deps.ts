import type { Config } from '../config.ts';
import type { Service } from '../service/index.ts';

/** What every route module is built from. */
export interface Deps {
  service: Service;
  config: Config;
}
