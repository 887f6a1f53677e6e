import type { CallOptions, CommentAdapter, ListOptions } from '../core/adapter.js';
import { toAdapterError } from '../core/errors.js';
import type { CommentPage } from '../core/types.js';

type Query = Record<string, string | number | null | undefined>;

export interface RequestOptions extends CallOptions {
  query?: Query;
  /** A JSON text, its content-type in `headers` (json() in rest-calls.ts: only list() is here, and sends none). */
  body?: string;
  headers?: Record<string, string>;
}

type Calls = typeof import('./rest-calls.js');
/** A call of rest-calls.ts as the adapter's method: the same arguments, less the adapter that comes first there. */
type Method<K extends keyof Calls> = Calls[K] extends (a: RestAdapter, ...args: infer A) => infer R ? (...args: A) => R : never;
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
  // What showing a thread does not need: rest-calls.ts's calls (CALLS, below), fetched as the adapter is made.
  declare getThread: Method<'getThread'>;
  declare post: Method<'post'>;
  declare edit: Method<'edit'>;
  declare remove: Method<'remove'>;
  declare counts: Method<'counts'>;
  declare react: Method<'react'>;
  declare subscribe: Method<'subscribe'>;
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
      // No body (204) or not JSON: undefined.
      const data = await res.json().catch(() => undefined);
      if (res.ok) return data as T;
      // An error answer is read by rest-calls.ts, here by now (fetched as the adapter was made); a
      // chunk that cannot load rejects as the network error it is.
      throw (await calls()).failure(res, data);
    } catch (err) {
      throw toAdapterError(err);
    }
  }
}

/** The adapter's calls that rest-calls.ts makes. */
const CALLS = ['getThread', 'post', 'edit', 'remove', 'counts', 'react', 'subscribe'] as const;
for (const name of CALLS) {
  RestAdapter.prototype[name] = function (this: RestAdapter, ...args: unknown[]) {
    const call = calls().then((c) => (c[name] as (a: RestAdapter, ...args: unknown[]) => unknown)(this, ...args));
    // Nobody waits for subscribe(): without the chunk (offline), no live updates until the session subscribes again.
    call.catch(() => undefined);
    return call;
  } as never;
}
