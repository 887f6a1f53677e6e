// The REST adapter's calls besides list(): a chunk of their own, fetched as the adapter is made
// (the first paint needs only list(), in chime.js), and what an error answer means. What only the
// reader's writing needs (posts, edits, deletions, reactions) is rest-writes.ts, fetched from here
// the first time the reader does one.
import type { CallOptions, EditTokenOptions, ReactOptions } from '../core/adapter.js';
import { AdapterError, toAdapterError, type AdapterErrorCode } from '../core/errors.js';
import { LIMITS } from '../core/protocol.js';
import type { Comment, NewComment, ThreadEvent, ThreadMeta } from '../core/types.js';
import type { RestAdapter } from './rest.js';

/**
 * The reader ids servers issued to this device (reactions need one), by endpoint and by the
 * widget's reader id, kept in localStorage. A reader who never reacted has none, and no reactions
 * of theirs to ask for.
 */
export const READERS = 'chime:readers';
export let readers: Record<string, Record<string, string>> = {};
try {
  readers = JSON.parse(localStorage[READERS] as string) as typeof readers;
} catch {
  // None yet, or no localStorage: this page's only.
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

/** What a server's error answer (its status, and `data`, its JSON body if any) means. */
export function failure(res: Response, data: unknown): AdapterError {
  const error = (data as { error?: { code?: string; message?: string; field?: string } } | undefined)?.error;
  const code = error?.code === 'closed' ? 'closed' : (CODES[res.status] ?? 'server');
  return new AdapterError(code, error?.message ?? `The comment server answered ${res.status}.`, {
    field: error?.field,
    retryAfter: Number(res.headers.get('retry-after')) || undefined,
  });
}

/** A JSON body and its content type, beside any other `headers`. */
export const json = (body: unknown, headers?: Record<string, string>) => ({
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json', ...headers },
});

/**
 * The reader's user token when the host site signed them in (docs/sso.md), unless it has expired
 * by this device's clock (the server would refuse it): then '' and the reader is anonymous. The
 * code that reads it is fetched only by pages with a user-token.
 */
export const live = async (a: RestAdapter) => a.user && (await import('../core/user-token.js')).liveToken(a.user);

/** Headers of what the reader does: with their live user token, if any. */
export async function as(a: RestAdapter, headers?: Record<string, string>) {
  const user = await live(a);
  return user ? { ...headers, 'x-chime-user': user } : headers;
}

export const getThread = (a: RestAdapter, threadId: string, { signal }: CallOptions = {}) =>
  a.request<ThreadMeta>('GET', 'thread', { signal, query: { thread: threadId } });

type Writes = typeof import('./rest-writes.js');
let loading: Promise<Writes> | undefined;
/** The chunk of the reader's writing, fetched once (again after a failure: offline, which the outbox retries). */
function writes(): Promise<Writes> {
  return (loading ??= import('./rest-writes.js').catch((error: unknown) => {
    loading = undefined;
    throw toAdapterError(error);
  }));
}

export const post = async (a: RestAdapter, input: NewComment, options?: CallOptions) => (await writes()).post(a, input, options);

// With the adapter's own arguments (rest.ts makes them its methods), the thread's id included.
export const edit = async (a: RestAdapter, _threadId: string, id: string, body: string, options: EditTokenOptions) =>
  (await writes()).edit(a, id, body, options);

export const remove = async (a: RestAdapter, _threadId: string, id: string, options: EditTokenOptions) => (await writes()).remove(a, id, options);

export const react = async (a: RestAdapter, _threadId: string, commentId: string, reaction: string, on: boolean, options: ReactOptions) =>
  (await writes()).react(a, commentId, reaction, on, options);

export async function counts(a: RestAdapter, threadIds: string[], { signal }: CallOptions = {}) {
  const batches: string[][] = [];
  for (let i = 0; i < threadIds.length; i += LIMITS.threads) batches.push(threadIds.slice(i, i + LIMITS.threads));
  const answers = await Promise.all(
    batches.map((threads) => a.request<{ counts: Record<string, number> }>('POST', 'counts', { signal, ...json({ threads }) })),
  );
  return Object.assign({}, ...answers.map((answer) => answer.counts)) as Record<string, number>;
}

export function subscribe(a: RestAdapter, threadId: string, listener: (event: ThreadEvent) => void, { signal }: CallOptions): void {
  if (signal?.aborted) return;
  // EventSource reconnects by itself; the server sends one ThreadEvent as JSON per message.
  const source = new EventSource(a.url('events', { thread: threadId }));
  source.onmessage = (message) => listener(JSON.parse(message.data as string) as ThreadEvent);
  signal?.addEventListener('abort', () => source.close(), { once: true });
}

/**
 * What is the reader's own in a thread: the reactions of the reader `readerId` (or of the
 * signed-in reader, docs/sso.md) and, signed in, until when they may change each comment of
 * theirs (editableUntil, on any device), as a function that marks them on a page's comments.
 * None before they have an id, or when the server refuses (a user token it does not take): the
 * thread is shown all the same.
 */
export async function mine(a: RestAdapter, threadId: string, readerId: string, signal?: AbortSignal) {
  const reader = readers[a.base]?.[readerId];
  const own: Record<string, Partial<Comment>> = {};
  const headers = await as(a).catch(() => undefined);
  type Answer = { myReactions: Record<string, string[]>; myComments?: Record<string, string> };
  const query = { thread: threadId, reader };
  const answer = reader || headers ? await a.request<Answer>('GET', 'reactions', { signal, query, headers }).catch(() => undefined) : undefined;
  for (const [id, myReactions] of Object.entries(answer?.myReactions ?? {})) own[id] = { myReactions };
  for (const [id, editableUntil] of Object.entries(answer?.myComments ?? {})) own[id] = { ...own[id], editableUntil };
  return (comments: Comment[]) => {
    for (const comment of comments) Object.assign(comment, { myReactions: [] }, own[comment.id]);
  };
}
