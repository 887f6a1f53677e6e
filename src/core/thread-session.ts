import type { ListOptions } from './adapter.js';
import { forgetAuthor, rememberedAuthor } from './author.js';
import { backoff } from './backoff.js';
import { toAdapterError, type AdapterError } from './errors.js';
import { editToken, readerId } from './identity.js';
import type { FirstPaint, ThreadSource } from './first-paint.js';
import { offlineLayer, type OfflineLayer } from './offline-layer.js';
import type { OutboxSync } from './outbox-sync.js';
import { LIMITS } from './protocol.js';
import { reduce, unconfirmed } from './thread-reducer.js';
import { initialState, type ThreadAction, type ThreadState } from './thread-state.js';
import type { Comment, CommentPage, NewComment, ThreadEvent } from './types.js';
import { linkedCommentId } from './url.js';

/** What the reader's element is told besides the state: chime-<type> events, with this detail. */
export type SessionNews =
  /** A comment was accepted; detail: PostResult. */
  | 'posted'
  /** A comment could not be sent yet and waits in the outbox; detail: { comment: NewComment, error }. */
  | 'queued'
  /** A comment that had waited in the outbox was accepted; detail: PostResult. */
  | 'delivered'
  /** The storage refused a comment for good; detail: { comment: NewComment, error }. */
  | 'rejected'
  /** Loading, posting or changing a comment failed; detail: { error, action }. */
  | 'error';

export interface SessionHost {
  /** The state changed: show it. */
  changed(state: ThreadState): void;
  /** Something happened that the page may want to know. */
  tell(news: SessionNews, detail: object): void;
}

/** Changes come in bursts (a page, a live event, a reaction): one write to IndexedDB per burst. */
const SAVE_DELAY_MS = 250;
/** How long a storage that answered first waits for the saved copy, so that the device paints first. */
const SAVED_GRACE_MS = 300;
const PROBE_MAX_MS = 60_000;
/** Pages' worth of comments loaded in search of a linked comment before giving up. */
const LINK_SEARCH_PAGES = 20;

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Resolves once the frame after now is on screen. */
const painted = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
const ignore = () => undefined;

/**
 * One thread on one page, without Lit: paints the saved copy, fetches the storage's pages and
 * merges them in, pages on, sends comments through the outbox, applies edits, reactions and live
 * events, keeps the saved copy equal to what is shown, and comes back by itself after an outage
 * (probing with backoff, then fetching what is shown again and resubscribing to live events).
 * Every change goes through reduce(); `host` hears about each new state.
 *
 * Its code, the reducer's and the offline layer's are one chunk, fetched as the element connects
 * while chime.js already reads the saved copy and the first page (first-paint.ts).
 */
export class ThreadSession {
  state: ThreadState = initialState;
  readonly #abort = new AbortController();
  readonly #layer: OfflineLayer;
  readonly #sync: OutboxSync;
  /** The fetch of the thread in progress; a new one replaces it. */
  #fetch?: AbortController;
  #live?: AbortController;
  #probe?: ReturnType<typeof setTimeout>;
  #probes = 0;
  #save?: ReturnType<typeof setTimeout>;
  /** Who waits for the storage's answer to a comment being sent (see send()). */
  readonly #answers = new Map<string, () => void>();

  constructor(
    readonly source: ThreadSource,
    private readonly host: SessionHost,
  ) {
    const { adapter, threadId, persist } = source;
    const { signal } = this.#abort;
    const layer = (this.#layer = offlineLayer(persist));
    this.#sync = layer.sync(adapter, threadId, signal, {
      showOutgoing: (comments) => this.#dispatch({ type: 'outgoing', comments }),
      showAccepted: (comment) => {
        this.#dispatch({ type: 'accepted', comment });
        this.#reached();
      },
      onDelivery: ({ type, entry, result, error }) => {
        // The outbox holds the text now, so the draft goes before the page has a chance to close.
        if (type === 'added' && !entry.input.parentId) void layer.drafts.clear(threadId);
        // An answer, whatever it is: the form is free again before anyone hears about it.
        if (type !== 'added') this.#answers.get(entry.input.id)?.();
        // Queued once, when the first attempt fails; delivered only if it ever waited.
        if (type === 'retrying' && entry.attempts === 1) host.tell('queued', { comment: entry.input, error });
        if (type === 'delivered' && entry.attempts > 0) host.tell('delivered', result!);
        if (result) host.tell('posted', result);
        if (type === 'rejected') {
          host.tell('rejected', { comment: entry.input, error });
          host.tell('error', { error, action: 'post' });
        }
      },
    });
    // The browser says it is back online: send now, and fetch again if the storage was unreachable.
    addEventListener(
      'online',
      () => {
        void this.#sync.flush(true);
        this.#retry();
      },
      { signal },
    );
    // The reader comes back to the tab: try again now.
    document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && this.#retry(), { signal });
    addEventListener('pagehide', () => this.#flush(), { signal });
  }

