import type { CommentAdapter } from './adapter.js';
import { rememberAuthor, saveEditToken } from './author.js';
import { backoff } from './backoff.js';
import type { Tell } from './news.js';
import { type AdapterError, toAdapterError } from './errors.js';
import type { Outbox, OutboxChange, OutboxEntry } from './outbox.js';
import { EDIT_WINDOW_MS } from './protocol.js';
import type { PostResult } from './types.js';

/** A rate limit that still holds after this many tries is treated as a refusal. */
const RATE_LIMIT_TRIES = 5;
const BACKOFF_MAX_MS = 5 * 60_000;

const editableUntil = ({ editableUntil, comment }: PostResult) =>
  editableUntil ? Date.parse(editableUntil) : Date.parse(comment.createdAt) + EDIT_WINDOW_MS;

/**
 * Sends one thread's outbox while it is on screen: due entries oldest first, under a Web Lock per
 * thread, re-read inside it, so two tabs never send the same entry (the client-made id makes a
 * retry after a lost answer harmless); plans the next retry, and tells the page what became of
 * each comment. When `signal` aborts (the page showing the thread went away) it stops, and the
 * entry stays for whoever shows the thread next.
 */
export class OutboxDelivery {
  #retry?: ReturnType<typeof setTimeout>;
  /** Who waits for the storage's answer to a comment being sent (see send()): given the refusal, if it was one. */
  readonly #answers = new Map<string, (refusal?: AdapterError) => void>();

  constructor(
    private readonly outbox: Outbox,
    private readonly adapter: CommentAdapter,
    private readonly threadId: string,
    private readonly signal: AbortSignal,
    private readonly tell: Tell,
  ) {
    signal.addEventListener('abort', () => clearTimeout(this.#retry));
  }

  /**
   * Sends what is due (everything when `all`, e.g. the connection just came back); what the
   * storage does not accept waits or shows as refused. With `id`, resolves as soon as the storage
   * answered that comment (or could not be reached): to the error it was refused with for good, if it was.
   */
  send(id?: string, all = false): Promise<AdapterError | void> {
    const flushed = this.#flush(all);
    if (!id) return flushed;
    const answered = new Promise<AdapterError | void>((resolve) => this.#answers.set(id, resolve));
    return Promise.race([answered, flushed]).finally(() => this.#answers.delete(id));
  }

  /** Drops a comment the storage refused; resolves to its entry, if it was there. */
  async discard(id: string): Promise<OutboxEntry | undefined> {
    const entry = (await this.outbox.entries(this.threadId)).find((e) => e.input.id === id);
    if (!entry) return;
    await this.outbox.write(id);
    this.outbox.announce({ type: 'removed', entry });
    return entry;
  }

  /** Sends an edited copy of a refused comment under a new id (the old id may be what was refused). */
  async resend(id: string, body?: string): Promise<void> {
    const refused = (await this.discard(id))?.input;
    if (!refused) return;
    const { name, website } = refused.author;
    const { threadId, parentId = null } = refused;
    await this.outbox.add({ id: crypto.randomUUID(), threadId, parentId, author: { name, website }, body: body ?? refused.body });
    await this.#flush();
  }

  /** Sends due comments now (all when `force`), then plans the next retry. */
  async #flush(force = false): Promise<void> {
    const run = () => this.#deliver(force);
    await (navigator.locks ? navigator.locks.request(`chime-outbox:${this.threadId}`, run) : run());
    const due = (await this.outbox.entries(this.threadId)).filter((e) => !e.refused).map((e) => e.retryAt);
    clearTimeout(this.#retry);
    if (due.length && !this.signal.aborted) this.#retry = setTimeout(() => void this.#flush(), Math.min(...due) - Date.now());
  }

  /** Stops at the first retryable failure: the remaining entries would fail the same way. */
  async #deliver(force: boolean): Promise<void> {
    for (const entry of await this.outbox.entries(this.threadId)) {
      if (entry.refused || (!force && entry.retryAt > Date.now())) continue;
      try {
        const result = await this.adapter.post(entry.input, { signal: this.signal });
        await this.outbox.write(entry.input.id);
        this.#announce({ type: 'delivered', entry, comment: result.comment, result });
      } catch (thrown) {
        // Never hold the lock for a page that is gone.
        if (this.signal.aborted) break;
        const error = toAdapterError(thrown);
        const attempts = entry.attempts + 1;
        const final = !error.retryable || (error.code === 'rate-limited' && attempts >= RATE_LIMIT_TRIES);
        const { code, message, field, retryAfter } = error;
        const failure = { code, message, field, retryAfter };
        const next: OutboxEntry = final
          ? { ...entry, failure, refused: true }
          : { ...entry, failure, attempts, retryAt: Date.now() + backoff(attempts, BACKOFF_MAX_MS, retryAfter) };
        await this.outbox.write(entry.input.id, next);
        this.#announce({ type: final ? 'rejected' : 'retrying', entry: next, error });
        if (!final) break;
      }
    }
  }

  /** Every tab shows what became of the comment; this one also keeps what it learnt and tells the page. */
  #announce(change: OutboxChange): void {
    this.outbox.announce(change);
    const { type, entry, result, error } = change;
    // An answer, whatever it is: the form is free again before anyone hears about it.
    this.#answers.get(entry.input.id)?.(type === 'rejected' ? error : undefined);
    if (result) {
      if (result.editToken) saveEditToken(result.comment.id, result.editToken, editableUntil(result));
      // Accepted: the next comment is signed the same way, unless the reader says otherwise. A name
      // the host site vouched for is the site's to remember (a shared computer signed out keeps none).
      if (!result.comment.author.verified) rememberAuthor(entry.input.author);
    }
    // Queued once, when the first attempt fails; delivered only if it ever waited.
    if (type === 'retrying' && entry.attempts === 1) this.tell('queued', { comment: entry.input, error: error! });
    if (type === 'delivered' && entry.attempts > 0) this.tell('delivered', result!);
    if (result) this.tell('posted', result);
    if (type === 'rejected') {
      this.tell('rejected', { comment: entry.input, error: error! });
      this.tell('error', { error: error!, action: 'post' });
    }
  }
}
