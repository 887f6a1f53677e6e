// Chime's code beyond chime.js comes in chunks, fetched with import() as a page needs them. One
// that cannot be fetched (the reader is offline, or the server that serves it is down) is fetched
// again until it comes, so the widget never needs a reload once the network is back. The same
// import() is repeated: browsers fetch a failed module again (whatwg/html#10327; Chromium does),
// and a module is evaluated once per page, whichever import() brought it.

/** The chunks waiting to be fetched again, each woken by its call. */
const waiting = new Set<() => void>();

/** Fetches every chunk that could not be fetched now, rather than at its next try (the browser is back online, the reader asked). */
export const retryChunks = (): void => waiting.forEach((wake) => wake());

/**
 * `load()`'s module, fetched again after each failure until it comes: when the browser comes back
 * online, on retryChunks(), else 1 s, 2 s, 4 s ... (at most a minute) after the last try. Never
 * rejects; `failed` hears the first failure only.
 */
export async function chunk<T>(load: () => Promise<T>, failed?: (error: unknown) => void): Promise<T> {
  for (let wait = 1e3; ; wait = Math.min(wait * 2, 6e4)) {
    try {
      return await load();
    } catch (error) {
      failed?.(error);
      failed = undefined;
    }
    // The same listener is added once.
    addEventListener('online', retryChunks);
    await new Promise<void>((resolve) => {
      const wake = () => resolve(void waiting.delete(wake));
      waiting.add(wake);
      setTimeout(wake, wait);
    });
  }
}
