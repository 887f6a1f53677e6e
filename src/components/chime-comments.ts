import { LitElement, html, nothing, type PropertyValues } from 'lit';
import type { CommentAdapter } from '../core/adapter.js';
import { chunk } from '../core/chunks.js';
import { localeOf, localeReady, messagesFor } from '../core/i18n.js';
import type { SortOrder } from '../core/types.js';
import { defineLazy } from './lazy-elements.js';
import { ThreadController } from './thread-controller.js';
import { commentsStyles } from './chime-comments.styles.js';
import type { ChimeThreadEvent } from './events.js';
import { linkedCommentId } from '../core/url.js';

/** Everything that decides which comments are shown: a change to any of them reloads the thread. */
const SOURCE_PROPERTIES = ['thread', 'adapter', 'endpoint', 'seed', 'sort', 'pageSize', 'offlineCache', 'userToken', 'loading'] as const;

/** The form's code is fetched once a thread that takes comments is shown: count-only pages never load it. */
let form: Promise<unknown> | undefined;

/**
 * The whole comment section of one page: heading, thread and form.
 *
 * @tag chime-comments
 * @fires chime-posted - a comment was accepted; detail: { comment, editToken }
 * @fires chime-queued - a comment could not be sent yet and waits in the outbox; detail: { comment, error }
 * @fires chime-delivered - a comment from the outbox was accepted; detail: { comment, editToken }
 * @fires chime-rejected - the storage refused a comment for good; detail: { comment, error }
 * @fires chime-error - loading, posting or changing a comment failed, or the element is misconfigured; detail: { error: AdapterError, action }
 * @slot - shown in place of "Loading comments…" until there is a thread to show: the thread's HTML
 *   put in the page when it was built (GET /api/threads/{id}.html, docs/fallback.md)
 * @slot sign-in - shown in the form while no reader is signed in (user-token): how to sign in on the host site
 * @csspart section - the whole comment section
 * @csspart heading - "Comments (N)"
 * @csspart sort - the sort order select
 * @csspart new-comments - the "N new comments" button of live updates
 * @csspart error - why the thread could not load, or why a change was refused
 * @csspart offline - "Offline: showing saved comments."
 * @csspart thread - the comments (<chime-thread>)
 * @csspart load-more - "Load more comments"
 * @csspart closed - "Comments are closed."
 * @csspart form - the comment form (<chime-form>)
 * @csspart reply-form - the form under a comment being answered (<chime-form>)
 * @cssprop --chime-text - text
 * @cssprop --chime-muted - secondary text (dates, "says:")
 * @cssprop --chime-accent - links, buttons, badges
 * @cssprop --chime-accent-text - text on accent
 * @cssprop --chime-surface - author comments, code, quotes
 * @cssprop --chime-border - borders
 * @cssprop --chime-danger - validation and error messages
 * @cssprop --chime-highlight - a comment opened by its permalink
 * @cssprop --chime-background - the section's background
 * @cssprop --chime-input-background - the fields' background
 * @cssprop --chime-font-family - type (inherits the page's)
 * @cssprop --chime-font-size - type size (inherits the page's)
 * @cssprop --chime-line-height - line height
 * @cssprop --chime-radius - corner radius
 * @cssprop --chime-spacing - space between comments and between the section's parts (1em)
 * @cssprop --chime-density - a factor on the padding inside the form's fields and buttons (1)
 *
 * The parts of <chime-thread> and <chime-form> are exported: the page reaches every one of them
 * through this element (docs/theming.md).
 */
export class ChimeComments extends LitElement {
  static override styles = commentsStyles;

  static override properties = {
    thread: {},
    adapter: {},
    endpoint: {},
    seed: {},
    closed: { type: Boolean, reflect: true },
    theme: { reflect: true },
    locale: {},
    sort: { reflect: true },
    pageSize: { type: Number, attribute: 'page-size' },
    maxDepth: { type: Number, attribute: 'max-depth' },
    reactions: {},
    avatars: {},
    offlineCache: { attribute: 'offline-cache' },
    userToken: { attribute: 'user-token' },
    loading: {},
    _replyTo: { state: true },
  };

