import { forgetAuthor, rememberedAuthor } from './author.js';
import { backoff } from './backoff.js';
import { edit, react, remove } from './comment-changes.js';
import { type AdapterError, toAdapterError } from './errors.js';
import type { ThreadSource } from './first-paint.js';
import type { Tell } from './news.js';
import { withOutgoing } from './outgoing.js';
import type { OfflineLayer } from './offline-layer.js';
import type { OutboxChange, OutboxEntry } from './outbox.js';
import type { OutboxDelivery } from './outbox-delivery.js';
import type { ThreadAction, ThreadState } from './thread-state.js';
import type { Comment, NewComment } from './types.js';

/** What a writer needs of its thread's session. */
export interface WriterHost {
  readonly source: ThreadSource;
  readonly signal: AbortSignal;
  /** The thread's state now. */
  shown(): ThreadState;
  dispatch(action: ThreadAction): void;
  /** A storage call succeeded: an outage may be over. */
  reached(): void;
  tell: Tell;
}

const RETRY_MAX_MS = 60_000;

/**
 * The reader's own writing in a thread: comments through the outbox (written to it here, shown as
 * outgoing from this tab and the others, sent by outbox-delivery.ts), edits, deletions and
 * reactions, shown at once (comment-changes.ts), the form's draft, and the name comments are
 * signed with. What sends the outbox is a chunk of its own (chime-outbox-delivery), fetched only
 * when something waits in it, or as the reader starts typing (prepare()): a reader who only reads
 * never downloads it.
 */
export class CommentWriter {
  /** This reader's comments the storage has not accepted (yet), from this tab and the others. */
  #outgoing: Comment[] = [];
  #delivery?: Promise<OutboxDelivery>;
  /** The next attempt to fetch the delivery's code, and how many have failed. */
  #again?: ReturnType<typeof setTimeout>;
  #tries = 0;

  constructor(
    private readonly host: WriterHost,
    private readonly layer: OfflineLayer,
  ) {
    // The thread may have been left while the session's code was loading.
    if (!host.signal.aborted) layer.outbox.listen((change) => this.#onOutbox(change), host.signal);
  }

  /** Shows what an earlier visit left in the outbox. */
  async restore(): Promise<void> {
    for (const entry of await this.#entries()) this.#outgoing = withOutgoing(this.#outgoing, entry);
    this.host.dispatch({ type: 'outgoing', comments: this.#outgoing });
  }

  /** Writes the comment to the outbox: from now on it is safe, and shown as pending. */
  async queue(input: Omit<NewComment, 'threadId'>): Promise<void> {
    const { threadId } = this.host.source;
    await this.layer.outbox.add({ ...input, threadId });
    // The outbox holds the form's text now, so the draft goes before the page has a chance to close.
    if (!input.parentId) void this.layer.drafts.clear(threadId);
  }

  /** The reader is about to write: what sends it is fetched now, while the connection is likely there. */
  prepare(): void {
    this.#load().catch(() => undefined);
  }

  /**
   * Sends what is due (everything when `all`); what the storage does not accept waits in the
   * outbox or shows as refused. With `id`, resolves as soon as the storage answered that comment
   * (or could not be reached): to the error it was refused with for good, if it was.
   */
  async send(id?: string, all = false): Promise<AdapterError | void> {
    // Nothing waits: the code that sends is not even fetched.
    if (!this.#delivery && !(await this.#entries()).some((e) => !e.refused)) return;
    try {
      return await (await this.#load()).send(id, all);
    } catch (thrown) {
      // That code could not be fetched (offline, or its server is restarting): what waits stays
      // in the outbox, shown pending, and the code is asked for again later, each time waiting longer.
      const entry = (await this.#entries()).find((e) => e.input.id === id);
      if (entry) this.host.tell('queued', { comment: entry.input, error: toAdapterError(thrown) });
      clearTimeout(this.#again);
      this.#again = setTimeout(() => this.host.signal.aborted || this.send(), backoff(++this.#tries, RETRY_MAX_MS));
    }
  }

  discard(id: string): Promise<unknown> {
    return this.#with(id, (delivery) => delivery.discard(id));
  }

  /** Sends a refused comment again, with `body` if the reader edited it. */
  resend(id: string, body?: string): Promise<void> {
    return this.#with(id, (delivery) => delivery.resend(id, body));
  }

  /** Changes the body of this reader's comment at once; puts it back if the storage refuses (state.refused says why). */
  edit(id: string, body: string): Promise<void> {
    return edit(this.host, id, body);
  }

  /** Deletes this reader's comment; its replies stay under a placeholder. */
  remove(id: string): Promise<void> {
    return remove(this.host, id);
  }

  /** Toggles one of this reader's reactions at once; the storage's counts win when they come. */
  react(id: string, reaction: string): Promise<void> {
    return react(this.host, id, reaction);
  }

  /** The name and website of this reader's last comment, unless they asked this device to forget them. */
  signedAs = rememberedAuthor;

  forget = forgetAuthor;

  /** What the reader was typing in this thread's form, from an earlier visit. */
  draft<T>(): Promise<T | undefined> {
    return this.layer.drafts.read<T>(this.host.source.threadId);
  }

  /** Keeps what the reader is typing (a moment after they stop). */
  keepDraft(draft: unknown): void {
    this.layer.drafts.save(this.host.source.threadId, draft);
  }

  #entries(): Promise<OutboxEntry[]> {
    return this.layer.outbox.entries(this.host.source.threadId);
  }

  /** The outbox's delivery, its code fetched once (again after a failure: offline). */
  #load(): Promise<OutboxDelivery> {
    const { layer, host } = this;
    return (this.#delivery ??= import('./outbox-delivery.js').then(
      ({ OutboxDelivery }) => new OutboxDelivery(layer.outbox, host.source.adapter, host.source.threadId, host.signal, host.tell),
      (error: unknown) => {
        this.#delivery = undefined;
        throw error;
      },
    ));
  }

  /** Runs `run` with the delivery; if its code cannot be fetched (offline), says so as a refused post. */
  #with<T>(id: string, run: (delivery: OutboxDelivery) => Promise<T>): Promise<T | void> {
    return this.#load().then(run, (thrown: unknown) => {
      const error = toAdapterError(thrown);
      this.host.dispatch({ type: 'patch', id, change: {}, refused: error });
      this.host.tell('error', { error, action: 'post' });
    });
  }

  /** Shows what the outbox did, here or in another tab. */
  #onOutbox({ type, entry, comment }: OutboxChange): void {
    if (entry.input.threadId !== this.host.source.threadId) return;
    if (type === 'delivered' || type === 'removed') this.#outgoing = this.#outgoing.filter((c) => c.id !== entry.input.id);
    else this.#outgoing = withOutgoing(this.#outgoing, entry);
    this.host.dispatch({ type: 'outgoing', comments: this.#outgoing });
    if (comment) {
      // The storage accepted it, here or in another tab.
      this.host.dispatch({ type: 'accepted', comment: comment.status === 'pending' ? { ...comment, delivery: { state: 'moderation' } } : comment });
      this.host.reached();
    }
  }
}
