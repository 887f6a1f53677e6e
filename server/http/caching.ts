import type { Context } from 'hono';
import type { Config } from '../config.ts';

/** Bumped when the JSON of a page changes shape, so no cache answers a new server with an old page. */
const FORMAT = 2;

/**
 * Validators and caching rules of thread GETs, from the thread's version (bumped by every change
 * a reader could see): a browser or a CDN revalidates with If-None-Match and gets a 304. Shared
 * answers may be kept by a CDN for CHIME_CACHE_MAX_AGE seconds; a reader's own (with `reader`)
 * only by that reader's browser. Returns the 304 to send, if the client's copy is current.
 * `format` names the shape of the answer (another one's validators, e.g. the HTML's, never match).
 */
export function conditional(c: Context, config: Config, version: number, shared: boolean, format: string | number = FORMAT): Response | null {
  const etag = `W/"${format}-${version}"`;
  c.header('ETag', etag);
  c.header('Cache-Control', shared ? sharedCache(config.cacheMaxAge) : 'private, no-cache');
  const match = c.req.header('if-none-match');
  if (match && match.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*')) return c.body(null, 304);
  return null;
}

const sharedCache = (seconds: number) =>
  seconds > 0 ? `public, max-age=0, s-maxage=${seconds}, stale-while-revalidate=${seconds}` : 'public, no-cache';
