import type { CallOptions, CommentAdapter, EditTokenOptions, ListOptions, ReactOptions } from '../core/adapter.js';
import { AdapterError, toAdapterError, type AdapterErrorCode } from '../core/errors.js';
import type { CommentPage, NewComment, ThreadEvent } from '../core/types.js';

type Query = Record<string, string | number | null | undefined>;

export interface RequestOptions extends CallOptions {
  query?: Query;
  body?: unknown;
  headers?: Record<string, string>;
}

const CODES: Record<number, AdapterErrorCode> = {
  400: 'validation',
  401: 'forbidden',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'validation',
  415: 'validation',
  422: 'validation',
  429: 'rate-limited',
};

/**
 * The reader ids servers issued to this device (reactions need one, rest-calls.ts), by endpoint
 * and by the widget's reader id, kept in localStorage. A reader who never reacted has none, and
 * no reactions of theirs to ask for.
 */
export const READERS = 'chime:readers';
let stored: Record<string, Record<string, string>> = {};
try {
  stored = JSON.parse(localStorage[READERS] as string) as typeof stored;
} catch {
  // None yet, or no localStorage: this page's only.
}
export const readers = stored;

/** What GET /api/reactions answers: the reader's reactions and, signed in, the comments they may change. */
interface Overlay {
  myReactions: Record<string, string[]>;
  myComments?: Record<string, string>;
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
   * the reader does (posts, edits, deletions, reactions and their own reactions); '' when anonymous.
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
    const reader = (readerId && readers[this.base]?.[readerId]) || null;
    // The page is the same for every reader (cached, compressed); a reader's own reactions come apart
    // (a signed-in reader's by their token: the same on every device).
    const [page, mine] = await Promise.all([
      this.request<CommentPage>('GET', 'comments', { signal, query: { thread: threadId, sort, cursor, limit, root } }),
      // Refused (a token the server does not take), it leaves the thread shown, without the overlay.
      reader || this.user
        ? this.request<Overlay>('GET', 'reactions', { signal, query: { thread: threadId, reader } }).catch(() => undefined)
        : undefined,
    ]);
    if (readerId) {
      for (const comment of page.comments) {
        comment.myReactions = mine?.myReactions[comment.id] || [];
        comment.editableUntil = mine?.myComments?.[comment.id];
      }
    }
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
    // Not with the shared pages: they stay simple requests, the same for everyone.
    if (this.user && (method !== 'GET' || path === 'reactions')) headers = { ...headers, 'x-chime-user': this.user };
    try {
      const res = await this.fetch(this.url(path, query), {
        method,
        signal,
        headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const data = res.status === 204 ? undefined : await res.json().catch(() => undefined);
      if (res.ok) return data as T;
      const error = (data as { error?: { code?: string; message?: string; field?: string } } | undefined)?.error;
      const code = error?.code === 'closed' ? 'closed' : (CODES[res.status] ?? 'server');
      throw new AdapterError(code, error?.message ?? `The comment server answered ${res.status}.`, {
        field: error?.field,
        retryAfter: Number(res.headers.get('retry-after')) || undefined,
      });
    } catch (err) {
      throw toAdapterError(err);
    }
  }
}
