import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { adapterFor, onRegister, setupError, type StorageSettings } from '../adapters/registry.js';
import { chunk, retryChunks } from '../core/chunks.js';
import { AdapterError } from '../core/errors.js';
import { startReads, type FirstPaint, type ThreadSource } from '../core/first-paint.js';
import type { Tell, ThreadSession } from '../core/thread-session.js';
import { fromSaved, initialState, type ThreadState } from '../core/thread-state.js';

type Host = ReactiveControllerHost & HTMLElement & StorageSettings & { userToken?: string };

/** What the element wants shown, besides its storage settings. */
export type ThreadRequest = Omit<ThreadSource, 'adapter'>;

/**
 * The thin layer between a ThreadSession (core, Lit-free) and the element: starts the reads the
 * first paint needs and the session (its own chunk) for what the element asks, hands every new
 * state to Lit, and ends the session when the element leaves the page. A misconfigured element
 * gets an error state (and chime-error, once the page has loaded, since a site may register its
 * adapter or set properties after the element connected), and loads once the configuration works.
 */
export class ThreadController implements ReactiveController {
  state: ThreadState = initialState;
  session: ThreadSession | null = null;
  #request: ThreadRequest | null = null;
  /** Aborted when this attempt to show a thread is over (another starts, or the element left). */
  #attempt = new AbortController();

  /** `tell` hears the session's news (and a misconfiguration, as an error to load). */
  constructor(
    private readonly host: Host,
    private readonly tell: Tell,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // Back on the page (e.g. moved): start over.
    if (this.#request && this.#attempt.signal.aborted) void this.#open();
  }

  hostDisconnected(): void {
    this.#close();
  }

  /** Shows the thread `request` names, from the storage the element's settings name. */
  show(request: ThreadRequest): void {
    this.#request = request;
    void this.#open();
  }

  async #resolve() {
    return this.#request!.threadId ? adapterFor(this.host) : setupError(this.host, 'thread');
  }

  async #open(): Promise<void> {
    this.#close();
    const { signal } = (this.#attempt = new AbortController());
    const adapter = await this.#resolve();
    if (signal.aborted) return;
    if (adapter instanceof AdapterError) return this.#misconfigured(adapter, signal);
    const source = { ...this.#request!, adapter };
    // Before the first list: the signed-in reader's own reactions and comments come with it. The
    // adapter reads the token (an expired one is not sent: the reader is anonymous, docs/sso.md).
    if ('user' in adapter) adapter.user = this.host.userToken ?? '';
    let reads: FirstPaint | undefined = startReads(source, signal);
    // The saved copy's head is shown before the session's code is here; the session takes it over.
    if (reads.head) {
      this.state = { ...initialState, ...fromSaved(reads.head) };
      this.host.requestUpdate();
    }
    // Fetched again until it comes (chunks.ts): the thread then starts afresh, as if nothing happened.
    void chunk(
      // The class alone: the chunk's other exports (for the delivery chunk) need no namespace object.
      async () => (await import('../core/thread-session.js')).ThreadSession,
      (error) => {
        reads = undefined;
        this.#report(new AdapterError('network', `Chime's code could not be loaded (${error}).`), signal);
      },
    ).then((ThreadSession) => {
      if (signal.aborted) return;
      const session = (this.session = new ThreadSession(source, {
        changed: (state) => {
          this.state = state;
          this.host.requestUpdate();
        },
        tell: this.tell,
      }));
      this.state = session.state;
      this.host.requestUpdate();
      void session.start(reads ?? startReads(source, signal));
    });
  }

  /**
   * The reader's "Try again": every chunk waiting is fetched now, and the session fetches again;
   * without one (its code, or the adapter, could not be had), the thread starts over.
   */
  retry(): void {
    retryChunks();
    if (this.session) return void this.session.retry();
    void this.#open();
  }

  #close(): void {
    this.#attempt.abort();
    this.session?.dispose();
    this.session = null;
    this.state = initialState;
  }

  /** Says what is wrong (a setup error comes once the page has loaded: setup-errors.ts), and loads once adapters registered later fix it. */
  #misconfigured(error: AdapterError, signal: AbortSignal): void {
    onRegister(async () => (await this.#resolve()) instanceof AdapterError || this.#open(), signal);
    this.#report(error, signal);
  }

  /** Shows `error`; a saved copy on screen stays instead, offline, as in the session's outages. The page hears of it once. */
  #report(error: AdapterError, signal: AbortSignal): void {
    if (signal.aborted) return;
    this.state = this.state.thread ? { ...this.state, status: 'offline' } : { ...initialState, status: 'error', error };
    this.host.requestUpdate();
    this.tell('error', { error, action: 'load' });
  }
}
