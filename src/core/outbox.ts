import type { AdapterError, Refusal } from './errors.js';
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

/**
 * The persisted queue of comments on their way to the storage. Every post goes through it, so a
 * comment is written to disk before it is sent and removed only once the storage accepted it.
 * This is what every thread needs (reading the queue, adding to it, hearing of its changes in this
 * tab and the others); sending it is outbox-delivery.ts, in the chunk fetched only when there is
 * something to send.
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
    await this.write(input.id, entry);
    this.announce({ type: 'added', entry });
  }

  /** Replaces (or with undefined, removes) one entry in a single transaction. */
  write(id: string, next?: OutboxEntry): Promise<void> {
    return this.store.update<OutboxEntry[]>(KEY, (entries = []) => {
      if (!next) return entries.filter((e) => e.input.id !== id);
      return entries.some((e) => e.input.id === id) ? entries.map((e) => (e.input.id === id ? next : e)) : [...entries, next];
    });
  }

  /** Tells this tab's listeners, and the other tabs what they may know. */
  announce(change: OutboxChange): void {
    const { result: _result, error: _error, ...shared } = change;
    this.#channel?.postMessage(shared);
    this.#emit({ ...change, local: true });
  }

  #emit(change: OutboxChange): void {
    for (const listener of this.#listeners) listener(change);
  }
}
