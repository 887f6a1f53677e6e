import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { identicon } from './avatar.js';
import { editToken } from '../core/identity.js';
import { messagesFor, type LocaleMessages } from '../core/i18n.js';
import { renderBody } from './markdown.js';
import type { Author, Comment } from '../core/types.js';
import { linkedCommentId, safeUrl } from '../core/url.js';
import { REACTIONS } from '../core/protocol.js';
import { deliveryStyles, threadStyles } from './chime-thread.styles.js';
import type { renderDelivery } from './delivery-note.js';

const UNITS = [
  ['year', 31_536_000],
  ['month', 2_592_000],
  ['week', 604_800],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
] as const;

/** Bodies longer than this (characters or lines) start collapsed behind "Show more". */
const LONG_CHARS = 800;
const LONG_LINES = 12;

// A comment object never changes (updates replace it), so the costly parts of rendering it
// (Markdown, dates, avatar) are kept with it: "Load more" re-renders old comments cheaply.
const memos = new WeakMap<Comment, Map<string, unknown>>();
function memo<T>(comment: Comment, key: string, make: () => T): T {
  let memo = memos.get(comment);
  if (!memo) memos.set(comment, (memo = new Map()));
  if (!memo.has(key)) memo.set(key, make());
  return memo.get(key) as T;
}

/**
 * A thread's comments as nested, numbered lists. Renders what it is given and loads nothing
 * itself: what the reader does (reply, react, edit, delete) goes out as events.
 *
 * @fires chime-reply - detail: { id } the reader wants to answer a comment
 * @fires chime-react - detail: { id, reaction } the reader toggled a reaction
 * @fires chime-edit - detail: { id, body } the reader saved a new text for their comment
 * @fires chime-delete - detail: { id } the reader deleted their comment
 * @slot - the reply form, shown under the comment named by `replyTo`
 */
export class ChimeThread extends LitElement {
  static override styles = [threadStyles, deliveryStyles];

  static override properties = {
    comments: { attribute: false },
    messages: { attribute: false },
    locale: {},
    maxDepth: { type: Number, attribute: 'max-depth' },
    reactions: {},
    avatars: {},
    replyTo: { attribute: 'reply-to' },
    closed: { type: Boolean },
    _open: { state: true },
    _editing: { state: true },
  };

  comments: Comment[] = [];
  messages: LocaleMessages = messagesFor('en');
  locale?: string;
  /** Nesting levels; answers deeper than this show at the last level, saying whom they answer. */
  maxDepth = 3;
  /** Comma-separated names from REACTIONS; empty for none. */
  reactions = '';
  /** `local` identicons (default), `gravatar` (requests images from gravatar.com) or `off`. */
  avatars = 'local';
  /** The comment whose reply form (the slotted content) is open. */
  replyTo = '';
  /** No replies in a closed thread. */
  closed = false;

  /** Toggled ids: `r` + id for collapsed replies, `b` + id for an expanded long body. */
  private _open = new Set<string>();
  private _editing = '';
  /** The text of the comment being edited, as typed so far. */
  #edited = '';

  #children = new Map<string | null, Comment[]>();
  #renderDelivery?: typeof renderDelivery;
  #loadingDelivery?: Promise<void>;
  #byId = new Map<string, Comment>();
  #date?: Intl.DateTimeFormat;
  #relative?: Intl.RelativeTimeFormat;
  /** The comment the page's #comment-<id> points at, once found. */
  #target = '';
  #scroll = false;

  /** Another comment linked, or a minute gone by ("3 minutes ago"; Edit disappears once too late). */
  #refresh = () => this.requestUpdate();
  #clock?: ReturnType<typeof setInterval>;

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('hashchange', this.#refresh);
    this.#clock = setInterval(this.#refresh, 60_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.#refresh);
    clearInterval(this.#clock);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('locale') || !this.#date) {
      this.#date = new Intl.DateTimeFormat(this.locale || undefined, { dateStyle: 'long', timeStyle: 'short' });
      this.#relative = new Intl.RelativeTimeFormat(this.locale || undefined, { numeric: 'auto' });
    }
    if (changed.has('comments')) {
      this.#children = new Map();
      this.#byId = new Map();
      for (const c of this.comments) {
        this.#byId.set(c.id, c);
        const siblings = this.#children.get(c.parentId);
        if (siblings) siblings.push(c);
        else this.#children.set(c.parentId, [c]);
      }
    }
    const id = linkedCommentId();
    if (id !== this.#target && this.#byId.has(id)) {
      this.#target = id;
      this.#scroll = true;
    }
  }

