import { LitElement, html, nothing, type PropertyValues } from 'lit';
import type { CommentAdapter } from '../core/adapter.js';
import { toAdapterError, type AdapterError } from '../core/errors.js';
import { forgetAuthor, rememberedAuthor } from '../core/identity.js';
import { localeOf, messagesFor, type LocaleMessages } from '../core/i18n.js';
import type { OutboxChange } from '../core/outbox.js';
import type { SortOrder } from '../core/types.js';
import { ThreadController } from './thread-controller.js';
import { commentsStyles } from './chime-comments.styles.js';
import type { ChimeForm, CommentDraft } from './chime-form.js';
import type { DeliveryRequest } from './delivery-note.js';

/** Everything that decides which comments are shown: a change to any of them reloads the thread. */
const SOURCE_PROPERTIES = ['thread', 'adapter', 'endpoint', 'seed', 'sort', 'pageSize', 'offlineCache'] as const;

/** The DOM event each outbox change is announced with. */
const DELIVERY_EVENTS: Partial<Record<OutboxChange['type'], string>> = {
  retrying: 'chime-queued',
  delivered: 'chime-delivered',
  rejected: 'chime-rejected',
};

type Action = 'load' | 'post' | 'react' | 'edit' | 'delete';

/** The form's code is fetched once a thread that takes comments is shown: count-only pages never load it. */
let form: Promise<unknown> | undefined;
const needForm = () =>
  (form ??= import('./chime-form.js').then(({ ChimeForm }) => customElements.get('chime-form') || customElements.define('chime-form', ChimeForm)));