  /**
   * Shows the saved copy (if any) and the storage's pages, from the reads already started, then
   * sends what waits in the outbox. A saved copy is painted before the storage's first page is
   * merged into it, unless reading it takes longer than SAVED_GRACE_MS.
   */
  async start({ saved, first }: FirstPaint): Promise<void> {
    const shown = saved.then((page) => {
      if (!page) return;
      this.#dispatch({ type: 'saved', page });
      return painted();
    });
    void this.#sync.restore();
    await this.#refresh(first, shown);
    await this.#findLinked();
    await this.#sync.flush();
  }

  /** Stops everything in flight; what is shown is saved first. */
  dispose(): void {
    this.#flush();
    this.#abort.abort();
    clearTimeout(this.#probe);
  }

  /** Appends the next page. */
  async loadMore(): Promise<void> {
    const { nextCursor, busy } = this.state;
    if (nextCursor !== null && !busy) await this.#page({ cursor: nextCursor });
  }

  /** Shows the replies of a top-level comment that its page left out, a page at a time. */
  async loadReplies(root: string): Promise<void> {
    const more = this.state.moreReplies[root];
    if (more && !this.state.busy) await this.#page({ root, cursor: more.cursor, limit: LIMITS.pageSize });
  }

  /** Shows the comments others posted while the reader was here. */
  reveal(): void {
    this.#dispatch({ type: 'reveal', newest: this.source.sort === 'newest' });
  }

  /** Tries again now (the reader asked, or the browser is back online). */
  retry(): Promise<void> {
    return this.#refresh();
  }

  /** The name and website of this reader's last comment, unless they asked this device to forget them. */
  signedAs = rememberedAuthor;

  forget = forgetAuthor;

  /** What the reader was typing in this thread's form, from an earlier visit. */
  draft<T>(): Promise<T | undefined> {
    return this.#layer.drafts.read<T>(this.source.threadId);
  }

  /** Keeps what the reader is typing (a moment after they stop). */
  keepDraft(draft: unknown): void {
    this.#layer.drafts.save(this.source.threadId, draft);
  }

  /** Writes the comment to the outbox: from now on it is safe, and shown as pending. */
  queue(input: Omit<NewComment, 'threadId'>): Promise<void> {
    return this.#sync.queue(input);
  }

  /**
   * Sends what is due; what the storage does not accept waits in the outbox or shows as refused.
   * With `id`, resolves as soon as the storage answered that comment (or could not be reached).
   */
  send(id?: string): Promise<void> {
    const flushed = this.#sync.flush();
    if (!id) return flushed;
    const answered = new Promise<void>((resolve) => this.#answers.set(id, resolve));
    return Promise.race([answered, flushed]).finally(() => this.#answers.delete(id));
  }

  discard(id: string): Promise<void> {
    return this.#sync.discard(id);
  }

  /** Sends a refused comment again, with `body` if the reader edited it. */
  resend(id: string, body?: string): Promise<void> {
    return this.#sync.resend(id, body);
  }

  /** Changes the body of this reader's comment at once; puts it back if the storage refuses (state.refused says why). */
  async edit(id: string, body: string): Promise<void> {
    await this.#change('edit', id, { body, editedAt: new Date().toISOString() }, 0, (token, signal) =>
      this.source.adapter.edit(this.source.threadId, id, body, { editToken: token, signal }),
    );
  }

  /** Deletes this reader's comment; its replies stay under a placeholder. */
  async remove(id: string): Promise<void> {
    await this.#change('delete', id, { deleted: true, body: '' }, -1, (token, signal) =>
      this.source.adapter.remove(this.source.threadId, id, { editToken: token, signal }),
    );
  }

  /** Toggles one of this reader's reactions at once; the storage's counts win when they come. */
  async react(id: string, reaction: string): Promise<void> {
    const comment = this.state.comments.find((c) => c.id === id);
    const mine = comment?.myReactions ?? [];
    const on = !mine.includes(reaction);
    const reactions = { ...comment?.reactions, [reaction]: (comment?.reactions?.[reaction] ?? 0) + (on ? 1 : -1) };
    const myReactions = on ? [...mine, reaction] : mine.filter((r) => r !== reaction);
    const counts = await this.#change('react', id, { myReactions, reactions }, 0, (_token, signal) =>
      this.source.adapter.react!(this.source.threadId, id, reaction, on, { readerId: readerId(), signal }),
    );
    if (counts) this.#dispatch({ type: 'patch', id, change: { reactions: counts } });
  }

