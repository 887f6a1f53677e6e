import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CommentAdapter } from './adapter.js';
import { AdapterError, toAdapterError } from './errors.js';
import { editToken, readerId, saveEditToken } from './identity.js';
import type { Comment, NewComment, PostResult, SortOrder, ThreadEvent, ThreadMeta } from './types.js';

export interface ThreadSource {
  adapter: CommentAdapter;
  threadId: string;
  sort: SortOrder;
  pageSize: number;
}

/**
 * Holds one thread's state for an element: loads it through the adapter, pages it, adds posted
 * comments, and cancels whatever is in flight when the element leaves the page or the source changes.
 */
export class ThreadController implements ReactiveController {
  thread: ThreadMeta | null = null;
  comments: Comment[] = [];
  nextCursor: string | null = null;
  loading = false;
  error: AdapterError | null = null;
  /** Comments others posted while the reader was here, held back until the reader asks for them. */
  fresh: Comment[] = [];

  readonly #host: ReactiveControllerHost;
  #source: ThreadSource | null = null;
  #abort = new AbortController();
  /** Ids this reader posted: their live echo is not news. */
  readonly #own = new Set<string>();

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#abort.abort();
  }

  hostConnected(): void {
    // Coming back after a disconnect (e.g. the element was moved): start over with a fresh signal.
    if (this.#abort.signal.aborted && this.#source) void this.load(this.#source);
  }

  /** Loads the first page of a thread, dropping whatever was shown before. */
  async load(source: ThreadSource): Promise<void> {
    this.#abort.abort();
    this.#abort = new AbortController();
    this.#source = source;
    this.thread = null;
    this.comments = [];
    this.nextCursor = null;
    this.fresh = [];
    await this.#fetchPage(null);
    const signal = this.#abort.signal;
    if (!signal.aborted && !this.error) source.adapter.subscribe?.(source.threadId, (event) => this.#onEvent(event), { signal });
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

  /** Posts through the adapter and shows the result; rejects with an AdapterError. */
  async post(input: Omit<NewComment, 'threadId'>): Promise<PostResult> {
    const source = this.#requireSource();
    this.#own.add(input.id);
    try {
      const result = await source.adapter.post({ ...input, threadId: source.threadId }, { signal: this.#abort.signal });
      if (result.editToken) saveEditToken(result.comment.id, result.editToken, result.comment.createdAt);
      this.#add(result.comment);
      return result;
    } catch (error) {
      throw toAdapterError(error);
    }
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
      await call(adapter, threadId, editToken(id) ?? '');
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
    } else if (event.type === 'deleted') {
      const known = this.comments.find((c) => c.id === event.id);
      if (known && !known.deleted) {
        this.#replace(event.id, { deleted: true, body: '' });
        this.#count(-1);
      }
    } else if (this.comments.some((c) => c.id === event.comment.id)) {
      // Edits and reactions by anyone; this reader's own reactions are only known from list().
      const { myReactions: _theirs, ...comment } = event.comment;
      if (event.type === 'edited') this.#replace(comment.id, comment);
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
      this.comments = [...this.comments, ...page.comments.filter((c) => !this.comments.some((seen) => seen.id === c.id))];
      this.nextCursor = page.nextCursor;
    } catch (error) {
      if (!signal.aborted) this.error = toAdapterError(error);
    } finally {
      if (!signal.aborted) {
        this.loading = false;
        this.#host.requestUpdate();
      }
    }
  }

  #add(comment: Comment): void {
    if (this.comments.some((c) => c.id === comment.id)) return;
    this.comments = [...this.comments, comment];
    this.#count(comment.status === 'pending' ? 0 : 1);
  }

  #requireSource(): ThreadSource {
    if (!this.#source) throw new AdapterError('validation', 'No thread has been loaded.');
    return this.#source;
  }
}
