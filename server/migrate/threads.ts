import { threadId as threadIdSchema } from '../schemas.ts';

/** Query parameters that only say where a visitor came from (Disqus often kept them in links). */
const TRACKING = /^(utm_\w+|fbclid|gclid|mc_cid|mc_eid)$/;

/**
 * How a post's URL becomes a thread id. By default its path (and query, as in WordPress's
 * `/?p=12` links, less tracking parameters such as utm_source), which is what the widget's `thread` attribute usually holds; `url` keeps the
 * whole URL. Rewrites replace a leading part of the URL first, for a blog that moved:
 * `https://old.example/blog/=/` makes `https://old.example/blog/2006/03/x/` into `/2006/03/x/`.
 */
export interface ThreadIds {
  mode: 'path' | 'url';
  rewrites: Rewrite[];
}

export interface Rewrite {
  from: string;
  to: string;
}

export const DEFAULT_THREAD_IDS: ThreadIds = { mode: 'path', rewrites: [] };

/** `FROM=TO`, split at the last `=` (a URL's query may hold one; a replacement path rarely does). */
export function parseRewrite(text: string): Rewrite {
  const at = text.lastIndexOf('=');
  if (at <= 0) throw new Error(`--rewrite wants FROM=TO (e.g. https://old.example/blog/=/), not "${text}"`);
  return { from: text.slice(0, at), to: text.slice(at + 1) };
}

/** The thread id for a post URL, or an Error saying why there is none. */
export function threadIdFor(url: string, ids: ThreadIds): string | Error {
  let id = url.trim();
  const rewrite = ids.rewrites.find((r) => id.startsWith(r.from));
  if (rewrite) id = rewrite.to + id.slice(rewrite.from.length);
  // A rewrite may have left a path already: it is read as one, like the browser's location.
  if (ids.mode === 'path' && (URL.canParse(id) || id.startsWith('/'))) {
    const parsed = new URL(id, 'http://path.invalid');
    const tracking = [...parsed.searchParams.keys()].filter((name) => TRACKING.test(name));
    for (const name of tracking) parsed.searchParams.delete(name);
    id = parsed.pathname + parsed.search;
  } else {
    id = id.replace(/#.*$/, '');
  }
  const checked = threadIdSchema.safeParse(id);
  return checked.success ? checked.data : new Error(`"${id.slice(0, 80)}" cannot be a thread id: ${checked.error.issues[0]!.message}`);
}