  protected override updated(): void {
    if (this.#scroll) {
      this.#scroll = false;
      this.shadowRoot!.getElementById(`comment-${this.#target}`)?.scrollIntoView({ block: 'center' });
    }
  }

  protected override render() {
    return this.#list(null, 1);
  }

  /** A level of the thread; the last level holds every deeper answer too, in reading order. */
  #list(parent: string | null, depth: number): TemplateResult {
    const items = depth < this.maxDepth ? this.#visibleChildren(parent) : this.#descendants(parent);
    // Not keyed with repeat(): every comment's state (collapsed, expanded, the text being edited)
    // lives in this element, so updating the items in place is safe, and chime.js does without
    // the directive.
    return html`<ol part="list" class=${depth > 1 ? 'replies' : 'top'}>
      ${items.map((c) => this.#comment(c, parent, depth))}
    </ol>`;
  }

  /** Deleted comments stay only as long as someone answered them. */
  #visibleChildren(parent: string | null): Comment[] {
    return (this.#children.get(parent) ?? []).filter((c) => !c.deleted || this.#visibleChildren(c.id).length);
  }

  /**
   * The note under a comment not sent or awaiting approval is loaded on demand (most readers never
   * see one); until it is here the note is left out.
   */
  #deliveryNote(comment: Comment) {
    if (this.#renderDelivery) return this.#renderDelivery(comment, this.messages);
    // One import, however many unsent comments render before it resolves.
    if (!this.#loadingDelivery) {
      this.#loadingDelivery = import('./delivery-note.js').then((module) => {
        this.#renderDelivery = module.renderDelivery;
        this.requestUpdate();
      });
    }
    return nothing;
  }

  #descendants(parent: string | null): Comment[] {
    return this.#visibleChildren(parent).flatMap((c) => [c, ...this.#descendants(c.id)]);
  }

  #comment(c: Comment, parent: string | null, depth: number) {
    const m = this.messages;
    const role = c.author.role;
    const replies = depth < this.maxDepth ? this.#descendants(c.id).length : 0;
    const collapsed = this._open.has(`r${c.id}`);
    const answered = c.parentId !== parent && this.#byId.get(c.parentId!);
    return html`<li
      class="comment ${role === 'author' ? 'by-author' : ''} ${this.#target === c.id ? 'target' : ''}"
      id="comment-${c.id}"
      data-delivery=${c.delivery?.state ?? nothing}
      part="comment${role ? ` ${role}-comment` : ''}"
    >
      <span class="number" part="number">${c.delivery ? nothing : `${c.number}.`}</span>
      <article class="card">
        ${
          c.deleted
            ? html`<p class="deleted">${m.deleted}</p>`
            : html`<header class="byline">
                ${memo(c, `a${this.avatars}`, () => this.#avatar(c.author))} ${this.#author(c.author)} ${c.pinned ? html`<span class="badge" part="badge">${m.pinned}</span>` : nothing}
                <a class="permalink" href="#comment-${c.id}">${this.#time(c)}</a>
                ${c.editedAt ? html`<span class="edited" part="edited">${m.edited}</span>` : nothing}
                ${
                  answered
                    ? html`<span class="reference">${m.inReplyTo} <a href="#comment-${answered.id}">${answered.author.name || '…'}</a></span>`
                    : nothing
                }
              </header>
              ${this._editing === c.id ? this.#editor(c) : this.#body(c)}
              ${c.delivery ? this.#deliveryNote(c) : html`<footer class="actions">${this.#actions(c)}</footer>`}`
        }
      </article>
      ${this.replyTo === c.id ? html`<slot></slot>` : nothing}
      ${
        replies
          ? html`<button aria-expanded=${!collapsed} @click=${() => this.#toggle(`r${c.id}`)}>
              ${collapsed ? m.showReplies(replies) : m.hideReplies}
            </button>
            ${collapsed ? nothing : this.#list(c.id, depth + 1)}`
          : nothing
      }
    </li>`;
  }

  #body(c: Comment) {
    const long = c.body.length > LONG_CHARS || c.body.split('\n', LONG_LINES + 1).length > LONG_LINES;
    const open = this._open.has(`b${c.id}`);
    return html`<div class="body ${long && !open ? 'clamped' : ''}" part="body">${memo(c, 'body', () => renderBody(c.body))}</div>
      ${
        long
          ? html`<button aria-expanded=${open} @click=${() => this.#toggle(`b${c.id}`)}>
            ${open ? this.messages.showLess : this.messages.showMore}
          </button>`
          : nothing
      }`;
  }

  #editor(c: Comment) {
    const m = this.messages;
    return html`<textarea
        class="editor"
        part="textarea"
        aria-label=${m.edit}
        .value=${this.#edited}
        @input=${(e: InputEvent) => (this.#edited = (e.target as HTMLTextAreaElement).value)}
      ></textarea>
      <div class="actions">
        <button @click=${() => this.#save(c.id)}>${m.save}</button>
        <button @click=${() => (this._editing = '')}>${m.cancel}</button>
      </div>`;
  }

  #actions(c: Comment) {
    const m = this.messages;
    const mine = c.myReactions ?? [];
    return html`${this.reactions
      .split(',')
      .filter((name) => REACTIONS[name])
      .map(
        (name) =>
          html`<button class="reaction" part="reaction" title=${name} aria-pressed=${mine.includes(name)} @click=${() => this.#fire('chime-react', { id: c.id, reaction: name })}>
            ${REACTIONS[name]} ${c.reactions?.[name] || ''}
          </button>`,
      )}
    ${this.closed ? nothing : html`<button @click=${() => this.#fire('chime-reply', { id: c.id })}>${m.reply}</button>`}
    ${
      editToken(c.id)
        ? html`<button @click=${() => this.#edit(c)}>${m.edit}</button>
          <button @click=${() => confirm(m.confirmRemove) && this.#fire('chime-delete', { id: c.id })}>${m.remove}</button>`
        : nothing
    }`;
  }

  #author({ name, role, website }: Author) {
    const url = safeUrl(website);
    const label = url
      ? html`<a class="author" part="author" href=${url} rel="nofollow ugc noopener" target="_blank">${name}</a>`
      : html`<span class="author" part="author">${name}</span>`;
    // Like classic blogs, the post's own author answers inline with a badge instead of "says:".
    if (role) {
      const badge = role === 'author' ? this.messages.authorBadge : this.messages.moderatorBadge;
      return html`${label} <span class="badge" part="badge">${badge}</span>`;
    }
    return html`${label} <span class="says">${this.messages.says}</span>`;
  }

  #avatar({ name, avatarHash }: Author) {
    if (this.avatars === 'off') return nothing;
    return this.avatars === 'gravatar' && avatarHash
      ? html`<img class="avatar" part="avatar" alt="" loading="lazy" src="https://gravatar.com/avatar/${avatarHash}?s=64&amp;d=identicon" />`
      : identicon(avatarHash || name);
  }

  /** "3 hours ago", worked out at each render, with the exact date (worked out once) in the tooltip. */
  #time(c: Comment) {
    const date = new Date(c.createdAt);
    if (Number.isNaN(date.getTime())) return nothing;
    const seconds = (date.getTime() - Date.now()) / 1000;
    const [unit, size] = UNITS.find(([, size]) => Math.abs(seconds) >= size) ?? ['second', 1];
    const label = this.#relative!.format(Math.round(seconds / size), unit);
    return html`<time part="date" datetime=${c.createdAt} title=${memo(c, `t${this.locale}`, () => this.#date!.format(date))}>${label}</time>`;
  }

  #toggle(key: string): void {
    const open = new Set(this._open);
    if (!open.delete(key)) open.add(key);
    this._open = open;
  }

  #edit(c: Comment): void {
    this.#edited = c.body;
    this._editing = c.id;
  }

  #save(id: string): void {
    this._editing = '';
    if (this.#edited.trim()) this.#fire('chime-edit', { id, body: this.#edited });
  }

  #fire(type: string, detail: object): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chime-thread': ChimeThread;
  }
}
