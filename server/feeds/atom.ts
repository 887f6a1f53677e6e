import { safeUrl } from 'chime-comments/protocol';
import { permalink, threadUrl, type LinksConfig } from '../links-config.ts';
import { bodyHtml, escape } from '../markup.ts';
import type { CommentRow } from '../storage/types.ts';

const ATOM = 'http://www.w3.org/2005/Atom';
/** RFC 4685: a reply says which entry it answers. */
const THREADING = 'http://purl.org/syndication/thread/1.0';

export interface FeedInfo {
  /** The feed's own URL (rel="self", and its id). */
  self: string;
  /** A thread's feed, or the whole site's (null). */
  threadId: string | null;
  /** Published comments, the last published first. */
  rows: CommentRow[];
}

const time = (ms: number) => new Date(ms).toISOString();
const updated = (row: CommentRow) => Math.max(row.edited_at ?? 0, row.public_at ?? row.created_at);
const element = (name: string, text: string, attributes = '') => `<${name}${attributes}>${escape(text)}</${name}>`;

function entry(links: LinksConfig, row: CommentRow, siteWide: boolean) {
  // The permalink is what a reader opens and what identifies the comment (as WordPress's comment feeds do).
  const url = permalink(links, row.thread_id, row.id)!;
  const parent = row.parent_id && permalink(links, row.thread_id, row.parent_id);
  // The widget's test of the address, as in the thread's HTML: a stored website that fails it is no link.
  const website = safeUrl(row.author_website);
  const author = [element('name', row.author_name), website ? element('uri', website) : ''].join('');
  return [
    '<entry>',
    element('id', url),
    element('title', siteWide ? `${row.author_name} on ${row.thread_id}` : `Comment by ${row.author_name}`),
    `<link rel="alternate" type="text/html" href="${escape(url)}"/>`,
    parent ? `<thr:in-reply-to ref="${escape(parent)}" href="${escape(parent)}" type="text/html"/>` : '',
    element('published', time(row.created_at)),
    element('updated', time(updated(row))),
    `<author>${author}</author>`,
    element('content', bodyHtml(row.body), ' type="html"'),
    '</entry>',
  ].join('');
}

/**
 * An Atom feed (RFC 4287) of published comments. Bodies are rendered to HTML as the widget
 * renders them (type="html", escaped). `updated` is its newest entry's, so the feed, and its
 * ETag, change only when its comments do.
 */
export function atomFeed(links: LinksConfig, { self, threadId, rows: all }: FeedInfo): string {
  // A thread that is no page of the site (threadUrl) has nothing to link an entry to.
  const rows = all.filter((row) => threadUrl(links, row.thread_id));
  const page = threadId === null ? links.siteUrl!.href : threadUrl(links, threadId)!.href;
  const title = threadId === null ? `Comments on ${links.siteName}` : `Comments on ${links.siteName}: ${threadId}`;
  const newest = rows.reduce((max, row) => Math.max(max, updated(row)), 0);
  return [
    '<?xml version="1.0" encoding="utf-8"?>\n',
    `<feed xmlns="${ATOM}" xmlns:thr="${THREADING}">`,
    element('id', self),
    element('title', title),
    `<link rel="self" type="application/atom+xml" href="${escape(self)}"/>`,
    `<link rel="alternate" type="text/html" href="${escape(page)}"/>`,
    element('updated', time(newest)),
    element('generator', 'Chime'),
    ...rows.map((row) => entry(links, row, threadId === null)),
    '</feed>\n',
  ].join('');
}
