import { z } from 'zod';
import { readEnv } from './config.ts';

/** Where the comments live and where the server is reached from outside: for links in feeds, emails and webhooks. */
export interface LinksConfig {
  /** The blog (CHIME_SITE_URL): thread ids that are paths are resolved against it to the post's page. Null: no permalinks. */
  siteUrl: URL | null;
  /** What emails and feeds call the site: CHIME_SITE_NAME, else the site's host. */
  siteName: string;
  /** This server as readers reach it (CHIME_PUBLIC_URL), for the links in emails; null if unset. */
  serverUrl: URL | null;
}

/** An http(s) URL; with `base`, it ends with "/" so that relative paths resolve under it. */
const httpUrl = (base: boolean) =>
  z
    .string()
    .trim()
    .refine((s) => URL.canParse(s) && /^https?:$/.test(new URL(s).protocol), 'expected an http(s) URL like https://blog.example')
    .transform((s) => {
      const url = new URL(s);
      if (base && !url.pathname.endsWith('/')) url.pathname += '/';
      url.hash = '';
      return url;
    });

const schema = z.object({
  CHIME_SITE_URL: httpUrl(false).optional(),
  CHIME_SITE_NAME: z.string().trim().min(1).max(100).optional(),
  CHIME_PUBLIC_URL: httpUrl(true).optional(),
});

export function loadLinksConfig(env: Record<string, string | undefined>): LinksConfig {
  const e = readEnv(schema, env);
  return {
    siteUrl: e.CHIME_SITE_URL ?? null,
    siteName: e.CHIME_SITE_NAME ?? e.CHIME_SITE_URL?.host ?? 'Chime',
    serverUrl: e.CHIME_PUBLIC_URL ?? null,
  };
}

/**
 * The page of a thread: an absolute http(s) thread id as it is, any other resolved against the
 * site like a link on it (`/2006/03/post` on `https://blog.example/blog/` is
 * `https://blog.example/2006/03/post`). Null without CHIME_SITE_URL, and for an id that names
 * a scheme of its own (`javascript:...`, `data:...`: thread ids are any text a poster picks), which
 * is no page of the site and, linked in a feed or an email, would run script or leave http(s).
 */
export function threadUrl(links: LinksConfig, threadId: string): URL | null {
  const url =
    /^https?:\/\//i.test(threadId) && URL.canParse(threadId)
      ? new URL(threadId)
      : links.siteUrl && URL.canParse(threadId, links.siteUrl)
        ? new URL(threadId, links.siteUrl)
        : null;
  return url && /^https?:$/.test(url.protocol) ? url : null;
}

/** A comment's permalink: its thread's page with `#comment-<id>`, which the widget scrolls to. */
export function permalink(links: LinksConfig, threadId: string, commentId: string): string | null {
  const page = threadUrl(links, threadId);
  if (!page) return null;
  page.hash = `comment-${commentId}`;
  return page.href;
}

/** A URL on this server (`path` without a leading slash), or null without CHIME_PUBLIC_URL. */
export function serverLink(links: LinksConfig, path: string, query: Record<string, string> = {}): string | null {
  if (!links.serverUrl) return null;
  const url = new URL(path, links.serverUrl);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  return url.href;
}
