import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CommentAdapter } from './adapter.js';
import { AdapterError, toAdapterError } from './errors.js';
import type { Comment, NewComment, PostResult, SortOrder, ThreadMeta } from './types.js';

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

  readonly #host: ReactiveControllerHost;
  #source: ThreadSource | null = null;
  #abort = new AbortController();

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
    await this.#fetchPage(null);
  }

  /** Appends the next page. */
  async loadMore(): Promise<void> {
    if (this.nextCursor !== null && !this.loading) await this.#fetchPage(this.nextCursor);
  }

  /** Posts through the adapter and shows the result; rejects with an AdapterError. */
  async post(input: Omit<NewComment, 'threadId'>): Promise<PostResult> {
    const source = this.#requireSource();
    try {
      const result = await source.adapter.post({ ...input, threadId: source.threadId }, { signal: this.#abort.signal });
      this.#add(result.comment);
      return result;
    } catch (error) {
      throw toAdapterError(error);
    }
  }

  async #fetchPage(cursor: string | null): Promise<void> {
    const source = this.#requireSource();
    const signal = this.#abort.signal;
    this.loading = true;
    this.error = null;
    this.#host.requestUpdate();
    try {
      const page = await source.adapter.list(source.threadId, { sort: source.sort, limit: source.pageSize, cursor, signal });
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
    if (this.thread && comment.status !== 'pending') this.thread = { ...this.thread, count: this.thread.count + 1 };
    this.#host.requestUpdate();
  }

  #requireSource(): ThreadSource {
    if (!this.#source) throw new AdapterError('validation', 'No thread has been loaded.');
    return this.#source;
  }
}
