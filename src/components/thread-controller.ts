import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CommentAdapter } from '../core/adapter.js';
import { AdapterError, toAdapterError } from '../core/errors.js';
import type { OfflineLayer } from '../core/offline.js';
import type { OutboxChange } from '../core/outbox.js';
import type { OutboxSync } from '../core/outbox-sync.js';
import { editToken, readerId } from '../core/identity.js';
import { linkedCommentId } from '../core/url.js';
import type { Comment, NewComment, SortOrder, ThreadEvent, ThreadMeta } from '../core/types.js';

export interface ThreadSource {
  adapter: CommentAdapter;
  threadId: string;
  sort: SortOrder;
  pageSize: number;
  /**
   * Where the thread is saved for next time and unsent comments wait. Loaded on demand: nothing
   * here waits for it but what needs it.
   */
  offline: Promise<OfflineLayer>;
}

/** Pages' worth of comments loaded in search of a linked comment before giving up. */
const LINK_SEARCH_PAGES = 20;

/**
 * `comments` and, after them, this reader's comments from `earlier` that await a moderator: the
 * storage lists those to nobody until they are approved.
 */
const withAwaiting = (comments: Comment[], earlier: Comment[]) => [
  ...comments,
  ...earlier.filter((c) => c.delivery && !comments.some((shown) => shown.id === c.id)),
];

/**
 * Holds one thread's state for an element: shows the saved copy first, loads it through the
 * adapter, pages it, sends comments through the outbox, and cancels whatever is in flight when the
 * element leaves the page or the source changes.
 */
export class ThreadController implements ReactiveController {
  thread: ThreadMeta | null = null;
  comments: Comment[] = [];
  nextCursor: string | null = null;
  loading = false;
  error: AdapterError | null = null;
  /** The storage could not be reached, so the thread shown is the saved copy. */
  offline = false;
  /** This reader's comments the storage has not accepted (yet); Comment.delivery says which. */
  outgoing: Comment[] = [];
  /** Comments others posted while the reader was here, held back until the reader asks for them. */
  fresh: Comment[] = [];

  readonly #host: ReactiveControllerHost;
  readonly #onDelivery?: (change: OutboxChange) => void;
  #source: ThreadSource | null = null;
  #abort = new AbortController();
  #saved: Promise<boolean> = Promise.resolve(false);
  /** The loaded thread's outbox, once the offline layer is here. */
  #sync: Promise<OutboxSync> | null = null;
  /** Ids this reader posted: their live echo is not news. */
  readonly #own = new Set<string>();

  /** onDelivery hears what this tab's outbox did with the thread's comments. */
  constructor(host: ReactiveControllerHost, onDelivery?: (change: OutboxChange) => void) {
    this.#host = host;
    this.#onDelivery = onDelivery;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#abort.abort();
  }

