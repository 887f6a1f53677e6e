// The REST adapter's calls besides list(): a chunk of their own, fetched as the adapter is made
// (the first paint needs only list(), in chime.js), and what an error answer means.
import type { CallOptions, EditTokenOptions, ReactOptions } from '../core/adapter.js';
import { AdapterError, type AdapterErrorCode } from '../core/errors.js';
import { LIMITS } from '../core/protocol.js';
import type { Comment, NewComment, PostResult, ThreadEvent, ThreadMeta } from '../core/types.js';
import type { RequestOptions, RestAdapter } from './rest.js';

/**
 * The reader ids servers issued to this device (reactions need one), by endpoint and by the
 * widget's reader id, kept in localStorage. A reader who never reacted has none, and no reactions
 * of theirs to ask for.
 */
const READERS = 'chime:readers';
let readers: Record<string, Record<string, string>> = {};
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
const json = (body: unknown, headers?: Record<string, string>) => ({
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json', ...headers },
});

type Request = <T>(method: string, path: string, options: RequestOptions) => Promise<T>;

/**
 * The reader's user token when the host site signed them in (docs/sso.md), unless it has expired
 * by this device's clock (the server would refuse it): then '' and the reader is anonymous. The
 * code that reads it is fetched only by pages with a user-token.
 */
const live = async (a: RestAdapter) => a.user && (await import('../core/user-token.js')).liveToken(a.user);

/** Headers of what the reader does: with their live user token, if any. */
async function as(a: RestAdapter, headers?: Record<string, string>) {
  const user = await live(a);
  return user ? { ...headers, 'x-chime-user': user } : headers;
}

export const getThread = (a: RestAdapter, threadId: string, { signal }: CallOptions = {}) =>
  a.request<ThreadMeta>('GET', 'thread', { signal, query: { thread: threadId } });

export const post = async (a: RestAdapter, input: NewComment, { signal }: CallOptions = {}) =>
  a.request<PostResult>('POST', 'comments', { signal, ...json(input, await as(a)) });

export const edit = async (a: RestAdapter, id: string, body: string, { editToken, signal }: EditTokenOptions) =>
  a.request<Comment>('PATCH', `comments/${encodeURIComponent(id)}`, { signal, ...json({ body }, await as(a, { 'x-chime-edit-token': editToken })) });

export async function remove(a: RestAdapter, id: string, { editToken, signal }: EditTokenOptions): Promise<void> {
  await a.request('DELETE', `comments/${encodeURIComponent(id)}`, { signal, headers: await as(a, { 'x-chime-edit-token': editToken }) });
}

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

const issuing = new Map<string, Promise<string>>();

function remember(base: string, readerId: string, issued: string | null) {
  const known = (readers[base] ??= {});
  if (issued) known[readerId] = issued;
  else delete known[readerId];
  try {
    localStorage[READERS] = JSON.stringify(readers);
  } catch {
    // Unavailable or full: known for this page only.
  }
}

/** The id the server at base issued for this reader, asked for once (POST /api/readers). */
function reader(base: string, request: Request, readerId: string, signal?: AbortSignal): Promise<string> {
  const known = readers[base]?.[readerId];
  if (known) return Promise.resolve(known);
  const key = `${base} ${readerId}`;
  let pending = issuing.get(key);
  if (!pending) {
    pending = request<{ reader: string }>('POST', 'readers', { signal }).then(({ reader }) => {
      remember(base, readerId, reader);
      return reader;
    });
    issuing.set(key, pending);
    void pending.finally(() => issuing.delete(key)).catch(() => undefined);
  }
  return pending;
}

/** Adds or removes a reaction as the reader the server knows this device's reader by (getting an id on the first one). */
export async function react(a: RestAdapter, commentId: string, reaction: string, on: boolean, { readerId, signal }: ReactOptions) {
  const { base } = a;
  const request: Request = async (method, path, options) => a.request(method, path, { ...options, headers: await as(a, options.headers) });
  const path = `comments/${encodeURIComponent(commentId)}/reactions/${encodeURIComponent(reaction)}`;
  // A signed-in reader reacts as who they are: no reader id to get.
  if (await live(a)) return (await request<{ reactions: Record<string, number> }>(on ? 'PUT' : 'DELETE', path, { signal })).reactions;
  const send = async () =>
    (
      await request<{ reactions: Record<string, number> }>(on ? 'PUT' : 'DELETE', path, {
        signal,
        query: { reader: await reader(base, request, readerId, signal) },
      })
    ).reactions;
  try {
    return await send();
  } catch (err) {
    // An id the server does not know (its database was replaced): forget it and get another, once.
    if (!(err instanceof AdapterError && err.field === 'reader')) throw err;
    remember(base, readerId, null);
    return send();
  }
}
