import { LitElement, nothing, type PropertyValues } from 'lit';
import { chunk } from '../core/chunks.js';
import { FIRST_PAINT_ROOTS } from '../core/first-paint.js';
import { editToken } from '../core/identity.js';
import { messagesFor, type LocaleMessages } from '../core/i18n.js';
import { REACTIONS } from '../core/protocol.js';
import type { Comment, CommentPage } from '../core/types.js';
import { linkedCommentId } from '../core/url.js';
import { card, type Card } from './comment-card.js';
import { threadStyles } from './chime-thread.styles.js';
import { drawInto } from './plain-dom.js';
import { Dates } from './dates.js';
import type { ChimeThreadEvent } from './events.js';

/** A comment on screen: its item, and what its card was drawn from. */
interface Item {
  li: HTMLLIElement;
  drawn: unknown[];
}

/** Top-level comments drawn in each frame after the first (FIRST_PAINT_ROOTS). */
const BATCH = 50;

type OwnComment = typeof import('./own-comment.js');
let ownComment: Promise<OwnComment> | undefined;

/**
 * A thread's comments as nested, numbered lists. Renders what it is given and loads nothing
 * itself: what the reader does (reply, react, edit, delete, show more replies) goes out as events.
 *
 * A thread may hold a thousand comments, so each one is drawn once, with Lit, into plain DOM
 * kept by id, and drawn again only when something it shows changes; clicks are handled by one
 * listener. What stays in memory per comment is its elements, not Lit's bookkeeping.
 *
 * Its events are fired at the element only (neither bubbling nor composed): its owner listens on it.
 *
 * @tag chime-thread
 * @fires chime-reply - the reader wants to answer a comment; detail: { id }
 * @fires chime-react - the reader toggled a reaction; detail: { id, reaction }
 * @fires chime-edit - the reader saved a new text for their comment; detail: { id, body }
 * @fires chime-delete - the reader deleted their comment; detail: { id }
 * @fires chime-more-replies - the reader wants the replies a top-level comment's page left out; detail: { id }
 * @fires chime-resend - the reader sends a refused comment again, maybe edited; detail: { id, body }
 * @fires chime-discard - the reader gives up a comment that was not sent; detail: { id }
 * @slot - the reply form, shown under the comment named by `replyTo`
 * @csspart list - a list of comments (top level and each level of replies)
 * @csspart comment - a comment
 * @csspart author-comment - a comment by the site's author (also `comment`)
 * @csspart moderator-comment - a comment by a moderator (also `comment`)
 * @csspart number - a comment's number, its permalink
 * @csspart author - the writer's name
 * @csspart avatar - the writer's picture
 * @csspart badge - "Author" or "Moderator"
 * @csspart date - when it was written
 * @csspart edited - "edited"
 * @csspart body - the comment's text
 * @csspart reaction - a reaction button
 * @csspart textarea - the edit box of one's own comment
 * @csspart more-replies - "Show N more replies"
 * @csspart delivery - the note under a comment not sent yet, or awaiting approval
 * @csspart verified - the ✓ after the name of a writer the host site signed in (docs/sso.md)
 */
export class ChimeThread extends LitElement {
  static override styles = threadStyles;

  static override properties = {
    comments: { attribute: false },
    moreReplies: { attribute: false },
    messages: { attribute: false },
    locale: {},
    maxDepth: { type: Number, attribute: 'max-depth' },
    reactions: {},
    avatars: {},
    replyTo: { attribute: 'reply-to' },
    closed: { type: Boolean },
  };

  /** The comments to show (property only). */
  comments: Comment[] = [];
  /** Top-level comments whose replies were not all loaded (CommentPage.moreReplies). */
  moreReplies: NonNullable<CommentPage['moreReplies']> = {};
  /** The strings shown (property only). */
  messages: LocaleMessages = messagesFor('en');
  /** BCP 47 language tag for dates. */
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

  /** Toggled ids: `r` + id for collapsed replies, `b` + id for an expanded long body, `e` + id for one being edited. */
  readonly #open = new Set<string>();

