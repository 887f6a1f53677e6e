import type { CommentAdapter } from './adapter.js';
import { backoff } from './backoff.js';
import { type AdapterError, type Refusal, toAdapterError } from './errors.js';
import type { KeyValueStore } from './storage.js';
import type { Comment, NewComment, PostResult } from './types.js';

/** A comment the storage has not accepted yet. */
export interface OutboxEntry {
  input: NewComment;
  createdAt: string;
  /** Failed attempts so far. */
  attempts: number;
  /** Epoch ms before which no retry is due. */
  retryAt: number;
  /** Why the last attempt failed: the reader is told in their language (Refusal). */
  failure?: Refusal;
  /** The storage refused it for good (`failure` says why): the reader decides what happens next. */
  refused?: true;
}

/**
 * What happened to an entry. `local` changes happened in this tab; the others arrived from
 * another tab. `result` and `error` only exist locally (the edit token never leaves the tab).
 */
export interface OutboxChange {
  type: 'added' | 'retrying' | 'delivered' | 'rejected' | 'removed';
  entry: OutboxEntry;
  comment?: Comment;
  local?: boolean;
  result?: PostResult;
  error?: AdapterError;
}

const KEY = 'outbox';
/** A rate limit that still holds after this many tries is treated as a refusal. */
const RATE_LIMIT_TRIES = 5;
const BACKOFF_MAX_MS = 5 * 60_000;

/**
 * The persisted queue of comments on their way to the storage. Every post goes through it, so a
 * comment is written to disk before it is sent and removed only once the storage accepted it.
 * Flushing holds a Web Lock per thread, and entries are re-read inside the lock, so two tabs never
 * send the same entry; the client-generated id makes a retry after a lost answer harmless.
 */
export class Outbox {
  readonly #listeners = new Set<(change: OutboxChange) => void>();
  readonly #channel?: BroadcastChannel;

  constructor(
    private readonly store: KeyValueStore,
    channelName?: string,
  ) {
    if (channelName && globalThis.BroadcastChannel) {
      this.#channel = new BroadcastChannel(channelName);
      this.#channel.onmessage = (event: MessageEvent<OutboxChange>) => this.#emit(event.data);
    }
  }

  /** Calls listener with every change, from this tab and others, until signal aborts. */
  listen(listener: (change: OutboxChange) => void, signal: AbortSignal): void {
    this.#listeners.add(listener);
    signal.addEventListener('abort', () => this.#listeners.delete(listener), { once: true });
  }

  async entries(threadId: string): Promise<OutboxEntry[]> {
    return ((await this.store.get<OutboxEntry[]>(KEY)) ?? []).filter((entry) => entry.input.threadId === threadId);
  }

  async add(input: NewComment): Promise<void> {
    const entry: OutboxEntry = { input, createdAt: new Date().toISOString(), attempts: 0, retryAt: 0 };
    await this.#write(input.id, entry);
    this.#announce({ type: 'added', entry });
  }

  async remove(threadId: string, id: string): Promise<void> {
    const entry = (await this.entries(threadId)).find((e) => e.input.id === id);
    if (!entry) return;
    await this.#write(id);
    this.#announce({ type: 'removed', entry });
  }

  /**
   * Sends a thread's due entries (all of them when `force`, e.g. the connection just came back),
   * oldest first, stopping at the first transient failure or when `signal` aborts (the page showing
   * the thread went away; the entry stays).
   */
  async flush(adapter: CommentAdapter, threadId: string, signal: AbortSignal, force = false): Promise<void> {
    const run = () => this.#deliver(adapter, threadId, signal, force);
    return navigator.locks ? await navigator.locks.request(`chime-outbox:${threadId}`, run) : run();
  }

  async #deliver(adapter: CommentAdapter, threadId: string, signal: AbortSignal, force: boolean): Promise<void> {
    for (const entry of await this.entries(threadId)) {
      if (entry.refused || (!force && entry.retryAt > Date.now())) continue;
      try {
        const result = await adapter.post(entry.input, { signal });
        await this.#write(entry.input.id);
        this.#announce({ type: 'delivered', entry, comment: result.comment, result });
      } catch (thrown) {
        // Never hold the lock for a page that is gone; whoever shows the thread next sends it.
        if (signal.aborted) break;
        const error = toAdapterError(thrown);
        const attempts = entry.attempts + 1;
        const final = !error.retryable || (error.code === 'rate-limited' && attempts >= RATE_LIMIT_TRIES);
        const { code, message, field, retryAfter } = error;
        const failure = { code, message, field, retryAfter };
        const next: OutboxEntry = final
          ? { ...entry, failure, refused: true }
          : { ...entry, failure, attempts, retryAt: Date.now() + backoff(attempts, BACKOFF_MAX_MS, retryAfter) };
        await this.#write(entry.input.id, next);
        this.#announce({ type: final ? 'rejected' : 'retrying', entry: next, error });
        // The storage is unreachable or busy: the remaining entries would fail the same way.
        if (!final) break;
      }
    }
  }

  /** Replaces (or with undefined, removes) one entry in a single transaction. */
  #write(id: string, next?: OutboxEntry): Promise<void> {
    return this.store.update<OutboxEntry[]>(KEY, (entries = []) => {
      if (!next) return entries.filter((e) => e.input.id !== id);
      return entries.some((e) => e.input.id === id) ? entries.map((e) => (e.input.id === id ? next : e)) : [...entries, next];
    });
  }

  #announce(change: OutboxChange): void {
    const { result: _result, error: _error, ...shared } = change;
    this.#channel?.postMessage(shared);
    this.#emit({ ...change, local: true });
  }

  #emit(change: OutboxChange): void {
    for (const listener of this.#listeners) listener(change);
  }
}
