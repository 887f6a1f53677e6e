import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { adapterFor } from '../adapters/registry.js';
import type { CommentAdapter } from '../core/adapter.js';
import { AdapterError, toAdapterError } from '../core/errors.js';
import { messagesFor, type Messages } from '../core/i18n.js';
import { ThreadController } from '../core/thread-controller.js';
import type { SortOrder } from '../core/types.js';
import { commentsStyles } from './chime-comments.styles.js';
import type { ChimeForm, CommentDraft } from './chime-form.js';

/** Everything that decides which comments are shown: a change to any of them reloads the thread. */
const SOURCE_PROPERTIES = ['thread', 'adapter', 'endpoint', 'seed', 'sort', 'pageSize'] as const;

type Action = 'load' | 'post' | 'react' | 'edit' | 'delete';

/**
 * The whole comment section of one page: heading, thread and form.
 *
 * @fires chime-posted - a comment was accepted; detail: { comment, editToken }
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
    _sending: { state: true },
    _replyTo: { state: true },
    _actionError: { state: true },
    _formError: { state: true },
    _formNotice: { state: true },
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

  private _sending = false;
  private _formError = '';
  private _formNotice = '';
  /** The comment the reader is answering: the reply form shows under it. */
  private _replyTo = '';
  private _actionError = '';
  #replyDraft?: CommentDraft;
  #adapter: CommentAdapter | null = null;

  readonly #thread = new ThreadController(this);

  get #messages(): Messages {
    return messagesFor(this.#locale);
  }

  get #locale(): string {
    return this.locale || this.closest('[lang]')?.getAttribute('lang') || navigator.language;
  }

  #resolveAdapter(): CommentAdapter | null {
    return typeof this.adapter === 'object' ? this.adapter : adapterFor(this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (SOURCE_PROPERTIES.some((name) => changed.has(name))) this.#load();
  }

  #load(): void {
    const adapter = (this.#adapter = this.#resolveAdapter());
    if (!adapter || !this.thread) {
      this.#thread.error = new AdapterError('validation', 'Set a thread and an endpoint or adapter on <chime-comments>.');
      this.#reportError(this.#thread.error, 'load');
      return;
    }
    const source = { adapter, threadId: this.thread, sort: this.sort, pageSize: this.pageSize };
    void this.#thread.load(source).then(() => {
      if (this.#thread.error) this.#reportError(this.#thread.error, 'load');
    });
  }

  protected override render() {
    const m = this.#messages;
    const { thread, comments, error, loading, nextCursor, fresh } = this.#thread;
    const isClosed = this.closed || Boolean(thread?.closed);
    return html`<section part="section">
      ${thread
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
        : nothing}
      ${fresh.length
        ? html`<button class="secondary" part="new-comments" @click=${() => this.#thread.reveal()}>${m.newComments(fresh.length)}</button>`
        : nothing}
      ${this._actionError ? html`<p class="status" role="alert" part="error">${this._actionError}</p>` : nothing}
      ${loading && !comments.length ? html`<p class="status" role="status">${m.loading}</p>` : nothing}
      ${error
        ? html`<p class="status" role="alert" part="error">
            ${m.loadFailed} <button class="secondary" @click=${this.#load}>${m.retry}</button>
          </p>`
        : nothing}
      ${comments.length
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
          >
            ${this._replyTo && !isClosed
              ? html`<chime-form
                  part="reply-form"
                  .messages=${m}
                  .draft=${this.#replyDraft}
                  .sending=${this._sending}
                  reply-to=${this.#thread.comments.find((c) => c.id === this._replyTo)?.author.name ?? ''}
                  error=${this._formError}
                  @chime-submit=${(e: CustomEvent<CommentDraft>) => this.#onSubmit(e, this._replyTo)}
                  @chime-cancel=${() => (this._replyTo = '')}
                ></chime-form>`
              : nothing}
          </chime-thread>`
        : thread && !loading
          ? html`<p class="status">${m.empty}</p>`
          : nothing}
      ${nextCursor
        ? html`<button class="secondary" part="load-more" ?disabled=${loading} @click=${() => this.#thread.loadMore()}>
            ${m.loadMore}
          </button>`
        : nothing}
      ${isClosed
        ? html`<p class="closed" part="closed">${m.closed}</p>`
        : thread
          ? html`<chime-form
              part="form"
              .messages=${m}
              .sending=${this._sending}
              error=${this._replyTo ? '' : this._formError}
              notice=${this._formNotice}
              @chime-submit=${(e: CustomEvent<CommentDraft>) => this.#onSubmit(e, null)}
            ></chime-form>`
          : nothing}
    </section>`;
  }

  async #onReply(event: CustomEvent<{ id: string }>): Promise<void> {
    const main = this.renderRoot.querySelector<ChimeForm>('chime-form[part=form]');
    this.#replyDraft = { name: '', website: '', ...main?.draft, body: '' };
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

  async #onSubmit(event: CustomEvent<CommentDraft>, parentId: string | null): Promise<void> {
    event.stopPropagation();
    const form = event.target as ChimeForm;
    const { name, website, body } = event.detail;
    this._sending = true;
    this._formError = '';
    try {
      const result = await this.#thread.post({ id: crypto.randomUUID(), parentId, author: { name, website: website || null }, body });
      form.reset();
      if (parentId) this._replyTo = '';
      this._formNotice = result.comment.status === 'pending' ? this.#messages.awaitingModeration : '';
      this.dispatchEvent(new CustomEvent('chime-posted', { detail: result, bubbles: true, composed: true }));
    } catch (error) {
      const adapterError = toAdapterError(error);
      this._formError = adapterError.code === 'closed' ? this.#messages.closed : adapterError.message;
      this.#reportError(adapterError, 'post');
    } finally {
      this._sending = false;
    }
  }

  #reportError(error: AdapterError, action: Action): void {
    this.dispatchEvent(new CustomEvent('chime-error', { detail: { error, action }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chime-comments': ChimeComments;
  }
}