  hostConnected(): void {
    // Coming back after a disconnect (e.g. the element was moved): start over with a fresh signal.
    if (this.#abort.signal.aborted && this.#source) void this.load(this.#source);
  }

  /** Loads the first page of a thread, showing the saved copy until the storage answers. */
  async load(source: ThreadSource): Promise<void> {
    this.#abort.abort();
    this.#abort = new AbortController();
    const { signal } = this.#abort;
    this.#source = source;
    this.thread = null;
    this.comments = [];
    this.nextCursor = null;
    this.offline = false;
    this.outgoing = [];
    this.fresh = [];
    const sync = (this.#sync = source.offline.then((layer) =>
      layer.sync(source.adapter, source.threadId, signal, {
        showOutgoing: (comments) => {
          this.outgoing = comments;
          this.#host.requestUpdate();
        },
        showAccepted: (comment) => this.#add(comment),
        own: (id) => this.#own.add(id),
        onDelivery: (change) => this.#onDelivery?.(change),
      }),
    ));
    addEventListener('online', () => void this.#fetchPage(null).then(async () => (await sync).flush(true)), { signal });
    this.#saved = this.#showSaved(source, sync, signal);
    await this.#fetchPage(null);
    if (!signal.aborted && !this.error && !this.offline) source.adapter.subscribe?.(source.threadId, (event) => this.#onEvent(event), { signal });
    await (await sync).flush();
  }

  /** Shows the held-back comments: at the top when the newest come first, else at the end. */
  reveal(): void {
    this.comments = this.#source?.sort === 'newest' ? [...this.fresh, ...this.comments] : [...this.comments, ...this.fresh];
    this.fresh = [];
    this.#host.requestUpdate();
  }

  /** Appends the next page. */
  async loadMore(): Promise<void> {
    if (this.nextCursor !== null && !this.loading) await this.#fetchPage(this.nextCursor);
  }

  /** Writes the comment to the outbox: from now on it is safe, and shown as pending. */
  async queue(input: Omit<NewComment, 'threadId'>): Promise<void> {
    return (await this.#requireSync()).queue(input);
  }

  /** Sends what is due; what the storage does not accept waits in the outbox or shows as refused in `outgoing`. */
  async send(): Promise<void> {
    await (await this.#requireSync()).flush();
  }

  /** Drops a comment the storage refused. */
  async discard(id: string): Promise<void> {
    return (await this.#requireSync()).discard(id);
  }

  /** Sends a refused comment again, with `body` if the reader edited it. */
  async resend(id: string, body?: string): Promise<void> {
    return (await this.#requireSync()).resend(id, body);
  }

  /** The thread as saved on an earlier visit, unless the storage answered first; true if one is shown. */
  async #showSaved({ offline, threadId, sort }: ThreadSource, syncing: Promise<OutboxSync>, signal: AbortSignal): Promise<boolean> {
    const [{ cache }, sync] = await Promise.all([offline, syncing]);
    const [saved] = await Promise.all([cache.read(threadId, sort), sync.restore()]);
    if (signal.aborted) return false;
    this.outgoing = sync.outgoing;
    // Once the storage has answered, only what it lists to nobody is taken from the saved copy.
    if (saved && this.thread) this.comments = withAwaiting(this.comments, saved.comments);
    else if (saved) Object.assign(this, { thread: saved.thread, comments: saved.comments, nextCursor: saved.nextCursor });
    this.#host.requestUpdate();
    return Boolean(this.thread);
  }

  /** Changes the body of this reader's comment at once; puts it back if the storage refuses. */
  edit(id: string, body: string): Promise<void> {
    return this.#change(id, { body, editedAt: new Date().toISOString() }, (adapter, threadId, editToken) =>
      adapter.edit(threadId, id, body, { editToken }),
    );
  }

  /** Deletes this reader's comment; its replies stay under a placeholder. */
  remove(id: string): Promise<void> {
    return this.#change(id, { deleted: true, body: '' }, async (adapter, threadId, editToken) => {
      await adapter.remove(threadId, id, { editToken });
      this.#count(-1);
    });
  }

  /** Toggles one of this reader's reactions at once; the storage's counts win when they come. */
  react(id: string, reaction: string): Promise<void> {
    const comment = this.comments.find((c) => c.id === id);
    const mine = comment?.myReactions ?? [];
    const on = !mine.includes(reaction);
    const count = (comment?.reactions?.[reaction] ?? 0) + (on ? 1 : -1);
    return this.#change(
      id,
      { myReactions: on ? [...mine, reaction] : mine.filter((r) => r !== reaction), reactions: { ...comment?.reactions, [reaction]: count } },
      async (adapter, threadId) => {
        const reactions = await adapter.react!(threadId, id, reaction, on, { readerId: readerId() });
        this.#replace(id, { reactions });
      },
    );
  }

  /** Applies a change optimistically, runs the storage call, and undoes the change if it fails. */
  async #change(
    id: string,
    change: Partial<Comment>,
    call: (adapter: CommentAdapter, threadId: string, editToken: string) => Promise<unknown>,
  ): Promise<void> {
    const { adapter, threadId } = this.#requireSource();
    const before = this.comments.find((c) => c.id === id);
    if (!before) return;
    this.#replace(id, change);
    try {
      await call(adapter, threadId, editToken(id, true) ?? '');
    } catch (error) {
      this.#replace(id, before);
      throw toAdapterError(error);
    }
  }

