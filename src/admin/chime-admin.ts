import { LitElement, css, html, nothing } from 'lit';
import { themeStyles } from '../components/theme.styles.js';
import { adminStyles } from './admin.styles.js';
import { AdminApi, ApiError, type Session } from './api.js';

/** The console's views: what the navigation offers, with each list's statuses and order. */
const VIEWS = {
  queue: { label: 'Awaiting approval', count: 'pending', status: 'pending', order: 'oldest' },
  recent: { label: 'All comments', count: null, status: '', order: 'newest' },
  spam: { label: 'Spam', count: 'spam', status: 'spam', order: 'newest' },
  trash: { label: 'Deleted', count: 'trash', status: 'trash', order: 'newest' },
  hidden: { label: 'Hidden', count: 'hidden', status: 'hidden', order: 'newest' },
  threads: { label: 'Threads', count: null },
  blocks: { label: 'Blocked authors', count: null },
  settings: { label: 'Settings', count: null },
  transfer: { label: 'Import and export', count: null },
} as const;

type View = keyof typeof VIEWS;

/**
 * The blog owner's moderation console: sign-in, then the queue, every comment, spam and deleted
 * ones, threads, blocked authors, settings, import and export. Talks to the reference server's
 * owner API at `endpoint`; the session is an HttpOnly cookie the page never sees.
 *
 * @attr endpoint - the comment server's base URL ("/" on its own /admin page)
 * @attr theme - light, dark or auto (the default: the system's setting)
 * @cssprop --chime-accent - and the widget's other --chime-* properties
 */
export class ChimeAdmin extends LitElement {
  static override styles = [
    themeStyles,
    adminStyles,
    css`
      :host {
        color-scheme: light dark;
        background: var(--chime-background, Canvas);
        max-width: 64rem;
        margin: 0 auto;
        padding: 1rem;
        font-family: var(--chime-font-family, system-ui, sans-serif);
      }
      header {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        align-items: baseline;
        gap: 0.5em 1em;
      }
      h1 {
        margin: 0;
        font-size: 1.5em;
      }
      nav ul {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4em;
        margin: 1em 0;
        padding: 0;
        list-style: none;
      }
      nav button[aria-current='page'] {
        background: var(--_accent);
        border-color: var(--_accent);
        color: var(--_accent-text);
      }
    `,
  ];

  static override properties = {
    endpoint: {},
    theme: { reflect: true },
    _session: { state: true },
    _view: { state: true },
    _counts: { state: true },
    _thread: { state: true },
    _problem: { state: true },
  };

  endpoint = '/';
  theme = 'auto';
  /** undefined while asking the server, null when signed out. */
  private _session: Session | null | undefined = undefined;
  private _view: View = 'queue';
  private _counts: Record<string, number> = {};
  /** A thread the comment list is narrowed to (from the threads view). */
  private _thread = '';
  private _problem = '';
  #api = new AdminApi(this.endpoint);

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('endpoint')) {
      this.#api = new AdminApi(this.endpoint);
      this.#api.onSignedOut = () => {
        this._session = null;
        this._problem = 'Your session has ended. Sign in again.';
      };
      void this.#start();
    }
  }

  async #start() {
    try {
      this._session = await this.#api.session();
      void this.#refreshCounts();
    } catch (error) {
      this._session = null;
      if (error instanceof ApiError && error.status !== 401) this._problem = error.message;
    }
  }

  async #refreshCounts() {
    try {
      this._counts = (await this.#api.counts()).counts;
    } catch {
      // The counts are a convenience; the views report real failures.
    }
  }

  protected override render() {
    const signedIn = Boolean(this._session);
    return html`<header>
        <h1>Comments</h1>
        ${signedIn ? html`<button type="button" @click=${this.#signOut}>Sign out</button>` : nothing}
      </header>
      ${signedIn ? this.#renderNav() : nothing}
      <main>
        ${
          this._session === undefined
            ? html`<p role="status">Loading…</p>`
            : this._session === null
              ? html`<chime-admin-signin .api=${this.#api} .problem=${this._problem} @admin-signed-in=${this.#onSignedIn}></chime-admin-signin>`
              : this.#renderView()
        }
      </main>`;
  }

  #renderNav() {
    return html`<nav aria-label="Console">
      <ul>
        ${Object.entries(VIEWS).map(([view, { label, count }]) => {
          const n = count ? (this._counts[count] ?? 0) : 0;
          return html`<li>
            <button type="button" aria-current=${this._view === view ? 'page' : 'false'} @click=${() => this.#show(view as View)}>
              ${n ? `${label} (${n})` : label}
            </button>
          </li>`;
        })}
      </ul>
    </nav>`;
  }

  #renderView() {
    const changed = () => void this.#refreshCounts();
    const view = VIEWS[this._view];
    if ('status' in view) {
      return html`<chime-admin-comments
        .api=${this.#api}
        .heading=${view.label}
        .status=${view.status}
        .order=${view.order}
        .thread=${this._thread}
        @admin-changed=${changed}
      ></chime-admin-comments>`;
    }
    switch (this._view) {
      case 'threads':
        return html`<chime-admin-threads .api=${this.#api} @admin-show-thread=${this.#showThread}></chime-admin-threads>`;
      case 'blocks':
        return html`<chime-admin-blocks .api=${this.#api}></chime-admin-blocks>`;
      case 'settings':
        return html`<chime-admin-settings .api=${this.#api} @admin-changed=${changed}></chime-admin-settings>`;
      default:
        return html`<chime-admin-transfer .api=${this.#api} @admin-changed=${changed}></chime-admin-transfer>`;
    }
  }

  #show(view: View) {
    this._view = view;
    this._thread = '';
    void this.#refreshCounts();
  }

  #showThread(event: CustomEvent<string>) {
    this._view = 'recent';
    this._thread = event.detail;
  }

  #onSignedIn(event: CustomEvent<Session>) {
    this._session = event.detail;
    this._problem = '';
    void this.#refreshCounts();
  }

  async #signOut() {
    try {
      await this.#api.signOut();
    } finally {
      this._session = null;
      this._problem = '';
    }
  }

  /** Moves focus to the view's heading once it is drawn: keyboard and screen-reader users land where the content changed. */
  protected override async updated(changed: Map<string, unknown>) {
    if (!changed.has('_view') && !changed.has('_thread') && !(changed.has('_session') && changed.get('_session') === null)) return;
    const view = this.renderRoot.querySelector('main > *') as LitElement | null;
    await view?.updateComplete;
    (view?.shadowRoot?.querySelector('h2') as HTMLElement | null)?.focus();
  }
}