/**
 * The whole comment section of one page: heading, thread and form.
 *
 * @fires chime-posted - a comment was accepted; detail: { comment, editToken }
 * @fires chime-queued - a comment could not be sent yet and waits in the outbox; detail: { comment, error }
 * @fires chime-delivered - a comment from the outbox was accepted; detail: { comment, editToken }
 * @fires chime-rejected - the storage refused a comment for good; detail: { comment, error }
 * @fires chime-error - loading, posting or changing a comment failed, or the element is misconfigured; detail: { error: AdapterError, action }
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
    _sending: { state: true },
    _replyTo: { state: true },
    _actionError: { state: true },
    _formError: { state: true },
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
  /** light (default), dark, or auto (follows the reader's system setting). */
  theme = 'light';
  /** BCP 47 language tag for strings and dates; defaults to the page's lang. */
  locale = '';
  sort: SortOrder = 'oldest';
  pageSize = 50;
  /** Nesting levels of replies; deeper answers show at the last level. */
  maxDepth = 3;
  /** Comma-separated reaction names offered under each comment (see REACTIONS); empty for none. */
  reactions = 'like,love,laugh';
  /** `local` identicons, `gravatar` (opt-in: requests to gravatar.com) or `off`. */
  avatars = 'local';
  /** "off" keeps nothing on the device: no saved threads or drafts, unsent comments live in memory. */
  offlineCache = 'on';

  private _sending = false;
  private _formError = '';
  /**
   * Each form's text as it last announced it (chime-draft). A render hands the form back this
   * very object, which it ignores as unchanged; an older one would wipe what the reader typed.
   */
  #draft: CommentDraft = { name: '', website: '', body: '' };
  #replyDraft?: CommentDraft;
  /** The comment the reader is answering: the reply form shows under it. */
  private _replyTo = '';
  private _actionError = '';
  /** This device remembers the reader's name and website (from their last comment). */
  #remembered = false;

  readonly #thread = new ThreadController(this, {
    // What the reader was typing here on an earlier visit.
    ready: (session) =>
      void session.draft<CommentDraft>().then((draft) => {
        if (draft && session === this.#thread.session) {
          this.#draft = draft;
          this.requestUpdate();
        }
      }),
    delivered: (change) => this.#announce(change),
    failed: (error) => this.#reportError(error, 'load'),
  });

  get #messages(): LocaleMessages {
    return messagesFor(localeOf(this));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (SOURCE_PROPERTIES.some((name) => changed.has(name))) this.#load();
  }

  protected override updated(): void {
    const { thread } = this.#thread.state;
    if (thread && !thread.closed && !this.closed) void needForm();
  }

  #load(): void {
    this.#thread.show({ threadId: this.thread, sort: this.sort, pageSize: this.pageSize, persist: this.offlineCache !== 'off' });
    // The name and website of this reader's last comment, unless a draft says otherwise.
    const author = rememberedAuthor();
    this.#remembered = Boolean(author);
    if (author && !this.#draft.name) this.#draft = { ...this.#draft, name: author.name, website: author.website ?? '' };
  }

  protected override render() {
    const m = this.#messages;
    const { status, thread, error, busy, nextCursor, fresh, moreReplies } = this.#thread.state;
    const comments = [...this.#thread.state.comments, ...this.#thread.state.outgoing];
    const isClosed = this.closed || Boolean(thread?.closed);
    const session = this.#thread.session;
    return html`<section part="section">
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
      ${fresh.length ? html`<button class="secondary" part="new-comments" @click=${() => session?.reveal()}>${m.newComments(fresh.length)}</button>` : nothing}
      ${this._actionError ? html`<p class="status" role="alert" part="error">${this._actionError}</p>` : nothing}
      ${status === 'loading' && !comments.length ? html`<p class="status" role="status">${m.loading}</p>` : nothing}
      ${
        error
          ? html`<p class="status" role="alert" part="error">
            ${m.loadFailed} ${session ? html`<button class="secondary" @click=${() => session.retry()}>${m.retry}</button>` : error.message}
          </p>`
          : nothing
      }
      ${status === 'offline' ? html`<p class="status" role="status" part="offline">${m.offlineNotice}</p>` : nothing}
      ${
        comments.length
          ? html`<chime-thread
            part="thread"
            .comments=${comments}
            .moreReplies=${moreReplies}
            .messages=${m}
            locale=${localeOf(this)}
            max-depth=${this.maxDepth}
            reactions=${session?.source.adapter.react ? this.reactions : ''}
            avatars=${this.avatars}
            reply-to=${this._replyTo}
            ?closed=${isClosed}
            @chime-reply=${this.#onReply}
            @chime-react=${this.#onAction}
            @chime-edit=${this.#onAction}
            @chime-delete=${this.#onAction}
            @chime-more-replies=${({ detail }: CustomEvent<{ id: string }>) => session?.loadReplies(detail.id)}
            @chime-resend=${({ detail }: CustomEvent<DeliveryRequest>) => session?.resend(detail.id, detail.body)}
            @chime-discard=${({ detail }: CustomEvent<DeliveryRequest>) => session?.discard(detail.id)}
          >
            ${
              this._replyTo && !isClosed
                ? html`<chime-form
                  part="reply-form"
                  .messages=${m}
                  .draft=${this.#replyDraft}
                  .sending=${this._sending}
                  reply-to=${comments.find((c) => c.id === this._replyTo)?.author.name ?? ''}
                  error=${this._formError}
                  @chime-draft=${(e: CustomEvent<CommentDraft>) => (this.#replyDraft = e.detail)}
                  @chime-submit=${(e: CustomEvent<CommentDraft>) => this.#onSubmit(e, this._replyTo)}
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
        nextCursor && !this.#thread.state.stale.size
          ? html`<button class="secondary" part="load-more" ?disabled=${busy} @click=${() => session?.loadMore()}>${m.loadMore}</button>`
          : nothing
      }
      ${
        isClosed
          ? html`<p class="closed" part="closed">${m.closed}</p>`
          : thread
            ? html`<chime-form
              part="form"
              .messages=${m}
              .sending=${this._sending}
              .draft=${this.#draft}
              ?remembered=${this.#remembered}
              error=${this._replyTo ? '' : this._formError}
              @chime-submit=${(e: CustomEvent<CommentDraft>) => this.#onSubmit(e, null)}
              @chime-draft=${this.#onDraft}
              @chime-forget=${this.#onForget}
            ></chime-form>`
            : nothing
      }
    </section>`;
  }

  async #onReply(event: CustomEvent<{ id: string }>): Promise<void> {
    this.#replyDraft = { ...this.#draft, body: '' };
    this._formError = '';
    this._replyTo = event.detail.id;
    await this.updateComplete;
    const form = this.renderRoot.querySelector<ChimeForm>('chime-form[part=reply-form]');
    await form?.updateComplete;
    form?.renderRoot.querySelector('textarea')?.focus();
  }

  /** Reactions, edits and deletions show at once; a refusal puts the comment back and says why. */
  async #onAction(event: CustomEvent<{ id: string; reaction?: string; body?: string }>): Promise<void> {
    const { id, reaction, body } = event.detail;
    const action = event.type.slice(6) as Action;
    const session = this.#thread.session;
    this._actionError = '';
    try {
      await (action === 'react' ? session?.react(id, reaction!) : action === 'edit' ? session?.edit(id, body!) : session?.remove(id));
    } catch (error) {
      const adapterError = toAdapterError(error);
      this._actionError = adapterError.message;
      this.#reportError(adapterError, action);
    }
  }

  #onDraft({ detail }: CustomEvent<CommentDraft>): void {
    this.#draft = detail;
    this.#thread.session?.keepDraft(detail);
  }

  /** The reader asked this device to forget their name and website. */
  #onForget(): void {
    forgetAuthor();
    this.#remembered = false;
    this.#onDraft(new CustomEvent('chime-draft', { detail: { ...this.#draft, name: '', website: '' } }));
    this.requestUpdate();
  }

  async #onSubmit(event: CustomEvent<CommentDraft>, parentId: string | null): Promise<void> {
    event.stopPropagation();
    const form = event.target as ChimeForm;
    const { name, website, body } = event.detail;
    const session = this.#thread.session;
    if (!session) return;
    this._sending = true;
    this._formError = '';
    try {
      const id = crypto.randomUUID();
      await session.queue({ id, parentId, author: { name, website: website || null }, body });
      // In the outbox the comment is safe and shown in the thread: the text can go.
      form.reset();
      if (parentId) this._replyTo = '';
      else this.#draft = form.draft;
      await session.send();
    } catch (error) {
      // Only the outbox itself failing lands here; the text stays in the form.
      this._formError = toAdapterError(error).message;
    } finally {
      this._sending = false;
    }
  }

  #announce({ type, entry, result, error }: OutboxChange): void {
    // The attempt has an answer: the form is free again before anyone hears about it.
    if (type !== 'added') this._sending = false;
    const name = DELIVERY_EVENTS[type];
    // Queued once, when the first attempt fails; delivered only if it ever waited.
    if (name && (type !== 'retrying' || entry.attempts === 1) && (type !== 'delivered' || entry.attempts > 0)) {
      this.#fire(name, result ?? { comment: entry.input, error });
    }
    if (result) {
      this.#remembered = Boolean(rememberedAuthor());
      this.#fire('chime-posted', result);
    }
    if (error && type === 'rejected') this.#reportError(error, 'post');
  }

  #reportError(error: AdapterError, action: Action): void {
    this.#fire('chime-error', { error, action });
  }

  #fire(name: string, detail: object): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chime-comments': ChimeComments;
  }
}