  #replace(id: string, change: Partial<Comment>): void {
    this.comments = this.comments.map((c) => (c.id === id ? { ...c, ...change } : c));
    this.#host.requestUpdate();
  }

  #onEvent(event: ThreadEvent): void {
    if (event.type === 'thread') {
      this.thread = event.thread;
      this.#host.requestUpdate();
      return;
    }
    const known = this.comments.find((c) => c.id === (event.type === 'deleted' ? event.id : event.comment.id));
    if (event.type === 'deleted') {
      if (known && !known.deleted) {
        this.#replace(event.id, { deleted: true, body: '' });
        this.#count(-1);
      }
    } else if (known) {
      // Edits and reactions by anyone, or a moderator approving this reader's comment; this
      // reader's own reactions are only known from list().
      const { myReactions: _theirs, ...comment } = event.comment;
      if (known.delivery) this.#count(1);
      this.#replace(comment.id, { ...comment, delivery: undefined });
    } else if (event.type === 'created' && !this.#own.has(event.comment.id) && !this.fresh.some((c) => c.id === event.comment.id)) {
      const { parentId } = event.comment;
      // A reply to a comment on a page the reader has not loaded has nowhere to go.
      if (parentId && !this.comments.some((c) => c.id === parentId) && !this.fresh.some((c) => c.id === parentId)) return;
      this.fresh = [...this.fresh, event.comment];
      this.#count(1);
    }
  }

  #count(delta: number): void {
    if (this.thread) this.thread = { ...this.thread, count: this.thread.count + delta };
    this.#host.requestUpdate();
  }

  async #fetchPage(cursor: string | null): Promise<void> {
    const source = this.#requireSource();
    const signal = this.#abort.signal;
    this.loading = true;
    this.error = null;
    this.#host.requestUpdate();
    try {
      const page = await source.adapter.list(source.threadId, { sort: source.sort, limit: source.pageSize, cursor, signal, readerId: readerId() });
      if (signal.aborted) return;
      this.thread = page.thread;
      // A first page replaces the saved copy; later pages add to what is shown.
      const shown = this.comments;
      this.comments =
        cursor === null ? withAwaiting(page.comments, shown) : [...shown, ...page.comments.filter((c) => !shown.some((seen) => seen.id === c.id))];
      this.nextCursor = page.nextCursor;
      this.offline = false;
      // Not over the saved copy before it was read: it may hold comments awaiting a moderator.
      void this.#saved.then(() => this.#save());
    } catch (thrown) {
      const error = toAdapterError(thrown);
      // Unreachable but seen before: keep showing the saved copy, quietly.
      const showingSaved = cursor === null && error.transient && (await this.#saved);
      if (signal.aborted) return;
      if (showingSaved) this.offline = true;
      else this.error = error;
    } finally {
      if (!signal.aborted) {
        this.loading = false;
        this.#host.requestUpdate();
      }
    }
    // The page links to a comment further down the thread: page on until it is shown, within
    // reason (the comment may have been deleted), without holding up live updates or sending.
    const linked = linkedCommentId();
    const within = this.comments.length < source.pageSize * LINK_SEARCH_PAGES;
    if (linked && within && !signal.aborted && !this.error && !this.offline && !this.comments.some((c) => c.id === linked)) void this.loadMore();
  }

  #add(comment: Comment): void {
    if (this.comments.some((c) => c.id === comment.id)) return;
    this.comments = [...this.comments, comment];
    this.#count(comment.status === 'pending' ? 0 : 1);
    this.#save();
  }

  /** Keeps what is shown for the next visit, which opens with it before the storage answers. */
  #save(): void {
    const { offline, threadId, sort } = this.#requireSource();
    const { thread, comments, nextCursor } = this;
    if (thread) void offline.then(({ cache }) => cache.write(threadId, sort, { thread, comments, nextCursor }));
  }

  #requireSync(): Promise<OutboxSync> {
    if (!this.#sync) throw new AdapterError('validation', 'No thread has been loaded.');
    return this.#sync;
  }

  #requireSource(): ThreadSource {
    if (!this.#source) throw new AdapterError('validation', 'No thread has been loaded.');
    return this.#source;
  }
}
