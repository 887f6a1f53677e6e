import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { bodyStyles } from '../components/body.styles.js';
import { adminStyles } from './admin.styles.js';
import type { AdminApi, BulkAction, CommentStatus, OwnerComment } from './api.js';
import { ACTIONS, cardStyles, renderCard } from './comment-card.js';
import { listing } from './listing.js';

/** The status an action leaves a comment in (null: gone from every list). */
const AFTER: Partial<Record<BulkAction, CommentStatus | null>> = { approve: 'published', hide: 'hidden', spam: 'spam', trash: 'trash', delete: null };
const DONE: Record<BulkAction, string> = {
  approve: 'published',
  hide: 'hidden',
  spam: 'marked as spam',
  trash: 'deleted (kept in Deleted for now)',
  delete: 'deleted for good',
  pin: 'pinned',
  unpin: 'unpinned',
};
const plural = (n: number) => `${n} comment${n === 1 ? '' : 's'}`;

/**
 * A list of comments of every thread: one status (the queue, spam, ...) or all, searched by
 * author, text and thread, with actions on each and on a selection. Fires `admin-changed`
 * (internal) when counts may have changed.
 */
export class ChimeAdminComments extends LitElement {
  static override styles = [
    adminStyles,
    bodyStyles,
    cardStyles,
    css`
      form.search {
        margin-bottom: 0.75em;
      }
      .bulk {
        position: sticky;
        top: 0;
        z-index: 1;
        padding: 0.5em 0;
        background: Canvas;
      }
      .reply {
        display: grid;
        gap: 0.5em;
      }
    `,
  ];

  static override properties = {
    api: { attribute: false },
    heading: {},
    status: {},
    order: {},
    thread: {},
    _comments: { state: true },
    _next: { state: true },
    _selected: { state: true },
    _replying: { state: true },
    _message: { state: true },
    _busy: { state: true },
  };

  api!: AdminApi;
  heading = '';
  /** Comma-separated statuses shown ('' for all). */
  status = '';
  order: 'newest' | 'oldest' = 'newest';
  /** Narrows the list to threads whose id contains this. */
  thread = '';
  private _comments: OwnerComment[] | null = null;
  private _next: string | null = null;
  private _selected = new Set<string>();
  private _replying = '';
  private _message = '';
  private _busy = false;
  #search = { author: '', text: '', thread: '' };

