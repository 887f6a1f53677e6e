import type { CallOptions, CommentAdapter, EditTokenOptions, ListOptions, ReactOptions } from '../core/adapter.js';
import { AdapterError, toAdapterError, type AdapterErrorCode } from '../core/errors.js';
import { LIMITS } from '../core/protocol.js';
import type { Comment, CommentPage, NewComment, PostResult, ThreadEvent, ThreadMeta } from '../core/types.js';

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
 * The reader ids servers issued to this device (reactions need one, rest-readers.ts), by endpoint
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

/** Talks to the Chime reference server over its HTTP protocol (docs/protocol.md). */
export class RestAdapter implements CommentAdapter {
  /**
   * The host site's signed user token (`user-token`, docs/sso.md), sent as X-Chime-User with what
   * the reader does (posts, edits, deletions, reactions and their own reactions); '' when anonymous.
   */
  user = '';
  private readonly base: string;
  private readonly fetch: typeof fetch;

  constructor(endpoint: string, options: { fetch?: typeof fetch } = {}) {
    // Relative endpoints ("/") resolve against the page; the slash keeps a path prefix in place.
    this.base = new URL(endpoint.replace(/\/?$/, '/'), globalThis.document?.baseURI).href;
    this.fetch = options.fetch ?? fetch.bind(globalThis);
  }

  async list(threadId: string, { sort, cursor, limit, root, readerId, signal }: ListOptions = {}) {
    const reader = (readerId && readers[this.base]?.[readerId]) || null;
    // The page is the same for every reader (cached, compressed); a reader's own reactions come apart
    // (a signed-in reader's by their token: the same on every device).
    const [page, mine] = await Promise.all([
      this.request<CommentPage>('GET', 'comments', { signal, query: { thread: threadId, sort, cursor, limit, root } }),
      (reader || this.user) &&
        this.request<{ myReactions: Record<string, string[]> }>('GET', 'reactions', { signal, query: { thread: threadId, reader } }),
    ]);
    if (readerId) for (const comment of page.comments) comment.myReactions = (mine && mine.myReactions[comment.id]) || [];
    return page;
  }

  getThread(threadId: string, { signal }: CallOptions = {}) {
    return this.request<ThreadMeta>('GET', 'thread', { signal, query: { thread: threadId } });
  }

  post(input: NewComment, { signal }: CallOptions = {}) {
    return this.request<PostResult>('POST', 'comments', { signal, body: input });
  }

  edit(_threadId: string, id: string, body: string, { editToken, signal }: EditTokenOptions) {
    return this.request<Comment>('PATCH', `comments/${encodeURIComponent(id)}`, {
      signal,
      body: { body },
      headers: { 'x-chime-edit-token': editToken },
    });
  }

  async remove(_threadId: string, id: string, { editToken, signal }: EditTokenOptions) {
    await this.request('DELETE', `comments/${encodeURIComponent(id)}`, { signal, headers: { 'x-chime-edit-token': editToken } });
  }

  async counts(threadIds: string[], { signal }: CallOptions = {}) {
    const batches: string[][] = [];
    for (let i = 0; i < threadIds.length; i += LIMITS.threads) batches.push(threadIds.slice(i, i + LIMITS.threads));
    const answers = await Promise.all(
      batches.map((threads) => this.request<{ counts: Record<string, number> }>('POST', 'counts', { signal, body: { threads } })),
    );
    return Object.assign({}, ...answers.map((a) => a.counts)) as Record<string, number>;
  }

  async react(_threadId: string, commentId: string, reaction: string, on: boolean, options: ReactOptions) {
    const path = `comments/${encodeURIComponent(commentId)}/reactions/${encodeURIComponent(reaction)}`;
    // A signed-in reader reacts as who they are: no reader id to get.
    if (this.user) return (await this.request<{ reactions: Record<string, number> }>(on ? 'PUT' : 'DELETE', path, options)).reactions;
    // Loaded by readers who react only: getting a reader id from the server on the first reaction.
    const { react } = await import('./rest-readers.js');
    return react(this.base, this.request.bind(this), path, on, options);
  }

  subscribe(threadId: string, listener: (event: ThreadEvent) => void, { signal }: CallOptions) {
    if (signal?.aborted) return;
    // EventSource reconnects by itself; the server sends one ThreadEvent as JSON per message.
    const source = new EventSource(this.url('events', { thread: threadId }));
    source.onmessage = (message) => listener(JSON.parse(message.data as string) as ThreadEvent);
    signal?.addEventListener('abort', () => source.close(), { once: true });
  }

  private url(path: string, query: Query = {}) {
    const url = new URL(`api/${path}`, this.base);
    for (const [key, value] of Object.entries(query)) if (value != null) url.searchParams.set(key, String(value));
    return url.href;
  }

  private async request<T>(method: string, path: string, { query, body, headers, signal }: RequestOptions): Promise<T> {
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
