import { LitElement, css, html, nothing } from 'lit';
import { adminStyles } from './admin.styles.js';
import type { AdminApi, ThreadSummary } from './api.js';
import { listing } from './listing.js';

const date = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString() : '—');

/**
 * Threads (one per post), searched by id: their comments, when they started, and closing or
 * reopening them. Fires `admin-show-thread` (internal) with a thread id to list its comments.
 */
export class ChimeAdminThreads extends LitElement {
  static override styles = [
    adminStyles,
    css`
      .id {
        flex: 1 1 14em;
        font-weight: 600;
        overflow-wrap: anywhere;
      }
    `,
  ];

  static override properties = {
    api: { attribute: false },
    _threads: { state: true },
    _next: { state: true },
    _message: { state: true },
  };

  api!: AdminApi;
  private _threads: ThreadSummary[] | null = null;
  private _next: string | null = null;
  private _message = '';
  #query = '';

  override connectedCallback() {
    super.connectedCallback();
    void this.#load(false);
  }

  async #load(more: boolean) {
    try {
      const page = await this.api.threads(this.#query, more ? this._next : null);
      this._threads = more ? [...(this._threads ?? []), ...page.threads] : page.threads;
      this._next = page.nextCursor;
    } catch (error) {
      this._message = (error as Error).message;
    }
  }

  protected override render() {
    return html`<h2 tabindex="-1">Threads</h2>
      <form class="row" role="search" aria-label="Search threads" @submit=${this.#search}>
        <label>Thread<input name="q" .value=${this.#query} /></label>
        <button type="submit">Search</button>
      </form>
      <p class="message" role="status">${this._message}</p>
      ${listing(
        this._threads,
        'No threads here.',
        (items) => html`<ul class="plain">
              ${items.map(
                (t, n) => html`<li>
                  <span class="id" id="thread-${n}">${t.id}</span>
                  <span>${t.count} published</span>
                  <span class="muted">since ${date(t.startedAt)}</span>
                  <span>${t.closed ? 'Closed' : 'Open'}</span>
                  <button
                    type="button"
                    aria-describedby="thread-${n}"
                    @click=${() => this.dispatchEvent(new CustomEvent('admin-show-thread', { detail: t.id }))}
                  >
                    Comments
                  </button>
                  <button type="button" aria-describedby="thread-${n}" @click=${() => this.#toggle(t)}>${t.closed ? 'Reopen' : 'Close'}</button>
                </li>`,
              )}
            </ul>`,
      )}
      ${this._next ? html`<button type="button" @click=${() => this.#load(true)}>Show more</button>` : nothing}`;
  }

  #search(event: SubmitEvent) {
    event.preventDefault();
    this.#query = ((event.currentTarget as HTMLFormElement).elements.namedItem('q') as HTMLInputElement).value.trim();
    void this.#load(false);
  }

  async #toggle(thread: ThreadSummary) {
    try {
      await this.api.close(thread.id, !thread.closed);
      this._threads = (this._threads ?? []).map((t) => (t.id === thread.id ? { ...t, closed: !thread.closed } : t));
      this._message = `${thread.id} is ${thread.closed ? 'open again' : 'closed to new comments'}.`;
    } catch (error) {
      this._message = (error as Error).message;
    }
  }
}