  /** The thread's id, usually the post's path. */
  thread = '';
  /** A registered adapter's name (attribute), or any CommentAdapter object (property). */
  adapter: string | CommentAdapter = '';
  /** Base URL of a Chime server; selects the REST adapter when `adapter` is not set. */
  endpoint = '';
  /** For the memory adapter: URL of a JSON file to start from. */
  seed = '';
  /** Shows "Comments are closed." instead of the form, whatever the storage says. */
  closed = false;
  /** light (default), dark, auto (the reader's system setting) or page (the page's own toggle: docs/theming.md). */
  theme = 'light';
  /** BCP 47 language tag for strings and dates; defaults to the page's lang. */
  locale = '';
  /** oldest, newest or top (most reacted); the reader changes it with the select in the heading row. */
  sort: SortOrder = 'oldest';
  /** Top-level comments per page; "Load more comments" fetches the next. */
  pageSize = 50;
  /** Nesting levels of replies; deeper answers show at the last level. */
  maxDepth = 3;
  /** Comma-separated reaction names offered under each comment (see REACTIONS); empty for none. */
  reactions = 'like,love,laugh';
  /** `local` identicons, `gravatar` (opt-in: requests to gravatar.com) or `off`. */
  avatars = 'local';
  /** "off" keeps nothing on the device: no saved threads or drafts, unsent comments live in memory. */
  offlineCache = 'on';
  /**
   * A signed-in reader of the host site: the token its backend signed for them (docs/sso.md). They
   * comment under that name, with a verified mark, and may change their comments on any device.
   * Empty (the default): anonymous commenting.
   */
  userToken = '';

  /**
   * `eager` (default): loads as it connects, like <img> and <iframe>. `lazy`: loads nothing (no
   * storage call, none of the thread's code: only the few lines that watch for it, near.ts) until
   * it comes within a screen of the viewport, or the page's address links to a comment.
   */
  loading = 'eager';

  /** The comment the reader is answering: the reply form shows under it. */
  private _replyTo = '';

  /**
   * What the live region says of the reader's comment. It also says what the new-comments button
   * and the offline notice show, as they appear: one polite region for all the widget's news.
   */
  #said = '';

  /** The chunk of the note under the reader's comment (own-comment.ts): it words the live region and why a change was refused. */
  #own?: typeof import('./own-comment.js');