  // Every button is in it: one listener handles their clicks.
  readonly #top = Object.assign(document.createElement('ol'), { className: 'top', part: 'list', onclick: (event: Event) => this.#onClick(event) });
  readonly #items = new Map<string, Item>();
  #children = new Map<string | null, Comment[]>();
  #byId = new Map<string, Comment>();
  /** What only a comment's writer sees (own-comment.ts), once loaded. */
  #own?: OwnComment;
  #dates?: Dates;
  /** The comment the page's #comment-<id> points at, once found. */
  #target = '';
  /** Top-level comments drawn so far: a long thread is drawn a batch per frame, so its first comments paint at once. */
  #drawn = FIRST_PAINT_ROOTS;
  #drawing = false;
  /** A comment to focus once it is drawn (focusOn). */
  #focus?: string;
  /** The focused element before an update, its comment, and where focus goes if both are gone. */
  #had: (Element | null)[] = [];

  /** Another comment linked, or a minute gone by ("3 minutes ago"; Edit disappears once too late). */
  #tick = () => {
    for (const time of this.renderRoot.querySelectorAll('time')) time.textContent = this.#dates!.ago(time.dateTime);
    this.requestUpdate();
  };
  #clock?: ReturnType<typeof setInterval>;

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('hashchange', this.#tick);
    this.#clock = setInterval(this.#tick, 60_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.#tick);
    clearInterval(this.#clock);
  }

  /** Moves focus to a comment once it is drawn: one the reader just wrote, or the first one they asked to see. */
  focusOn(id?: string): void {
    this.#focus = id;
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const active = (this.renderRoot as ShadowRoot).activeElement;
    const li = active?.closest('li');
    this.#had = li ? [active, li, li.nextElementSibling, li.previousElementSibling, li.parentElement!.closest('li')] : [];
    if (changed.has('locale') || !this.#dates) this.#dates = new Dates(this.locale);
    if (changed.has('comments')) {
      this.#children = new Map();
      this.#byId = new Map(this.comments.map((c) => [c.id, c]));
      for (const c of this.comments) {
        const siblings = this.#children.get(c.parentId);
        if (siblings) siblings.push(c);
        else this.#children.set(c.parentId, [c]);
      }
      // Replies in the order they were written (unsent ones last); top-level comments as given.
      for (const [parent, siblings] of this.#children) if (parent !== null) siblings.sort((a, b) => (a.number || Infinity) - (b.number || Infinity));
    }
    const id = linkedCommentId();
    if (id !== this.#target && this.#byId.has(id)) {
      this.#target = id;
      // The reader came for that comment: everything up to it is drawn at once, then highlighted
      // and scrolled to (permalink.ts, once this update has drawn it).
      this.#drawn = Infinity;
      void chunk(() => import('./permalink.js')).then((module) => module.showLinked(this.renderRoot as ShadowRoot, id));
    }
  }

  protected override render() {
    const seen = new Set<string>();
    this.#fill(this.#top, null, 1, seen);
    for (const id of this.#items.keys()) if (!seen.has(id)) this.#items.delete(id);
    return this.#top;
  }

  protected override updated(): void {
    // Focus lost by drawing: a comment moved (it stays there), or a button pressed went with what
    // it did (Edit, Save, Delete...): focus goes to the edit box that opened, else its comment,
    // else the comment after it, before it, or the one it answers.
    const [active, li, ...near] = this.#had as HTMLElement[];
    if (active && !(this.renderRoot as ShadowRoot).activeElement)
      [active, li.querySelector<HTMLElement>('.editor'), li, ...near].find((e) => e?.isConnected)?.focus();
    const focus = this.#items.get(this.#focus!)?.li;
    if (focus?.isConnected) {
      this.#focus = '';
      focus.focus();
    }
  }

  /** Puts a level's comments into `into`, in order, reusing what is already drawn. */
  #fill(into: HTMLOListElement, parent: string | null, depth: number, seen: Set<string>): void {
    // The last level holds every deeper answer too, in reading order.
    let items = depth < this.maxDepth ? this.#visibleChildren(parent) : this.#descendants(parent);
    if (depth === 1 && items.length > this.#drawn) {
      items = items.slice(0, this.#drawn);
      if (!this.#drawing) {
        this.#drawing = true;
        requestAnimationFrame(() => {
          this.#drawing = false;
          this.#drawn += BATCH;
          this.requestUpdate();
        });
      }
    }
    let next = into.firstChild;
    for (const c of items) {
      seen.add(c.id);
      const { li } = this.#item(c, parent, depth, seen);
      if (li === next) next = next.nextSibling;
      else into.insertBefore(li, next);
    }
    while (next) {
      const gone = next;
      next = next.nextSibling;
      gone.remove();
    }
  }

  #item(c: Comment, parent: string | null, depth: number, seen: Set<string>): Item {
    let item = this.#items.get(c.id);
    if (!item)
      this.#items.set(c.id, (item = { li: Object.assign(document.createElement('li'), { id: `comment-${c.id}`, tabIndex: -1 }), drawn: [] }));
    const replies = depth < this.maxDepth ? this.#descendants(c.id).length : 0;
    const d = {
      messages: this.messages,
      avatars: this.avatars,
      closed: this.closed,
      // By this device's edit token, or as the signed-in reader who wrote it (on any device).
      editable: Boolean(editToken(c.id)) || c.editableUntil! > new Date().toISOString(),
      editing: this.#open.has(`e${c.id}`),
      expanded: this.#open.has(`b${c.id}`),
      answered: c.parentId !== parent ? this.#byId.get(c.parentId!) : undefined,
      replies,
      collapsed: this.#open.has(`r${c.id}`),
      more: (depth === 1 && this.moreReplies[c.id]?.count) || 0,
      replying: this.replyTo === c.id,
    };
    // Everything the card shows: it is drawn again when any of it changes.
    const own = c.delivery || d.editing ? this.#ownComment() : undefined;
    const drawn = [c, this.locale, this.reactions, own, ...Object.values(d)];
    if (drawn.some((value, i) => value !== item.drawn[i])) {
      const reactions = this.reactions.split(',').filter((name) => REACTIONS[name]);
      const note = (c.delivery && own?.renderDelivery(c, d.messages)) || nothing;
      this.#draw(item, c, {
        ...d,
        reactions,
        time: this.#dates!.both(c.createdAt),
        note,
        editor: d.editing ? own?.editor(c, d.messages) : undefined,
      });
    }
    item.drawn = drawn;
    const list = item.li.querySelector<HTMLOListElement>(':scope > ol');
    if (list) this.#fill(list, c.id, depth + 1, seen);
    return item;
  }

  /** Draws a comment's card into its item (plain-dom.ts), and the item's own attributes. */
  #draw(item: Item, c: Comment, d: Card): void {
    const { li } = item;
    const role = c.author.role;
    li.className = `comment${role === 'author' ? ' by-author' : ''}`;
    li.setAttribute('part', `comment${role ? ` ${role}-comment` : ''}`);
    if (c.delivery) li.dataset.delivery = c.delivery.state;
    else delete li.dataset.delivery;
    drawInto(li, card(c, d));
  }

  /** Deleted comments stay only as long as someone answered them. */
  #visibleChildren(parent: string | null): Comment[] {
    return (this.#children.get(parent) ?? []).filter((c) => !c.deleted || this.#visibleChildren(c.id).length);
  }

  #descendants(parent: string | null): Comment[] {
    return this.#visibleChildren(parent).flatMap((c) => [c, ...this.#descendants(c.id)]);
  }

  /**
   * The note under a comment not sent or awaiting approval, and the edit box, are loaded the first
   * time one is shown (most readers never see one); until then they are left out.
   */
  #ownComment(): OwnComment | undefined {
    if (!this.#own) {
      void (ownComment ??= chunk(() => import('./own-comment.js'))).then((module) => {
        if (this.#own) return;
        this.#own = module;
        const root = this.renderRoot as ShadowRoot;
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, module.ownStyles.styleSheet!];
        this.requestUpdate();
      });
    }
    return this.#own;
  }

  #onClick(event: Event): void {
    const button = (event.target as Element).closest<HTMLElement>('[data-act]');
    const id = button?.closest('li')?.id.slice('comment-'.length);
    if (!button || !id) return;
    const { act, arg } = button.dataset as { act: string; arg?: string };
    // What a button opens or closes: the edit box (Save and Cancel close it), a long text, the replies.
    const open = { edit: 'e', save: 'e', cancel: 'e', expand: 'b', replies: 'r' }[act];
    if (open) {
      if (!this.#open.delete(open + id)) this.#open.add(open + id);
      this.requestUpdate();
    }
    // Save and Send again follow their text box (own-comment.ts): what it holds goes with the
    // event, and nothing goes when it holds nothing.
    const box = button.previousElementSibling;
    const body = box instanceof HTMLTextAreaElement ? box.value : undefined;
    if ((open && act !== 'save') || body?.trim() === '' || (act === 'delete' && !confirm(this.messages.confirmRemove))) return;
    // To <chime-comments> only, which listens on this element: neither bubbling nor composed.
    this.dispatchEvent(
      new CustomEvent<ChimeThreadEvent['detail']>(act === 'save' ? 'chime-edit' : `chime-${act}`, { detail: { id, reaction: arg, body } }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chime-thread': ChimeThread;
  }
}
