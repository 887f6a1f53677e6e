import { LitElement, html, nothing } from 'lit';
import { css } from './css.js';
import { adapterFor, onRegister } from '../adapters/registry.js';
import type { CommentAdapter } from '../core/adapter.js';
import { AdapterError } from '../core/errors.js';
import { localeOf, localeReady, messagesFor, type CountMessages } from '../core/i18n.js';
import { themeStyles } from './theme.styles.js';

/** The count's English, also what the bundled translations are checked against. */
export const english: CountMessages = {
  count: (count) => `${count} comment${count === 1 ? '' : 's'}`,
};

type Waiting = Map<string, Array<(count: number) => void>>;

/** Thread ids asked for by the counts on a page, per adapter, until the next microtask. */
const queued = new Map<CommentAdapter, Waiting>();

/** Every count requested in the same task shares one counts() call per adapter. */
function countOf(adapter: CommentAdapter, thread: string): Promise<number> {
  let waiting = queued.get(adapter);
  if (!waiting) {
    const batch: Waiting = (waiting = new Map());
    queued.set(adapter, batch);
    queueMicrotask(() => {
      queued.delete(adapter);
      adapter.counts([...batch.keys()]).then(
        (counts) => batch.forEach((resolvers, id) => resolvers.forEach((resolve) => resolve(counts[id] ?? 0))),
        () => batch.forEach((resolvers) => resolvers.forEach((resolve) => resolve(NaN))),
      );
    });
  }
  return new Promise((resolve) => waiting.set(thread, [...(waiting.get(thread) ?? []), resolve]));
}

/**
 * "12 comments" for a post, for index pages. However many there are on a page, they cost one
 * request per storage.
 *
 * @tag chime-count
 * @csspart count - the text, once the count is known
 * @cssprop --chime-text - text
 * @cssprop --chime-font-family - type (inherits the page's)
 * @cssprop --chime-font-size - type size (inherits the page's)
 */
export class ChimeCount extends LitElement {
  // Text among the page's own, in its color, whatever the theme.
  static override styles = [themeStyles, css`:host { display: inline; color: inherit; }`];

  static override properties = {
    thread: {},
    adapter: {},
    endpoint: {},
    seed: {},
    locale: {},
    _count: { state: true },
  };

  /** The thread's id, as on its <chime-comments>. */
  thread = '';
  /** A registered adapter's name (attribute), or any CommentAdapter object (property). */
  adapter: string | CommentAdapter = '';
  /** Base URL of a Chime server; selects the REST adapter when `adapter` is not set. */
  endpoint = '';
  /** For the memory adapter: URL of a JSON file to start from. */
  seed = '';
  /** BCP 47 language tag of "N comments"; defaults to the page's lang. */
  locale = '';
  /** NaN until known, or when the storage could not say. */
  private _count = NaN;
  /** Until an adapter this element names is registered. */
  #waiting = new AbortController();

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#waiting.abort();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (['thread', 'adapter', 'endpoint', 'seed'].some((name) => changed.has(name))) void this.#count();
  }

  async #count(): Promise<void> {
    this.#waiting.abort();
    const waiting = (this.#waiting = new AbortController());
    const thread = this.thread;
    const adapter = await adapterFor(this);
    if (waiting.signal.aborted) return;
    if (adapter instanceof AdapterError) onRegister(() => this.#count(), waiting.signal);
    else if (thread) {
      void countOf(adapter, thread).then((count) => {
        if (thread === this.thread) this._count = count;
      });
    }
  }

  protected override render() {
    const locale = localeOf(this);
    if (!localeReady(locale, () => this.requestUpdate()) || Number.isNaN(this._count)) return nothing;
    return html`<span part="count">${{ ...english, ...messagesFor(locale) }.count(this._count)}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chime-count': ChimeCount;
  }
}
