import type { CallOptions, CommentAdapter, EditTokenOptions, ListOptions, ReactOptions } from '../core/adapter.js';
import { toAdapterError } from '../core/errors.js';
import type { CommentPage, NewComment, ThreadEvent } from '../core/types.js';

type Query = Record<string, string | number | null | undefined>;

export interface RequestOptions extends CallOptions {
  query?: Query;
  /** A JSON text, its content-type in `headers` (json() in rest-calls.ts: only list() is here, and sends none). */
  body?: string;
  headers?: Record<string, string>;
}

type Calls = typeof import('./rest-calls.js');
let loading: Promise<Calls> | undefined;
/** The chunk with every call but list(), fetched once (again after a failure: offline). */
function calls(): Promise<Calls> {
  return (loading ??= import('./rest-calls.js').catch((error: unknown) => {
    loading = undefined;
    throw toAdapterError(error);
  }));
}

/** Talks to the Chime reference server over its HTTP protocol (docs/protocol.md). */
export class RestAdapter implements CommentAdapter {
  /**
   * The host site's signed user token (`user-token`, docs/sso.md), sent as X-Chime-User with what
   * the reader does (posts, edits, deletions, reactions and their own reactions: rest-calls.ts, never
   * with the shared pages, which stay simple requests, the same for everyone); '' when anonymous.
   */
  user = '';
  /** @internal For rest-calls.ts. */
  readonly base: string;
  private readonly fetch: typeof fetch;

  constructor(endpoint: string, options: { fetch?: typeof fetch } = {}) {
    // Relative endpoints ("/") resolve against the page; the slash keeps a path prefix in place.
    this.base = new URL(endpoint.replace(/\/?$/, '/'), globalThis.document?.baseURI).href;
    this.fetch = options.fetch ?? fetch.bind(globalThis);
    void calls().catch(() => undefined);
  }

  async list(threadId: string, { sort, cursor, limit, root, readerId, signal }: ListOptions = {}) {
    // The page is the same for every reader (cached, compressed); what is the reader's own (their
    // reactions; signed in, the comments they may change) comes apart, from rest-calls.ts (here by
    // the time the page is: fetched as the adapter was made).
    const [page, mine] = await Promise.all([
      this.request<CommentPage>('GET', 'comments', { signal, query: { thread: threadId, sort, cursor, limit, root } }),
      readerId && calls().then((c) => c.mine(this, threadId, readerId, signal)),
    ]);
    if (mine) mine(page.comments);
    return page;
  }

  // What showing a thread does not need comes with rest-calls.ts, fetched as the adapter is made.
  getThread(threadId: string, options?: CallOptions) {
    return calls().then((c) => c.getThread(this, threadId, options));
  }

  post(input: NewComment, options?: CallOptions) {
    return calls().then((c) => c.post(this, input, options));
  }

  edit(_threadId: string, id: string, body: string, options: EditTokenOptions) {
    return calls().then((c) => c.edit(this, id, body, options));
  }

  remove(_threadId: string, id: string, options: EditTokenOptions) {
    return calls().then((c) => c.remove(this, id, options));
  }

  counts(threadIds: string[], options?: CallOptions) {
    return calls().then((c) => c.counts(this, threadIds, options));
  }

  react(_threadId: string, commentId: string, reaction: string, on: boolean, options: ReactOptions) {
    return calls().then((c) => c.react(this, commentId, reaction, on, options));
  }

  subscribe(threadId: string, listener: (event: ThreadEvent) => void, options: CallOptions) {
    // Without the chunk (offline), no live updates: the session subscribes again once back.
    calls().then(
      (c) => c.subscribe(this, threadId, listener, options),
      () => undefined,
    );
  }

  /** @internal For rest-calls.ts. */
  url(path: string, query: Query = {}) {
    const url = new URL(`api/${path}`, this.base);
    for (const [key, value] of Object.entries(query)) if (value != null) url.searchParams.set(key, String(value));
    return url.href;
  }

  /** @internal For rest-calls.ts. */
  async request<T>(method: string, path: string, { query, body, headers, signal }: RequestOptions): Promise<T> {
    try {
      const res = await this.fetch(this.url(path, query), { method, signal, headers, body });
      const data = res.status === 204 ? undefined : await res.json().catch(() => undefined);
      if (res.ok) return data as T;
      // An error answer is read by rest-calls.ts, here by now (fetched as the adapter was made); a
      // chunk that cannot load rejects as the network error it is.
      throw (await calls()).failure(res, data);
    } catch (err) {
      throw toAdapterError(err);
    }
  }
}
