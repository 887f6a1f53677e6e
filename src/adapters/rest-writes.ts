// What the reader does through the REST adapter: posts, edits, deletions and reactions (with the
// reader ids servers issue for them). A chunk of its own, fetched by rest-calls.ts the first time
// the reader does one: a reader who only reads never downloads it.
import type { CallOptions, EditTokenOptions, ReactOptions } from '../core/adapter.js';
import { AdapterError } from '../core/errors.js';
import type { Comment, NewComment, PostResult } from '../core/types.js';
import type { RequestOptions, RestAdapter } from './rest.js';
import { as, json, live, READERS, readers } from './rest-calls.js';

type Request = <T>(method: string, path: string, options: RequestOptions) => Promise<T>;

export const post = async (a: RestAdapter, input: NewComment, { signal }: CallOptions = {}) =>
  a.request<PostResult>('POST', 'comments', { signal, ...json(input, await as(a)) });

export const edit = async (a: RestAdapter, id: string, body: string, { editToken, signal }: EditTokenOptions) =>
  a.request<Comment>('PATCH', `comments/${encodeURIComponent(id)}`, { signal, ...json({ body }, await as(a, { 'x-chime-edit-token': editToken })) });

export async function remove(a: RestAdapter, id: string, { editToken, signal }: EditTokenOptions): Promise<void> {
  await a.request('DELETE', `comments/${encodeURIComponent(id)}`, { signal, headers: await as(a, { 'x-chime-edit-token': editToken }) });
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