  readonly #thread = new ThreadController(this, (news, detail) => {
    this.dispatchEvent(new CustomEvent(`chime-${news}`, { detail, bubbles: true, composed: true }));
    // Its strings come with the note under the reader's comment, shown at the same time.
    void chunk(() => import('./own-comment.js')).then((own) => {
      this.#said = (this.#own = own).said(news, detail, messagesFor(localeOf(this)), this.#said);
      this.requestUpdate();
    });
  });

  /** loading="lazy": the element came near the viewport, or the page's address links to a comment. */
  #near = false;

  /** Moves focus to a comment once the thread shows it. */
  #focus(id?: string): void {
    this.renderRoot.querySelector('chime-thread')?.focusOn(id);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('theme') && this.theme === 'page') void chunk(() => import('./page-theme.js')).then((module) => module.followPage(this));
    if (!SOURCE_PROPERTIES.some((name) => changed.has(name))) return;
    this._replyTo = '';
    if (this.loading === 'lazy' && !(this.#near ||= Boolean(linkedCommentId()))) {
      // Its own chunk: eager elements (the default) never load it.
      return void chunk(() => import('./near.js')).then((module) =>
        module.whenNear(this, () => {
          if (!this.#near) this.requestUpdate('thread');
          this.#near = true;
        }),
      );
    }
    this.#thread.show({ threadId: this.thread, sort: this.sort, pageSize: this.pageSize, persist: this.offlineCache !== 'off' });
  }

  protected override updated(): void {
    const { thread } = this.#thread.state;
    if (thread && !thread.closed && !this.closed) form ??= defineLazy(customElements, ['chime-form']);
  }

  protected override render() {
    // Lazy and not near yet, or in another language whose translation (a chunk loaded beside the
    // thread's first reads) is not here: the page's fallback, if any, rather than a flash of English.
    const locale = localeOf(this);
    if ((this.loading === 'lazy' && !this.#near) || !localeReady(locale, () => this.requestUpdate())) return html`<slot></slot>`;
    const m = messagesFor(locale);
    const { status, thread, error, busy, nextCursor, fresh, moreReplies, refused, outgoing, stale } = this.#thread.state;
    const comments = [...this.#thread.state.comments, ...outgoing];
    const isClosed = this.closed || Boolean(thread?.closed);
    const session = this.#thread.session;
    return html`<section part="section" dir=${m.dir ?? 'ltr'}>
      ${
        thread
          ? html`<div class="bar">
            <h2 part="heading">${m.heading(thread.count)}</h2>
            <label>
              ${m.sortLabel}
              <select part="sort" @change=${(e: Event) => (this.sort = (e.target as HTMLSelectElement).value as SortOrder)}>
                ${(Object.keys(m.sorts) as SortOrder[]).map(
                  (sort) => html`<option value=${sort} ?selected=${sort === this.sort}>${m.sorts[sort]}</option>`,
                )}
              </select>
            </label>
          </div>`
          : nothing
      }
      ${fresh.length ? html`<button class="secondary" part="new-comments" @click=${() => (session?.reveal(), this.#focus(fresh[0].id))}>${m.newComments(fresh.length)}</button>` : nothing}
      ${refused ? html`<p class="status" role="alert" part="error">${this.#own?.reason(refused, m)}</p>` : nothing}
      ${
        // What the page put inside the element (the thread's HTML) shows until the thread does,
        // also when it cannot be loaded.
        thread ? nothing : html`<slot>${status === 'loading' && !comments.length ? html`<p class="status">${m.loading}</p>` : nothing}</slot>`
      }
      ${
        error
          ? html`<p class="status" role="alert" part="error">
            ${m.loadFailed}
            ${
              // Also when the network kept the session (its code) or the adapter away; a setup error says what is wrong.
              session || error.code === 'network'
                ? html`<button class="secondary" @click=${() => this.#thread.retry()}>${m.retry}</button>`
                : error.message
            }
          </p>`
          : nothing
      }
      ${status === 'offline' ? html`<p class="status" part="offline">${m.offlineNotice}</p>` : nothing}
      ${
        comments.length
          ? html`<chime-thread
            part="thread"
            exportparts="list,comment,author-comment,moderator-comment,number,author,avatar,badge,date,edited,body,reaction,textarea,more-replies,delivery,verified"
            .comments=${comments}
            .moreReplies=${moreReplies}
            .messages=${m}
            locale=${locale}
            max-depth=${this.maxDepth}
            reactions=${session?.source.adapter.react ? this.reactions : ''}
            avatars=${this.avatars}
            reply-to=${this._replyTo}
            ?closed=${isClosed}
            @chime-reply=${({ detail }: ChimeThreadEvent) => (this._replyTo = detail.id)}
            @chime-react=${({ detail }: ChimeThreadEvent) => session?.writer.react(detail.id, detail.reaction!)}
            @chime-edit=${({ detail }: ChimeThreadEvent) => session?.writer.edit(detail.id, detail.body!)}
            @chime-delete=${({ detail }: ChimeThreadEvent) => session?.writer.remove(detail.id)}
            @chime-more-replies=${({ detail }: ChimeThreadEvent) => session?.loadReplies(detail.id)}
            @chime-resend=${({ detail }: ChimeThreadEvent) => session?.writer.resend(detail.id, detail.body)}
            @chime-discard=${({ detail }: ChimeThreadEvent) => session?.writer.discard(detail.id)}
          >
            ${
              this._replyTo && !isClosed
                ? html`<chime-form
                  part="reply-form"
                  .messages=${m}
                  .writer=${session?.writer}
                  parent=${this._replyTo}
                  reply-to=${comments.find((c) => c.id === this._replyTo)?.author.name ?? ''}
                  @chime-cancel=${() => (this._replyTo = '')}
                ></chime-form>`
                : nothing
            }
          </chime-thread>`
          : thread && status !== 'loading' && !busy
            ? html`<p class="status">${m.empty}</p>`
            : nothing
      }
      ${
        nextCursor && !stale.size
          ? html`<button class="secondary" part="load-more" ?disabled=${busy} @click=${async () => this.#focus(await session?.loadMore())}>${m.loadMore}</button>`
          : nothing
      }
      ${
        isClosed
          ? html`<p class="closed" part="closed">${m.closed}</p>`
          : // Not before the session, whose writer keeps the draft and posts (its code may be late).
            session && thread
            ? html`<chime-form part="form" .messages=${m} .writer=${session.writer}
                ><slot name="sign-in" slot="sign-in"></slot
              ></chime-form>`
            : nothing
      }
      <p role="log">
        ${fresh.length ? m.newComments(fresh.length) : ''} ${status === 'offline' ? m.offlineNotice : ''} ${this.#said}
      </p>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chime-comments': ChimeComments;
  }
}
