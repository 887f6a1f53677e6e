import { html, nothing, type TemplateResult } from 'lit';
import type { LocaleMessages } from '../core/i18n.js';
import { REACTIONS } from '../core/protocol.js';
import type { Author, Comment } from '../core/types.js';
import { safeUrl } from '../core/url.js';
import { markdown } from '../core/markdown.js';
import { identicon } from './avatar.js';

/** Bodies longer than this (characters or lines) start collapsed behind "Show more". */
const LONG_CHARS = 800;
const LONG_LINES = 12;

/** Everything a comment's card is drawn from besides the comment: it is drawn again when any of it changes. */
export interface Card {
  messages: LocaleMessages;
  avatars: string;
  /** Reaction names offered under each comment. */
  reactions: string[];
  closed: boolean;
  /** This reader may still edit and delete it. */
  editable: boolean;
  /** Its edit box, while it is open (with its text as the reader left it when it is drawn again). */
  editor: TemplateResult | undefined;
  /** A long body shown in full. */
  expanded: boolean;
  /** The comment it answers, when shown at a level that does not say so by nesting. */
  answered: Comment | undefined;
  /** Replies shown under it (collapsible), and whether they are collapsed. */
  replies: number;
  collapsed: boolean;
  /** Replies its page left out ("Show N more replies"). */
  more: number;
  /** The reply form goes under it. */
  replying: boolean;
  /** "3 hours ago" and the exact date. */
  time: [label: string, title: string];
  /** The note under a comment the storage has not accepted, once its chunk is here. */
  note: TemplateResult | typeof nothing;
}

// Buttons say what they do in data-act (and data-arg); <chime-thread> handles every click in one
// listener, so a drawn card holds no listener and nothing of Lit's once it is on the page.
const button = (act: string, label: unknown, more: { arg?: string; expanded?: boolean } = {}) =>
  html`<button data-act=${act} data-arg=${more.arg ?? nothing} aria-expanded=${more.expanded ?? nothing}>${label}</button>`;

/**
 * What an item of the thread shows: the comment's number (its permalink) and card, the reply slot,
 * the replies toggle and the list of replies (which <chime-thread> fills), and "Show N more replies".
 */
export function card(c: Comment, d: Card): TemplateResult {
  const m = d.messages;
  const open = d.replies && !d.collapsed;
  return html`${c.delivery ? nothing : html`<a class="number permalink" part="number" href="#comment-${c.id}">${c.number}.</a>`}<article class="card">
      ${c.deleted ? html`<p class="deleted">${m.deleted}</p>` : content(c, d)}
    </article>
    ${d.replying ? html`<slot></slot>` : nothing}
    ${d.replies ? button('replies', d.collapsed ? m.showReplies(d.replies) : m.hideReplies, { expanded: !d.collapsed }) : nothing}
    ${open ? html`<ol class="replies" part="list"></ol>` : nothing}
    ${d.more ? html`<button class="more" part="more-replies" data-act="more-replies">${m.moreReplies(d.more)}</button>` : nothing}`;
}

function content(c: Comment, d: Card): TemplateResult {
  const m = d.messages;
  const { role, name, website } = c.author;
  const url = safeUrl(website);
  const long = c.body.length > LONG_CHARS || c.body.split('\n', LONG_LINES + 1).length > LONG_LINES;
  // A reader's name and text take the direction of their own words (an English comment in a Hebrew
  // thread, an Arabic name in an English one): dir="auto".
  // Like classic blogs, the post's own author answers inline with a badge instead of "says:". The
  // name links to the writer's website, if they gave one. A card is drawn from as few templates as
  // can be: each one costs a clone when a thread of a thousand comments is drawn.
  return html`${avatar(c.author, d.avatars)}<a class="author" part="author" dir="auto" href=${url ?? nothing} rel="nofollow ugc noopener" target="_blank"
      >${name}</a
    >${c.author.verified ? html`<span part="verified" role="img" aria-label=${m.verified} title=${m.verified}>✓</span>` : nothing}
    ${role ? html`<span class="badge" part="badge">${role === 'author' ? m.authorBadge : m.moderatorBadge}</span>` : m.says}
    ${c.pinned ? html`<span class="badge" part="badge">${m.pinned}</span>` : nothing}
    <time part="date" datetime=${c.createdAt} title=${d.time[1]}>${d.time[0]}</time>
    ${c.editedAt ? html`<span class="edited" part="edited">${m.edited}</span>` : nothing}
    ${d.answered ? html`<span class="reference">${m.inReplyTo} <a href="#comment-${d.answered.id}">${d.answered.author.name || '…'}</a></span>` : nothing}
    ${
      d.editor ??
      html`<div class="body ${long && !d.expanded ? 'clamped' : ''}" part="body" dir="auto">${markdown(c.body, html)}</div>
        ${long ? button('expand', d.expanded ? m.showLess : m.showMore, { expanded: d.expanded }) : nothing}`
    }
    ${c.delivery ? d.note : actions(c, d)}`;
}

function actions(c: Comment, d: Card) {
  const m = d.messages;
  const mine = c.myReactions ?? [];
  // A reaction shows its name beside the emoji, readable without an emoji font, and is heard as "Like, 3".
  return html`${d.reactions.map((name) => {
    const count = c.reactions?.[name] || 0;
    return html`<button class="reaction" part="reaction" aria-label="${m.reactions[name]}, ${count}" aria-pressed=${mine.includes(name)} data-act="react" data-arg=${name}>
      ${REACTIONS[name]} ${m.reactions[name]} ${count || ''}
    </button>`;
  })}${d.closed ? nothing : html`<button data-act="reply">${m.reply}</button>`}${d.editable ? html`${button('edit', m.edit)}${button('delete', m.remove)}` : nothing}`;
}

/** `remote` and `gravatar` load a signed-in writer's picture (https only, docs/sso.md); `gravatar` also Gravatar's for the others. */
function avatar({ name, avatarHash, avatar }: Author, avatars: string) {
  if (avatars === 'off') return nothing;
  const src =
    (avatars !== 'local' && avatar?.startsWith('https://') && avatar) ||
    (avatars === 'gravatar' && avatarHash && `https://gravatar.com/avatar/${avatarHash}?s=64&d=identicon`);
  return src ? html`<img class="avatar" part="avatar" alt="" loading="lazy" src=${src} />` : identicon(avatarHash || name);
}
