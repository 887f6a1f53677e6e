// The REST adapter's calls besides list(): a chunk of their own, fetched as the adapter is made
// (the first paint needs only list(), in chime.js).
import type { CallOptions, EditTokenOptions, ReactOptions } from '../core/adapter.js';
import { AdapterError } from '../core/errors.js';
import { LIMITS } from '../core/protocol.js';
import type { Comment, NewComment, PostResult, ThreadEvent, ThreadMeta } from '../core/types.js';
import { READERS, readers, type RequestOptions, type RestAdapter } from './rest.js';

type Request = <T>(method: string, path: string, options: RequestOptions) => Promise<T>;

export const getThread = (a: RestAdapter, threadId: string, { signal }: CallOptions = {}) =>
  a.request<ThreadMeta>('GET', 'thread', { signal, query: { thread: threadId } });

export const post = (a: RestAdapter, input: NewComment, { signal }: CallOptions = {}) =>
  a.request<PostResult>('POST', 'comments', { signal, body: input });

export const edit = (a: RestAdapter, id: string, body: string, { editToken, signal }: EditTokenOptions) =>
  a.request<Comment>('PATCH', `comments/${encodeURIComponent(id)}`, { signal, body: { body }, headers: { 'x-chime-edit-token': editToken } });

export async function remove(a: RestAdapter, id: string, { editToken, signal }: EditTokenOptions): Promise<void> {
  await a.request('DELETE', `comments/${encodeURIComponent(id)}`, { signal, headers: { 'x-chime-edit-token': editToken } });
}

export async function counts(a: RestAdapter, threadIds: string[], { signal }: CallOptions = {}) {
  const batches: string[][] = [];
  for (let i = 0; i < threadIds.length; i += LIMITS.threads) batches.push(threadIds.slice(i, i + LIMITS.threads));
  const answers = await Promise.all(
    batches.map((threads) => a.request<{ counts: Record<string, number> }>('POST', 'counts', { signal, body: { threads } })),
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
  const request: Request = (method, path, options) => a.request(method, path, options);
  const path = `comments/${encodeURIComponent(commentId)}/reactions/${encodeURIComponent(reaction)}`;
  // A signed-in reader reacts as who they are: no reader id to get.
  if (a.user) return (await request<{ reactions: Record<string, number> }>(on ? 'PUT' : 'DELETE', path, { signal })).reactions;
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
