import { createStore, del, get, update, type UseStore } from 'idb-keyval';

/** The few key-value operations the offline layer needs; update() is atomic, even across tabs. */
export interface KeyValueStore {
  get<T>(key: string): Promise<T | undefined>;
  update<T>(key: string, updater: (old: T | undefined) => T): Promise<void>;
  del(key: string): Promise<void>;
}

/** Lives as long as the page: for offline-cache="off" and when IndexedDB fails. */
export function memoryStore(): KeyValueStore {
  const values = new Map<string, unknown>();
  return {
    get: async <T>(key: string) => values.get(key) as T | undefined,
    update: async <T>(key: string, updater: (old: T | undefined) => T) => void values.set(key, updater(values.get(key) as T | undefined)),
    del: async (key) => void values.delete(key),
  };
}

let warned = false;

/**
 * IndexedDB through idb-keyval. Private browsing, a full quota or a blocked database must never
 * break the page: the first failure switches this store to memory and warns the developer once.
 */
export function idbStore(database: string): KeyValueStore {
  const memory = memoryStore();
  let idb: UseStore | null | undefined;
  async function run<T>(onIdb: (store: UseStore) => Promise<T>, onMemory: () => Promise<T>): Promise<T> {
    if (idb !== null) {
      try {
        return await onIdb((idb ??= createStore(database, 'keyval')));
      } catch (error) {
        idb = null;
        if (!warned)
          console.warn('Chime: IndexedDB is unavailable; saved comments, drafts and unsent comments now last only until the page closes.', error);
        warned = true;
      }
    }
    return onMemory();
  }
  return {
    get: (key) =>
      run(
        (store) => get(key, store),
        () => memory.get(key),
      ),
    update: (key, updater) =>
      run(
        (store) => update(key, updater, store),
        () => memory.update(key, updater),
      ),
    del: (key) =>
      run(
        (store) => del(key, store),
        () => memory.del(key),
      ),
  };
}