  /** The latest list request: an answer to an earlier one (another view, another search) is dropped. */
  #request = 0;

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('thread')) this.#search = { ...this.#search, thread: this.thread };
    if (changed.has('status') || changed.has('order') || changed.has('thread')) {
      // Another view: nothing of the last one stays on screen to be acted on under the new heading.
      this._comments = null;
      this._selected = new Set();
      this._message = '';
      this._replying = '';
      void this.#load(false);
    }
  }

  async #load(more: boolean) {
    const request = ++this.#request;
    this._busy = true;
    try {
      const page = await this.api.list({ status: this.status, order: this.order, ...this.#search, cursor: more ? this._next : null });
      if (request !== this.#request) return;
      this._comments = more ? [...(this._comments ?? []), ...page.comments] : page.comments;
      this._next = page.nextCursor;
      if (!more) this._selected = new Set();
    } catch (error) {
      if (request === this.#request) this._message = (error as Error).message;
    } finally {
      if (request === this.#request) this._busy = false;
    }
  }

  protected override render() {
    const comments = this._comments;
    const actions = ACTIONS[(this.status || 'published') as CommentStatus];
    const chosen = this._selected.size;
    return html`<h2 tabindex="-1">${this.heading}</h2>
      <form class="search row" role="search" aria-label="Search comments" @submit=${this.#onSearch}>
        ${(['author', 'text', 'thread'] as const).map(
          (field) =>
            html`<label>${{ author: 'Author or email', text: 'Text', thread: 'Thread' }[field]}<input name=${field} .value=${this.#search[field]} /></label>`,
        )}
        <button type="submit">Search</button>
      </form>
      <div class="bulk row" role="group" aria-label="Selected comments">
        <label class="inline"
          ><input type="checkbox" .checked=${!!comments?.length && chosen === comments.length} @change=${this.#selectAll} ?disabled=${!comments?.length} />
          Select all</label
        >
        <span class="muted">${chosen} selected</span>
        ${actions.map(([label, action]) => html`<button type="button" ?disabled=${!chosen} @click=${() => this.#act([...this._selected], action)}>${label}</button>`)}
      </div>
      <p class="message" role="status">${this._message}</p>
      ${listing(
        comments,
        'No comments here.',
        (items) => html`<ol>
              ${items.map((c) => html`<li>${renderCard(c, this.#handlers(c))}</li>`)}
            </ol>`,
      )}
      ${this._next ? html`<button type="button" ?disabled=${this._busy} @click=${() => this.#load(true)}>Show more</button>` : nothing}`;
  }

  #handlers(c: OwnerComment) {
    return {
      selected: this._selected.has(c.id),
      replying: this._replying === c.id,
      onSelect: (checked: boolean) => {
        const next = new Set(this._selected);
        if (checked) next.add(c.id);
        else next.delete(c.id);
        this._selected = next;
      },
      onAction: (action: BulkAction) => this.#act([c.id], action),
      onReply: () => (this._replying = this._replying === c.id ? '' : c.id),
      onBlock: (kind: 'ip' | 'email') => this.#block(c, kind),
      onThread: (closed: boolean) => this.#closeThread(c.threadId, closed),
      onFilterThread: () => {
        this.#search = { ...this.#search, thread: c.threadId };
        void this.#load(false);
      },
      replyForm: () => html`<form class="reply" @submit=${(e: SubmitEvent) => this.#reply(e, c)}>
        <label>Your reply to ${c.author.name}<textarea name="body" required></textarea></label>
        <div class="row">
          <button class="primary" type="submit">${c.status === 'pending' ? 'Approve and reply' : 'Post reply'}</button>
          <button type="button" @click=${() => (this._replying = '')}>Cancel</button>
        </div>
      </form>`,
    };
  }

  #onSearch(event: SubmitEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
    this.#search = { author: value('author'), text: value('text'), thread: value('thread') };
    void this.#load(false);
  }

  #selectAll(event: Event) {
    this._selected = (event.target as HTMLInputElement).checked ? new Set(this._comments?.map((c) => c.id)) : new Set();
  }

  async #act(ids: string[], action: BulkAction) {
    try {
      const { results } = await this.api.bulk(ids, action);
      const done = new Set(results.filter((r) => r.ok).map((r) => r.id));
      const after = AFTER[action];
      // Pinning changes no status; a comment leaves a list of other statuses, and "delete" every list.
      const stays = after === undefined || (after !== null && (!this.status || this.status.split(',').includes(after)));
      this._comments = (this._comments ?? [])
        .filter((c) => !done.has(c.id) || stays)
        .map((c) =>
          done.has(c.id) ? { ...c, status: after ?? c.status, pinned: action === 'pin' ? true : action === 'unpin' ? false : c.pinned } : c,
        );
      this._selected = new Set([...this._selected].filter((id) => !done.has(id)));
      const failed = results.filter((r) => !r.ok);
      this._message =
        `${done.size ? `${plural(done.size)} ${DONE[action]}.` : ''}${failed.length ? ` ${plural(failed.length)} not changed: ${failed[0]!.error?.message}` : ''}`.trim();
      this.dispatchEvent(new Event('admin-changed'));
    } catch (error) {
      this._message = (error as Error).message;
    }
  }

  async #reply(event: SubmitEvent, parent: OwnerComment) {
    event.preventDefault();
    const text = ((event.currentTarget as HTMLFormElement).elements.namedItem('body') as HTMLTextAreaElement).value;
    try {
      await this.api.reply(parent.id, text);
      this._replying = '';
      this._message = `Your reply to ${parent.author.name} is published.`;
      await this.#load(false);
      this.dispatchEvent(new Event('admin-changed'));
    } catch (error) {
      this._message = (error as Error).message;
    }
  }

  async #block(c: OwnerComment, kind: 'ip' | 'email') {
    try {
      await this.api.block(c.id, kind);
      const hash = kind === 'ip' ? c.ipHash : c.emailHash;
      this._comments = (this._comments ?? []).map((o) =>
        (kind === 'ip' ? o.ipHash : o.emailHash) === hash ? { ...o, blocked: { ...o.blocked, [kind]: true } } : o,
      );
      this._message = `${c.author.name}'s ${kind === 'ip' ? 'address' : 'email'} is blocked: new comments from it go to spam.`;
    } catch (error) {
      this._message = (error as Error).message;
    }
  }

  async #closeThread(thread: string, closed: boolean) {
    try {
      await this.api.close(thread, closed);
      this._comments = (this._comments ?? []).map((c) => (c.threadId === thread ? { ...c, threadClosed: closed } : c));
      this._message = `${thread} is ${closed ? 'closed to new comments' : 'open again'}.`;
    } catch (error) {
      this._message = (error as Error).message;
    }
  }
}
