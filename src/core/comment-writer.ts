import { forgetAuthor, rememberedAuthor } from './author.js';
import { toAdapterError, type AdapterError } from './errors.js';
import type { ThreadSource } from './first-paint.js';
import { editToken, readerId } from './identity.js';
import type { OfflineLayer } from './offline-layer.js';
import type { OutboxSync } from './outbox-sync.js';
import type { ThreadAction, ThreadState } from './thread-state.js';
import type { Comment, NewComment, PostResult } from './types.js';

/**
 * What the page is told besides the state: chime-<news> events, each with its detail. Type-only:
 * the elements' public events (src/components/events.ts) are typed from it.
 */
export interface SessionNewsDetail {
  /** A comment was accepted (at once, or later from the outbox). */
  posted: PostResult;
  /** A comment could not be sent yet and waits in the outbox. */
  queued: { comment: NewComment; error: AdapterError };
  /** A comment that had waited in the outbox was accepted. */
  delivered: PostResult;
  /** The storage refused a comment for good. */
  rejected: { comment: NewComment; error: AdapterError };
  /** Loading, posting or changing a comment failed. */
  error: { error: AdapterError; action: 'load' | 'post' | 'react' | 'edit' | 'delete' };
}

export type SessionNews = keyof SessionNewsDetail;

/** Tells the page one piece of news, with its detail. */
export type Tell = <N extends SessionNews>(news: N, detail: SessionNewsDetail[N]) => void;

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

/**
 * The reader's own writing in a thread: comments through the outbox (queued, sent, sent again or
 * discarded, and what the page is told about each), edits, deletions and reactions shown at once
 * and undone if the storage refuses, the form's draft, and the name comments are signed with.
 */
export class CommentWriter {
  readonly #sync: OutboxSync;
  /** Who waits for the storage's answer to a comment being sent (see send()): given the refusal, if it was one. */
  readonly #answers = new Map<string, (refusal?: AdapterError) => void>();

  constructor(
    private readonly host: WriterHost,
    private readonly layer: OfflineLayer,
  ) {
    const { adapter, threadId } = host.source;
    this.#sync = layer.sync(adapter, threadId, host.signal, {
      showOutgoing: (comments) => host.dispatch({ type: 'outgoing', comments }),
      showAccepted: (comment) => {
        host.dispatch({ type: 'accepted', comment });
        host.reached();
      },
      onDelivery: ({ type, entry, result, error }) => {
        // The outbox holds the text now, so the draft goes before the page has a chance to close.
        if (type === 'added' && !entry.input.parentId) void layer.drafts.clear(threadId);
        // An answer, whatever it is: the form is free again before anyone hears about it.
        if (type !== 'added') this.#answers.get(entry.input.id)?.(type === 'rejected' ? error : undefined);
        // Queued once, when the first attempt fails; delivered only if it ever waited.
        // (A retrying or rejected entry always carries its error.)
        if (type === 'retrying' && entry.attempts === 1) host.tell('queued', { comment: entry.input, error: error! });
        if (type === 'delivered' && entry.attempts > 0) host.tell('delivered', result!);
        if (result) host.tell('posted', result);
        if (type === 'rejected') {
          host.tell('rejected', { comment: entry.input, error: error! });
          host.tell('error', { error: error!, action: 'post' });
        }
      },
    });
  }

  /** Shows what an earlier visit left in the outbox. */
  restore(): Promise<void> {
    return this.#sync.restore();
  }

  /** Writes the comment to the outbox: from now on it is safe, and shown as pending. */
  queue(input: Omit<NewComment, 'threadId'>): Promise<void> {
    return this.#sync.queue(input);
  }

  /**
   * Sends what is due (everything when `all`); what the storage does not accept waits in the
   * outbox or shows as refused. With `id`, resolves as soon as the storage answered that comment
   * (or could not be reached): to the error it was refused with for good, if it was.
   */
  send(id?: string, all = false): Promise<AdapterError | void> {
    const flushed = this.#sync.flush(all);
    if (!id) return flushed;
    const answered = new Promise<AdapterError | void>((resolve) => this.#answers.set(id, resolve));
    return Promise.race([answered, flushed]).finally(() => this.#answers.delete(id));
  }

  discard(id: string): Promise<void> {
    return this.#sync.discard(id);
  }

  /** Sends a refused comment again, with `body` if the reader edited it. */
  resend(id: string, body?: string): Promise<void> {
    return this.#sync.resend(id, body);
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

  /** Changes the body of this reader's comment at once; puts it back if the storage refuses (state.refused says why). */
  async edit(id: string, body: string): Promise<void> {
    const { adapter, threadId } = this.host.source;
    await this.#change('edit', id, { body, editedAt: new Date().toISOString() }, 0, (token, signal) =>
      adapter.edit(threadId, id, body, { editToken: token, signal }),
    );
  }

  /** Deletes this reader's comment; its replies stay under a placeholder. */
  async remove(id: string): Promise<void> {
    const { adapter, threadId } = this.host.source;
    await this.#change('delete', id, { deleted: true, body: '' }, -1, (token, signal) => adapter.remove(threadId, id, { editToken: token, signal }));
  }

  /** Toggles one of this reader's reactions at once; the storage's counts win when they come. */
  async react(id: string, reaction: string): Promise<void> {
    const { adapter, threadId } = this.host.source;
    const comment = this.host.shown().comments.find((c) => c.id === id);
    const mine = comment?.myReactions ?? [];
    const on = !mine.includes(reaction);
    const reactions = { ...comment?.reactions, [reaction]: (comment?.reactions?.[reaction] ?? 0) + (on ? 1 : -1) };
    const myReactions = on ? [...mine, reaction] : mine.filter((r) => r !== reaction);
    const counts = await this.#change('react', id, { myReactions, reactions }, 0, (_token, signal) =>
      adapter.react!(threadId, id, reaction, on, { readerId: readerId(), signal }),
    );
    if (counts) this.host.dispatch({ type: 'patch', id, change: { reactions: counts } });
  }

  /**
   * Applies a change optimistically and runs the storage call; if the storage refuses, undoes the
   * change and says why (state.refused, and an 'error' for the page). Resolves to the call's result.
   */
  async #change<T>(
    action: 'edit' | 'delete' | 'react',
    id: string,
    change: Partial<Comment>,
    count: number,
    call: (token: string, signal: AbortSignal) => Promise<T>,
  ): Promise<T | undefined> {
    const { host } = this;
    const before = host.shown().comments.find((c) => c.id === id);
    if (!before) return undefined;
    host.dispatch({ type: 'patch', id, change, count, refused: null });
    try {
      const result = await call(editToken(id, true) ?? '', host.signal);
      host.reached();
      return result;
    } catch (thrown) {
      const error = toAdapterError(thrown);
      // Exactly what was changed goes back (a field the comment did not have goes again).
      const undo = Object.fromEntries(Object.keys(change).map((key) => [key, before[key as keyof Comment]]));
      host.dispatch({ type: 'patch', id, change: undo, count: -count, refused: error });
      host.tell('error', { error, action });
      return undefined;
    }
  }
}
