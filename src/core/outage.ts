import { backoff } from './backoff.js';
import type { Tell } from './news.js';
import { toAdapterError } from './errors.js';
import type { ThreadAction, ThreadState } from './thread-state.js';

const PROBE_MAX_MS = 60_000;

/** What an outage needs of its thread's session. */
export interface OutageHost {
  readonly signal: AbortSignal;
  /** The thread's state now. */
  shown(): ThreadState;
  dispatch(action: ThreadAction): void;
  tell: Tell;
  /** Fetches what is shown again, unless a fetch is on its way. */
  refresh(): void;
  /** Sends everything that waits in the outbox. */
  send(): void;
}

/**
 * How a thread's session comes back by itself after an outage: it probes with backoff, tries again
 * at once when the browser is back online or the reader back in the tab, and when any storage call
 * succeeds ends the outage (fetching what is shown again and sending what waits).
 */
export class Outage {
  #probe?: ReturnType<typeof setTimeout>;
  #probes = 0;

  constructor(private readonly host: OutageHost) {
    const { signal } = host;
    addEventListener(
      'online',
      () => {
        host.send();
        this.retry();
      },
      { signal },
    );
    document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && this.retry(), { signal });
    signal.addEventListener('abort', () => clearTimeout(this.#probe));
  }

  /** A storage call succeeded: an outage is over; what is shown is fetched again and what waits is sent. */
  reached(): void {
    if (!this.#down()) return;
    this.host.dispatch({ type: 'reached' });
    this.host.refresh();
    this.host.send();
  }

  /** The thread's first page came: no probe is due, and the next outage's backoff starts over. */
  over(): void {
    clearTimeout(this.#probe);
    this.#probes = 0;
  }

  /** Tries again now if the storage could not be reached. */
  retry(): void {
    if (this.#down()) this.host.refresh();
  }

  /** Shows the failure of a call made under `signal`; if it may pass, tries again later, each time waiting longer. */
  failed(thrown: unknown, signal: AbortSignal): void {
    if (signal.aborted) return;
    const error = toAdapterError(thrown);
    this.host.dispatch({ type: 'failed', error });
    if (this.host.shown().error === error) this.host.tell('error', { error, action: 'load' });
    if (!error.retryable) return;
    clearTimeout(this.#probe);
    this.#probe = setTimeout(() => this.retry(), backoff(++this.#probes, PROBE_MAX_MS));
  }

  #down(): boolean {
    const { status, error } = this.host.shown();
    return status === 'offline' || Boolean(error?.retryable);
  }
}
