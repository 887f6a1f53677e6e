import type { CallOptions, CommentAdapter, ListOptions } from '../../src/core/adapter.js';
import { AdapterError, type AdapterErrorCode, toAdapterError } from '../../src/core/errors.js';
import type { CommentPage, NewComment, PostResult, ThreadMeta } from '../../src/core/types.js';

/**
 * Speaks the server's GET/POST /comments over fetch: a stand-in for the REST adapter (being built
 * on another branch), enough for the offline tests, which only list and post.
 */
export class FetchAdapter implements CommentAdapter {
  constructor(private readonly endpoint: string) {}

  list(threadId: string, { sort = 'oldest', limit = 50, signal }: ListOptions = {}): Promise<CommentPage> {
    return this.#call(`/comments?thread=${encodeURIComponent(threadId)}&sort=${sort}&limit=${limit}`, { signal });
  }

  async getThread(threadId: string, options?: CallOptions): Promise<ThreadMeta> {
    return (await this.list(threadId, options)).thread;
  }

  post(input: NewComment, { signal }: CallOptions = {}): Promise<PostResult> {
    return this.#call('/comments', { method: 'POST', body: JSON.stringify(input), headers: { 'content-type': 'application/json' }, signal });
  }

  edit(): never {
    throw new AdapterError('server', 'Not used by these tests.');
  }

  remove(): never {
    throw new AdapterError('server', 'Not used by these tests.');
  }

  counts(): never {
    throw new AdapterError('server', 'Not used by these tests.');
  }

  async #call<T>(path: string, init: RequestInit): Promise<T> {
    try {
      const response = await fetch(this.endpoint + path, init);
      const data = await response.json();
      if (!response.ok) throw new AdapterError((data.error?.code as AdapterErrorCode) ?? 'server', data.error?.message ?? `HTTP ${response.status}`);
      return data as T;
    } catch (error) {
      throw toAdapterError(error);
    }
  }
}
