import type { KeyValueStore } from './storage.js';

const DEBOUNCE_MS = 300;

/** What the reader is typing, per thread, saved while they type so a reload or crash keeps it. */
export class Drafts {
  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly store: KeyValueStore) {}

  read<T>(threadId: string): Promise<T | undefined> {
    return this.store.get<T>(`draft:${threadId}`);
  }

  save(threadId: string, draft: unknown): void {
    clearTimeout(this.#timers.get(threadId));
    this.#timers.set(
      threadId,
      setTimeout(() => void this.store.update(`draft:${threadId}`, () => draft), DEBOUNCE_MS),
    );
  }

  /** Once the comment is safe elsewhere; also cancels a save still waiting to happen. */
  clear(threadId: string): Promise<void> {
    clearTimeout(this.#timers.get(threadId));
    return this.store.del(`draft:${threadId}`);
  }
}
