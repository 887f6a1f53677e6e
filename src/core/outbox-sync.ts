import type { CommentAdapter } from './adapter.js';
import { rememberAuthor, saveEditToken } from './author.js';
import { EDIT_WINDOW_MS } from './protocol.js';
import type { Outbox, OutboxChange, OutboxEntry } from './outbox.js';
import type { Comment, NewComment, PostResult } from './types.js';

const editableUntil = ({ editableUntil, comment }: PostResult) =>
  editableUntil ? Date.parse(editableUntil) : Date.parse(comment.createdAt) + EDIT_WINDOW_MS;

/** What a thread on screen learns from its outbox. */
export interface OutboxSyncHost {
  /** This reader's comments the storage has not accepted (yet) changed; Comment.delivery says which. */
  showOutgoing(comments: Comment[]): void;
  /** The storage accepted a comment, here or in another tab. */
  showAccepted(comment: Comment): void;
  /** This tab's outbox did something with the thread's comments. */
  onDelivery(change: OutboxChange): void;
}

/**
 * Keeps one thread's outbox moving while it is on screen: queues and sends the reader's comments,
 * retries what is due, and tells the host what is still outgoing. Lives in the offline chunk, so
 * a reader who only reads never downloads it. Everything stops when `signal` aborts.
 */
export class OutboxSync {
  outgoing: Comment[] = [];
  #retry?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly outbox: Outbox,
    private readonly adapter: CommentAdapter,
    private readonly threadId: string,
    private readonly signal: AbortSignal,
    private readonly host: OutboxSyncHost,
  ) {
    // The thread may have been left while the offline layer was loading.
    if (signal.aborted) return;
    outbox.listen((change) => this.#onOutbox(change), signal);
    signal.addEventListener('abort', () => clearTimeout(this.#retry));
  }

  /** Picks up what an earlier visit left in the outbox; the host shows it with the saved thread. */
  async restore(): Promise<void> {
    for (const entry of await this.outbox.entries(this.threadId)) this.#setOutgoing(entry);
    if (!this.signal.aborted) this.host.showOutgoing(this.outgoing);
  }

  /** Writes the comment to the outbox: from now on it is safe, and shown as pending. */
  queue(input: Omit<NewComment, 'threadId'>): Promise<void> {
    return this.outbox.add({ ...input, threadId: this.threadId });
  }

  /** Drops a comment the storage refused. */
  discard(id: string): Promise<void> {
    return this.outbox.remove(this.threadId, id);
  }

  /** Sends an edited copy of a refused comment under a new id (the old id may be what was refused). */
  async resend(id: string, body?: string): Promise<void> {
    const refused = this.outgoing.find((c) => c.id === id);
    if (!refused) return;
    await this.discard(id);
    const { name, website } = refused.author;
    await this.queue({ id: crypto.randomUUID(), parentId: refused.parentId, author: { name, website }, body: body ?? refused.body });
    await this.flush();
  }

  /** Sends due comments now (all when `force`), then plans the next retry. */
  async flush(force = false): Promise<void> {
    await this.outbox.flush(this.adapter, this.threadId, this.signal, force);
    const due = (await this.outbox.entries(this.threadId)).filter((e) => !e.refused).map((e) => e.retryAt);
    clearTimeout(this.#retry);
    if (due.length && !this.signal.aborted) this.#retry = setTimeout(() => void this.flush(), Math.min(...due) - Date.now());
  }

  #onOutbox(change: OutboxChange): void {
    const { entry, result } = change;
    if (entry.input.threadId !== this.threadId) return;
    if (change.type === 'added' || change.type === 'retrying' || change.type === 'rejected') this.#setOutgoing(entry);
    else this.outgoing = this.outgoing.filter((c) => c.id !== entry.input.id);
    this.host.showOutgoing(this.outgoing);
    if (result?.editToken) saveEditToken(result.comment.id, result.editToken, editableUntil(result));
    // Accepted here: the next comment is signed the same way, unless the reader says otherwise. A
    // name the host site vouched for is the site's to remember (a shared computer signed out keeps none).
    if (result && !result.comment.author.verified) rememberAuthor(entry.input.author);
    const { comment } = change;
    if (comment) this.host.showAccepted(comment.status === 'pending' ? { ...comment, delivery: { state: 'moderation' } } : comment);
    if (change.local) this.host.onDelivery(change);
  }

  #setOutgoing({ input, createdAt, failure, refused, retryAt }: OutboxEntry): void {
    const comment: Comment = {
      id: input.id,
      threadId: input.threadId,
      parentId: input.parentId ?? null,
      number: 0,
      author: { name: input.author.name, website: input.author.website },
      body: input.body,
      createdAt,
      delivery: refused ? { state: 'rejected', reason: failure } : { state: 'pending', reason: failure, retryAt },
    };
    const known = this.outgoing.some((c) => c.id === input.id);
    this.outgoing = known ? this.outgoing.map((c) => (c.id === input.id ? comment : c)) : [...this.outgoing, comment];
  }
}
