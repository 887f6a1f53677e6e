import type { ListOptions } from './adapter.js';
import { CommentWriter } from './comment-writer.js';
import type { SessionNews, SessionNewsDetail, Tell } from './news.js';
import type { FirstPaint, ThreadSource } from './first-paint.js';
import { readerId } from './identity.js';
import { offlineLayer, type OfflineLayer } from './offline-layer.js';
import { Outage } from './outage.js';
import { LIMITS } from './protocol.js';
import { findLinked } from './linked.js';
import { savedCopy } from './saved-copy.js';
import { reduce, unconfirmed } from './thread-reducer.js';
import { initialState, type ThreadAction, type ThreadState } from './thread-state.js';
import type { CommentPage, ThreadEvent } from './types.js';

export type { SessionNews, SessionNewsDetail, Tell };

export interface SessionHost {
  /** The state changed: show it. */
  changed(state: ThreadState): void;
  /** Something happened that the page may want to know. */
  tell: Tell;
}

/** How long a storage that answered first waits for the saved copy, so that the device paints first. */
const SAVED_GRACE_MS = 300;

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Resolves once the frame after now is on screen. */
const painted = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
const ignore = () => undefined;

/**
 * One thread on one page, without Lit: paints the saved copy, fetches the storage's pages and
 * merges them in, pages on, applies live events, keeps the saved copy equal to what is shown, and
 * comes back by itself after an outage (probing with backoff, then fetching what is shown again,
 * resubscribing to live events and sending what waits). The reader's own writing goes through
 * `writer` (comment-writer.ts). Every change goes through reduce(); `host` hears about each new
 * state.
 *
 * Its code, the reducer's and the offline layer's are one chunk, fetched as the element connects
 * while chime.js already reads the saved copy and the first page (first-paint.ts).
 */
export class ThreadSession {
  state: ThreadState = initialState;
  readonly #abort = new AbortController();
  readonly #layer: OfflineLayer;
  /** The reader's comments, edits, deletions, reactions and drafts. */
  readonly writer: CommentWriter;
  /** The fetch of the thread in progress; a new one replaces it. */
  #fetch?: AbortController;
  #live?: AbortController;
  readonly #outage: Outage;
  readonly #saved: ReturnType<typeof savedCopy>;
  /** Top-level comments whose left-out replies are on their way. */
  readonly #roots = new Set<string>();

