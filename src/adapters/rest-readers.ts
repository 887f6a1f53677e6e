import type { ReactOptions } from '../core/adapter.js';
import { AdapterError } from '../core/errors.js';
import { READERS, readers, type RequestOptions } from './rest.js';

type Request = <T>(method: string, path: string, options: RequestOptions) => Promise<T>;

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

/** Adds or removes a reaction as the reader the server knows this device's reader by. */
export async function react(base: string, request: Request, path: string, on: boolean, { readerId, signal }: ReactOptions) {
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
