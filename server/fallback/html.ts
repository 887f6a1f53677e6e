import { REACTIONS, safeUrl, type ThreadMessages, type ThreadMeta } from 'chime-comments/protocol';
import { bodyHtml, escape } from '../markup.ts';
import type { StoredComment } from '../storage/types.ts';
import { FALLBACK_STYLES } from './styles.ts';

/** What a thread's HTML is made from. */
export interface FallbackThread {
  thread: ThreadMeta;
  /** Published comments: top-level ones in the order shown, each reply after its top-level comment. */
  comments: StoredComment[];
  messages: ThreadMessages;
  /** The language asked for: the fragment's lang, and the dates' format; null for English, unlabelled. */
  locale: string | null;
  /** Nesting levels, as <chime-comments max-depth>. */
  maxDepth: number;
  /** Room for each author's avatar (drawn by the widget), unless <chime-comments avatars="off">. */
  avatars: boolean;
  /** Where the comments left out (past the cap) can be read: the post. Null when none were, or no link is known. */
  more: string | null;
  /** True when comments were left out past the cap. */
  capped: boolean;
}

/** Bodies longer than this (characters or lines) start cut, behind "Show more", as in the widget. */
const LONG_CHARS = 800;
const LONG_LINES = 12;

/** One level of a thread being rendered, with what every level shares. */
interface Level {
  t: FallbackThread;
  children: Map<string | null, StoredComment[]>;
  byId: Map<string, StoredComment>;
  date: Intl.DateTimeFormat;
  exact: Intl.DateTimeFormat;
}

/**
 * A thread as plain HTML with the widget's markup, classes and numbering (<chime-thread>): for
 * readers without script and for search engines, and shown inside <chime-comments> until the
 * element paints the thread itself. No script, no event handler, no style attribute; every text
 * escaped, bodies rendered by the widget's own Markdown parser (bodyHtml), links rel="nofollow ugc".
 */
export function fallbackHtml(t: FallbackThread): string {
  const m = t.messages;
  const children = new Map<string | null, StoredComment[]>();
  for (const c of t.comments) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c]);
  // Replies in the order they were written, as the widget shows them; top-level ones as given.
  for (const [parent, siblings] of children) if (parent !== null) siblings.sort((a, b) => a.number - b.number);
  const level: Level = {
    t,
    children,
    byId: new Map(t.comments.map((c) => [c.id, c])),
    // A date as short as the widget's "3 days ago" (so that bylines wrap alike), the exact time in its title.
    date: new Intl.DateTimeFormat(t.locale ?? 'en', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }),
    exact: new Intl.DateTimeFormat(t.locale ?? 'en', {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZone: 'UTC',
      timeZoneName: 'short',
    }),
  };
  const top = visible(level, null);
  return [
    `<section class="chime-fallback"${t.locale ? ` lang="${escape(t.locale)}"` : ''}>`,
    `<style>${FALLBACK_STYLES}</style>`,
    `<h2>${escape(m.heading(t.thread.count))}</h2>`,
    top.length ? list(level, null, 1) : `<p class="status">${escape(m.empty)}</p>`,
    t.capped ? `<p class="more">${t.more ? `<a href="${escape(t.more)}">${escape(m.loadMore)}</a>` : escape(m.loadMore)}</p>` : '',
    t.thread.closed ? `<p class="closed">${escape(m.closed)}</p>` : '',
    '</section>',
  ].join('');
}

/** Deleted comments stay only as long as someone answered them (as in the widget). */
const visible = (l: Level, parent: string | null): StoredComment[] =>
  (l.children.get(parent) ?? []).filter((c) => !c.deleted || visible(l, c.id).length > 0);

const descendants = (l: Level, parent: string | null): StoredComment[] => visible(l, parent).flatMap((c) => [c, ...descendants(l, c.id)]);

/** A level of the thread; the last level holds every deeper answer too, in reading order. */
function list(l: Level, parent: string | null, depth: number): string {
  const items = depth < l.t.maxDepth ? visible(l, parent) : descendants(l, parent);
  return `<ol class="${depth > 1 ? 'replies' : 'top'}">${items.map((c) => item(l, c, parent, depth)).join('')}</ol>`;
}

function item(l: Level, c: StoredComment, parent: string | null, depth: number): string {
  const role = c.author.role;
  const replies = depth < l.t.maxDepth && visible(l, c.id).length > 0;
  return [
    `<li class="comment${role === 'author' ? ' by-author' : ''}" id="comment-${escape(c.id)}">`,
    `<a class="number permalink" href="#comment-${escape(c.id)}">${c.number}.</a>`,
    `<article class="card">${c.deleted ? `<p class="deleted">${escape(l.t.messages.deleted)}</p>` : card(l, c, parent)}</article>`,
    replies ? list(l, c.id, depth + 1) : '',
    '</li>',
  ].join('');
}

function card(l: Level, c: StoredComment, parent: string | null): string {
  const m = l.t.messages;
  const { name, role } = c.author;
  // The widget's test of the address: an imported website that fails it shows as a plain name.
  const website = safeUrl(c.author.website);
  const author = website
    ? `<a class="author" href="${escape(website)}" rel="nofollow ugc noopener" target="_blank">${escape(name)}</a>`
    : `<span class="author">${escape(name)}</span>`;
  const answered = c.parentId !== parent ? l.byId.get(c.parentId!) : undefined;
  const reactions = Object.entries(REACTIONS).filter(([kind]) => (c.reactions?.[kind] ?? 0) > 0);
  const long = c.body.length > LONG_CHARS || c.body.split('\n', LONG_LINES + 1).length > LONG_LINES;
  return [
    l.t.avatars ? '<span class="avatar"></span>' : '',
    author,
    // Like classic blogs, the post's own author answers inline with a badge instead of "says:".
    role
      ? ` <span class="badge">${escape(role === 'author' ? m.authorBadge : m.moderatorBadge)}</span>`
      : ` <span class="says">${escape(m.says)}</span>`,
    c.pinned ? ` <span class="badge">${escape(m.pinned)}</span>` : '',
    ` <time datetime="${escape(c.createdAt)}" title="${escape(l.exact.format(new Date(c.createdAt)))}">${escape(l.date.format(new Date(c.createdAt)))}</time>`,
    c.editedAt ? ` <span class="edited">${escape(m.edited)}</span>` : '',
    answered
      ? ` <span class="reference">${escape(m.inReplyTo)} <a href="#comment-${escape(answered.id)}">${escape(answered.author.name)}</a></span>`
      : '',
    `<div class="body${long ? ' clamped' : ''}">${bodyHtml(c.body)}</div>`,
    // The row of the widget's buttons: "Show more" (a disclosure, which works without script) and the reaction counts.
    '<div class="actions">',
    long ? `<details class="expand"><summary>${escape(m.showMore)}</summary></details>` : '',
    ...reactions.map(([kind, emoji]) => `<span class="reaction" title="${kind}">${emoji} ${c.reactions![kind]}</span>`),
    '</div>',
  ].join('');
}