  constructor(
    readonly source: ThreadSource,
    private readonly host: SessionHost,
  ) {
    const { signal } = this.#abort;
    this.#layer = offlineLayer(source.persist);
    // What the writer, the outage and the saved copy need of the session.
    const hooks = {
      source,
      signal,
      shown: () => this.state,
      dispatch: (action: ThreadAction) => this.#dispatch(action),
      tell: host.tell,
      reached: () => this.#outage.reached(),
      refresh: () => this.#fetch || void this.#refresh(),
      send: () => void this.writer.send(undefined, true),
    };
    this.#saved = savedCopy(hooks, this.#layer.cache);
    this.writer = new CommentWriter(hooks, this.#layer);
    this.#outage = new Outage(hooks);
    addEventListener('pagehide', () => this.#saved.flush(), { signal });
  }

  /**
   * Shows the saved copy (if any) and the storage's pages, from the reads already started, then
   * sends what waits in the outbox. A saved copy is painted before the storage's first page is
   * merged into it, unless reading it takes longer than SAVED_GRACE_MS.
   */
  async start({ head, first }: FirstPaint): Promise<void> {
    if (head) this.#dispatch({ type: 'saved', page: head });
    const { threadId, sort } = this.source;
    const saved = this.#layer.cache.read(threadId, sort).catch(ignore);
    const shown = saved.then((page) => {
      if (!page) return;
      this.#dispatch({ type: 'saved', page });
      return painted();
    });
    void this.writer.restore();
    await this.#refresh(first, shown);
    await findLinked(this);
    await this.writer.send();
  }

  /** Stops everything in flight; what is shown is saved first. */
  dispose(): void {
    this.#saved.flush();
    this.#abort.abort();
  }

  /** Appends the next page; resolves with the first comment it added (for the reader to be taken to). */
  async loadMore(): Promise<string | undefined> {
    const { nextCursor, busy, comments } = this.state;
    const shown = new Set(comments.map((c) => c.id));
    if (nextCursor !== null && !busy) await this.#page({ cursor: nextCursor });
    return this.state.comments.find((c) => !shown.has(c.id))?.id;
  }

  /** Shows the replies of a top-level comment that its page left out, a page at a time. */
  async loadReplies(root: string): Promise<void> {
    const more = this.state.moreReplies[root];
    // Not twice at once; but whatever else is on its way (the thread being confirmed) does not wait.
    if (!more || this.#roots.has(root)) return;
    this.#roots.add(root);
    await this.#page({ root, cursor: more.cursor, limit: LIMITS.pageSize });
    this.#roots.delete(root);
  }

  /** Shows the comments others posted while the reader was here. */
  reveal(): void {
    this.#dispatch({ type: 'reveal', newest: this.source.sort === 'newest' });
  }

  /** Tries again now (the reader asked, or the browser is back online). */
  retry(): Promise<void> {
    return this.#refresh();
  }

  #dispatch(action: ThreadAction): void {
    if (this.#abort.signal.aborted) return;
    const before = this.state;
    const after = (this.state = reduce(before, action));
    this.#saved.changed(before, after, action);
    this.host.changed(after);
  }

  #list(options: ListOptions): Promise<CommentPage> {
    const { adapter, threadId, sort, pageSize } = this.source;
    this.#dispatch({ type: 'fetching' });
    return adapter.list(threadId, { sort, limit: pageSize, readerId: readerId(), ...options });
  }

  async #page(options: ListOptions): Promise<void> {
    const signal = this.#abort.signal;
    try {
      const page = await this.#list({ ...options, signal });
      this.#outage.reached();
      this.#dispatch({ type: 'page', page, root: options.root });
    } catch (error) {
      this.#outage.failed(error, signal);
    }
  }

  /**
   * Fetches the thread from its first page (or takes the one `started`), merging each page into
   * what is shown; pages on until everything shown is confirmed (or gone), then listens to live
   * events. `saved` is the saved copy being read: the storage's first answer waits a little for
   * it, so that the device paints first.
   */
  async #refresh(started?: Promise<CommentPage>, saved?: Promise<unknown>): Promise<void> {
    this.#fetch?.abort();
    const fetch = (this.#fetch = new AbortController());
    const signal = AbortSignal.any([this.#abort.signal, fetch.signal]);
    try {
      const first = await (started ?? this.#list({ signal }));
      if (saved) await Promise.race([saved, delay(SAVED_GRACE_MS)]);
      if (signal.aborted) return;
      this.#outage.over();
      this.#dispatch({ type: 'page', page: first, first: true });
      this.#subscribe();
      while (unconfirmed(this.state).roots && this.state.nextCursor !== null) {
        this.#dispatch({ type: 'page', page: await this.#list({ cursor: this.state.nextCursor, signal }) });
      }
      for (const root of unconfirmed(this.state).replies) {
        for (let more = this.state.moreReplies[root]; more; more = this.state.moreReplies[root]) {
          const page = await this.#list({ root, cursor: more.cursor, limit: LIMITS.pageSize, signal });
          this.#dispatch({ type: 'page', page, root });
        }
      }
    } catch (error) {
      this.#outage.failed(error, signal);
    } finally {
      if (this.#fetch === fetch) this.#fetch = undefined;
    }
  }

  /** Live events from now on, on a new subscription (an old one may have given up during an outage). */
  #subscribe(): void {
    this.#live?.abort();
    this.#live = new AbortController();
    const listener = (event: ThreadEvent) => {
      this.#dispatch({ type: 'live', event });
      this.#outage.reached();
    };
    try {
      this.source.adapter.subscribe?.(this.source.threadId, listener, { signal: AbortSignal.any([this.#abort.signal, this.#live.signal]) });
    } catch (error) {
      // An adapter whose subscribe throws gives no live updates; the thread itself is fine.
      console.warn('Chime: live updates could not start.', error);
    }
  }
}