  /**
   * Applies a change optimistically and runs the storage call; if the storage refuses, undoes the
   * change and says why (state.refused, and an 'error' for the page). Resolves to the call's result.
   */
  async #change<T>(
    action: 'edit' | 'delete' | 'react',
    id: string,
    change: Partial<Comment>,
    count: number,
    call: (token: string, signal: AbortSignal) => Promise<T>,
  ): Promise<T | undefined> {
    const before = this.state.comments.find((c) => c.id === id);
    if (!before) return undefined;
    this.#dispatch({ type: 'patch', id, change, count, refused: null });
    try {
      const result = await call(editToken(id, true) ?? '', this.#abort.signal);
      this.#reached();
      return result;
    } catch (thrown) {
      const error = toAdapterError(thrown);
      // Exactly what was changed goes back (a field the comment did not have goes again).
      const undo = Object.fromEntries(Object.keys(change).map((key) => [key, before[key as keyof Comment]]));
      this.#dispatch({ type: 'patch', id, change: undo, count: -count, refused: error });
      this.host.tell('error', { error, action });
      return undefined;
    }
  }

  #dispatch(action: ThreadAction): void {
    if (this.#abort.signal.aborted) return;
    const before = this.state;
    const after = (this.state = reduce(before, action));
    // What reaches the screen reaches the device (the saved copy itself needs no writing back).
    const shown = after.comments !== before.comments || after.thread !== before.thread || after.nextCursor !== before.nextCursor;
    if (shown && action.type !== 'saved' && after.thread && this.source.persist) {
      clearTimeout(this.#save);
      this.#save = setTimeout(() => this.#flush(), SAVE_DELAY_MS);
      // A comment of this reader's just left the outbox: the saved copy may be all that keeps it
      // (one awaiting a moderator is listed to nobody), so it is written at once.
      if (action.type === 'accepted') this.#flush();
    }
    this.host.changed(after);
  }

  /** Writes what is shown now if a write is due. */
  #flush(): void {
    if (this.#save === undefined) return;
    clearTimeout(this.#save);
    this.#save = undefined;
    const { source, state } = this;
    const { thread, comments, nextCursor, moreReplies } = state;
    if (thread) this.#layer.cache.write(source.threadId, source.sort, { thread, comments, nextCursor, moreReplies }).catch(ignore);
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
      this.#reached();
      this.#dispatch({ type: 'page', page, root: options.root });
    } catch (error) {
      this.#failed(error, signal);
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
    clearTimeout(this.#probe);
    try {
      const first = await (started ?? this.#list({ signal }));
      if (saved) await Promise.race([saved, delay(SAVED_GRACE_MS)]);
      if (signal.aborted) return;
      this.#probes = 0;
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
      this.#failed(error, signal);
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
      this.#reached();
    };
    this.source.adapter.subscribe?.(this.source.threadId, listener, { signal: AbortSignal.any([this.#abort.signal, this.#live.signal]) });
  }

  /** A storage call succeeded: an outage is over; what is shown is fetched again and what waits is sent. */
  #reached(): void {
    if (!this.#down()) return;
    this.#dispatch({ type: 'reached' });
    if (!this.#fetch) void this.#refresh();
    void this.#sync.flush(true);
  }

  #down(): boolean {
    return this.state.status === 'offline' || Boolean(this.state.error?.transient);
  }

  #retry(): void {
    if (this.#down() && !this.#fetch) void this.#refresh();
  }

  /** Shows the failure; if it may pass, tries again later, each time waiting longer. */
  #failed(thrown: unknown, signal: AbortSignal): void {
    if (signal.aborted) return;
    const error: AdapterError = toAdapterError(thrown);
    this.#dispatch({ type: 'failed', error });
    if (this.state.error === error) this.host.tell('error', { error, action: 'load' });
    if (!error.transient) return;
    clearTimeout(this.#probe);
    this.#probe = setTimeout(() => this.#retry(), backoff(++this.#probes, PROBE_MAX_MS));
  }

  /** The page links to a comment further down the thread: page on until it is shown, within reason. */
  async #findLinked(): Promise<void> {
    const linked = linkedCommentId();
    const { pageSize } = this.source;
    const shown = () => this.state.comments.some((c) => c.id === linked);
    while (
      linked &&
      !shown() &&
      this.state.status === 'live' &&
      this.state.nextCursor !== null &&
      this.state.comments.length < pageSize * LINK_SEARCH_PAGES
    ) {
      await this.loadMore();
    }
  }
}
