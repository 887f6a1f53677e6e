import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { adapterFor } from '../adapters/registry.js';
import type { CommentAdapter } from '../core/adapter.js';
import { AdapterError, toAdapterError } from '../core/errors.js';
import { localeOf, messagesFor, type LocaleMessages } from '../core/i18n.js';
import { offlineLayer, type OfflineLayer } from '../core/offline.js';
import type { OutboxChange } from '../core/outbox.js';
import { ThreadController } from './thread-controller.js';
import type { SortOrder } from '../core/types.js';
import { commentsStyles } from './chime-comments.styles.js';
import type { ChimeForm, CommentDraft, CommentSubmission } from './chime-form.js';
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

/**
 * The whole comment section of one page: heading, thread and form.
 *
 * @fires chime-posted - a comment was accepted; detail: { comment, editToken }
 * @fires chime-queued - a comment could not be sent yet and waits in the outbox; detail: { comment, error }
 * @fires chime-delivered - a comment from the outbox was accepted; detail: { comment, editToken }
 * @fires chime-rejected - the storage refused a comment for good; detail: { comment, error }
 * @fires chime-error - loading, posting or changing a comment failed; detail: { error: AdapterError, action }
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
  #adapter: CommentAdapter | null = null;

  readonly #thread = new ThreadController(this, (change) => this.#announce(change));

  get #offline(): Promise<OfflineLayer> {
    return offlineLayer(this.offlineCache !== 'off');
  }

  get #messages(): LocaleMessages {
    return messagesFor(this.#locale);
  }

  get #locale(): string {
    return localeOf(this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (SOURCE_PROPERTIES.some((name) => changed.has(name))) this.#load();
  }

  #load(): void {
    const adapter = (this.#adapter = adapterFor(this));
    if (!adapter || !this.thread) {
      this.#thread.error = new AdapterError('validation', 'Set a thread and an endpoint or adapter on <chime-comments>.');
      this.#reportError(this.#thread.error, 'load');
      return;
    }
    const threadId = this.thread;
    void this.#offline
      .then(({ drafts }) => drafts.read<CommentDraft>(threadId))
      .then((draft) => {
        if (draft && threadId === this.thread) {
          this.#draft = draft;
          this.requestUpdate();
        }
      });
    const source = { adapter, threadId, sort: this.sort, pageSize: this.pageSize, offline: this.#offline };
    void this.#thread.load(source).then(() => {
      if (this.#thread.error) this.#reportError(this.#thread.error, 'load');
    });
  }

  protected override render() {
    const m = this.#messages;
    const { thread, error, loading, nextCursor, fresh, offline } = this.#thread;
    const comments = [...this.#thread.comments, ...this.#thread.outgoing];
    const isClosed = this.closed || Boolean(thread?.closed);
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
      ${
        fresh.length
          ? html`<button class="secondary" part="new-comments" @click=${() => this.#thread.reveal()}>${m.newComments(fresh.length)}</button>`
          : nothing
      }
      ${this._actionError ? html`<p class="status" role="alert" part="error">${this._actionError}</p>` : nothing}
      ${loading && !comments.length ? html`<p class="status" role="status">${m.loading}</p>` : nothing}
      ${
        error
          ? html`<p class="status" role="alert" part="error">
            ${m.loadFailed} <button class="secondary" @click=${this.#load}>${m.retry}</button>
          </p>`
          : nothing
      }
      ${offline ? html`<p class="status" role="status" part="offline">${m.offlineNotice}</p>` : nothing}
      ${
        comments.length
          ? html`<chime-thread
            part="thread"
            .comments=${comments}
            .messages=${m}
            locale=${this.#locale}
            max-depth=${this.maxDepth}
            reactions=${this.#adapter?.react ? this.reactions : ''}
            avatars=${this.avatars}
            reply-to=${this._replyTo}
            ?closed=${isClosed}
            @chime-reply=${this.#onReply}
            @chime-react=${this.#onAction}
            @chime-edit=${this.#onAction}
            @chime-delete=${this.#onAction}
            @chime-resend=${({ detail }: CustomEvent<DeliveryRequest>) => this.#thread.resend(detail.id, detail.body)}
            @chime-discard=${({ detail }: CustomEvent<DeliveryRequest>) => this.#thread.discard(detail.id)}
          >
            ${
              this._replyTo && !isClosed
                ? html`<chime-form
                  part="reply-form"
                  .messages=${m}
                  .draft=${this.#replyDraft}
                  .sending=${this._sending}
                  reply-to=${this.#thread.comments.find((c) => c.id === this._replyTo)?.author.name ?? ''}
                  error=${this._formError}
                  @chime-draft=${(e: CustomEvent<CommentDraft>) => (this.#replyDraft = e.detail)}
                  @chime-submit=${(e: CustomEvent<CommentSubmission>) => this.#onSubmit(e, this._replyTo)}
                  @chime-cancel=${() => (this._replyTo = '')}
                ></chime-form>`
                : nothing
            }
          </chime-thread>`
          : thread && !loading
            ? html`<p class="status">${m.empty}</p>`
            : nothing
      }
      ${
        nextCursor
          ? html`<button class="secondary" part="load-more" ?disabled=${loading} @click=${() => this.#thread.loadMore()}>
            ${m.loadMore}
          </button>`
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
              error=${this._replyTo ? '' : this._formError}
              @chime-submit=${(e: CustomEvent<CommentSubmission>) => this.#onSubmit(e, null)}
              @chime-draft=${this.#onDraft}
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
    this._actionError = '';
    try {
      await (action === 'react' ? this.#thread.react(id, reaction!) : action === 'edit' ? this.#thread.edit(id, body!) : this.#thread.remove(id));
    } catch (error) {
      const adapterError = toAdapterError(error);
      this._actionError = adapterError.message;
      this.#reportError(adapterError, action);
    }
  }

  #onDraft({ detail }: CustomEvent<CommentDraft>): void {
    this.#draft = detail;
    void this.#offline.then(({ drafts }) => drafts.save(this.thread, detail));
  }

  async #onSubmit(event: CustomEvent<CommentSubmission>, parentId: string | null): Promise<void> {
    event.stopPropagation();
    const form = event.target as ChimeForm;
    // What the storage takes (NewComment: author, body, notifyReplies, fillMs, homepage), without the draft's own fields.
    const { name: _name, website: _website, email: _email, ...input } = event.detail;
    this._sending = true;
    this._formError = '';
    try {
      const id = crypto.randomUUID();
      await this.#thread.queue({ id, parentId, ...input });
      // In the outbox the comment is safe and shown in the thread: the text can go.
      form.reset();
      if (parentId) this._replyTo = '';
      else this.#draft = form.draft;
      await this.#thread.send();
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
    // The outbox holds the text now, so the draft goes before the page has a chance to close.
    if (type === 'added' && !entry.input.parentId) void this.#offline.then(({ drafts }) => drafts.clear(entry.input.threadId));
    if (result) this.#fire('chime-posted', result);
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
