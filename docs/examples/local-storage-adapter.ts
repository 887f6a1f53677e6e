// A complete custom adapter: comments kept in the browser's localStorage, one key per thread.
// It is type-checked with the project and passes the adapter contract suite (test/contract/), like
// Chime's own adapters, so it does what docs/adapters.md says.
import type { CallOptions, CommentAdapter, EditTokenOptions, ListOptions, ReactOptions } from '../../src/core/adapter.js';
import { AdapterError } from '../../src/core/errors.js';
import { EDIT_WINDOW_MS, LIMITS } from '../../src/core/protocol.js';
import type { Comment, CommentPage, NewComment, PostResult, SortOrder, ThreadEvent, ThreadMeta } from '../../src/core/types.js';

interface Stored extends Omit<Comment, 'reactions' | 'myReactions'> {
  editToken: string;
  /** Reaction name -> the readers who gave it. */
  reactedBy: Record<string, string[]>;
}

interface Thread {
  closed: boolean;
  /** The next comment's number: numbers are never given twice, even after a deletion. */
  next: number;
  comments: Stored[];
}

export interface LocalStorageAdapterOptions {
  /** How long a writer may edit or delete their comment (default 15 minutes). */
  editWindowMs?: number;
  /** Replies one page carries at most; the rest are listed with `root` (default 300). */
  replyBudget?: number;
}

const total = (c: Stored) => Object.values(c.reactedBy).reduce((sum, readers) => sum + readers.length, 0);
const ORDER: Record<SortOrder, (a: Stored, b: Stored) => number> = {
  oldest: (a, b) => a.number - b.number,
  newest: (a, b) => b.number - a.number,
  top: (a, b) => total(b) - total(a) || a.number - b.number,
};

export class LocalStorageAdapter implements CommentAdapter {
  readonly #listeners = new Map<string, Set<(event: ThreadEvent) => void>>();

  constructor(
    private readonly prefix = 'my-comments:',
    private readonly options: LocalStorageAdapterOptions = {},
  ) {}

  async list(threadId: string, { sort = 'oldest', cursor, limit = 50, root, readerId, signal }: ListOptions = {}): Promise<CommentPage> {
    signal?.throwIfAborted();
    const thread = this.#read(threadId);
    // A deleted comment stays (as a placeholder) only while someone answered it.
    const shown = thread.comments.filter((c) => !c.deleted || thread.comments.some((r) => r.parentId === c.id && !r.deleted));
    const byId = new Map(shown.map((c) => [c.id, c]));
    const rootOf = (c: Stored): string => (c.parentId && byId.has(c.parentId) ? rootOf(byId.get(c.parentId)!) : c.id);
    // Replies at any depth under a top-level comment, oldest first (the order they were stored in).
    const under = (id: string) => shown.filter((c) => c.parentId !== null && rootOf(c) === id);
    const start = Number(cursor ?? 0);
    const size = Math.min(limit, LIMITS.pageSize);
    const page = (items: Stored[], all: number, moreReplies?: CommentPage['moreReplies']): CommentPage => ({
      thread: this.#meta(threadId, thread),
      comments: items.map((c) => this.#public(c, readerId)),
      nextCursor: start + size < all ? String(start + size) : null,
      ...(moreReplies && Object.keys(moreReplies).length ? { moreReplies } : {}),
    });
    if (root) {
      const replies = under(root);
      return page(replies.slice(start, start + size), replies.length);
    }
    const roots = shown.filter((c) => c.parentId === null).sort((a, b) => Number(!!b.pinned) - Number(!!a.pinned) || ORDER[sort](a, b));
    const items = roots.slice(start, start + size);
    // As many replies as the page's budget holds; the rest are left to `root` pages.
    let budget = this.options.replyBudget ?? 300;
    const moreReplies: NonNullable<CommentPage['moreReplies']> = {};
    for (const top of roots.slice(start, start + size)) {
      const replies = under(top.id);
      const taken = replies.slice(0, Math.max(budget, 0));
      budget -= taken.length;
      items.push(...taken);
      if (taken.length < replies.length) moreReplies[top.id] = { count: replies.length - taken.length, cursor: String(taken.length) };
    }
    return page(items, roots.length, moreReplies);
  }

  async getThread(threadId: string, { signal }: CallOptions = {}): Promise<ThreadMeta> {
    signal?.throwIfAborted();
    return this.#meta(threadId, this.#read(threadId));
  }

  async post(input: NewComment, { signal }: CallOptions = {}): Promise<PostResult> {
    signal?.throwIfAborted();
    const thread = this.#read(input.threadId);
    // Same id again (a retry after a lost answer): hand back what was stored, never a copy.
    const existing = thread.comments.find((c) => c.id === input.id);
    if (existing) return { comment: this.#public(existing) };
    if (thread.closed) throw new AdapterError('closed', 'Comments are closed.');
    if (!input.author.name.trim()) throw new AdapterError('validation', 'A name is required.', { field: 'name' });
    if (!input.body.trim()) throw new AdapterError('validation', 'The comment is empty.', { field: 'body' });
    if (input.parentId && !thread.comments.some((c) => c.id === input.parentId)) {
      throw new AdapterError('validation', 'The comment being answered does not exist.', { field: 'parentId' });
    }
    const stored: Stored = {
      id: input.id,
      threadId: input.threadId,
      parentId: input.parentId ?? null,
      number: thread.next++,
      author: { name: input.author.name.trim(), website: input.author.website || null },
      body: input.body,
      createdAt: new Date().toISOString(),
      editToken: crypto.randomUUID(),
      reactedBy: {},
    };
    thread.comments.push(stored);
    this.#write(input.threadId, thread, { type: 'created', comment: this.#public(stored) });
    return { comment: this.#public(stored), editToken: stored.editToken, editableUntil: new Date(this.#until(stored)).toISOString() };
  }

  async edit(threadId: string, id: string, body: string, options: EditTokenOptions): Promise<Comment> {
    const thread = this.#read(threadId);
    const comment = this.#owned(thread, id, options);
    if (!body.trim()) throw new AdapterError('validation', 'The comment is empty.', { field: 'body' });
    Object.assign(comment, { body, editedAt: new Date().toISOString() });
    this.#write(threadId, thread, { type: 'edited', comment: this.#public(comment) });
    return this.#public(comment);
  }

  async remove(threadId: string, id: string, options: EditTokenOptions): Promise<void> {
    const thread = this.#read(threadId);
    const comment = this.#owned(thread, id, options);
    // Answered: the replies keep their place under a placeholder. Not answered: it goes.
    if (thread.comments.some((c) => c.parentId === id)) Object.assign(comment, { deleted: true, body: '', author: { name: '' } });
    else thread.comments = thread.comments.filter((c) => c.id !== id);
    this.#write(threadId, thread, { type: 'deleted', id, threadId });
  }

  async counts(threadIds: string[], { signal }: CallOptions = {}): Promise<Record<string, number>> {
    signal?.throwIfAborted();
    return Object.fromEntries(threadIds.map((id) => [id, this.#meta(id, this.#read(id)).count]));
  }

  async react(
    threadId: string,
    commentId: string,
    reaction: string,
    on: boolean,
    { readerId, signal }: ReactOptions,
  ): Promise<Record<string, number>> {
    signal?.throwIfAborted();
    const thread = this.#read(threadId);
    const comment = thread.comments.find((c) => c.id === commentId && !c.deleted);
    if (!comment) throw new AdapterError('not-found', 'That comment does not exist.');
    const readers = (comment.reactedBy[reaction] ?? []).filter((r) => r !== readerId);
    comment.reactedBy[reaction] = on ? [...readers, readerId] : readers;
    this.#write(threadId, thread, { type: 'edited', comment: this.#public(comment) });
    return this.#public(comment).reactions!;
  }

  /** Tells `listener` what changes in a thread, in this tab and (through storage events) in others. */
  subscribe(threadId: string, listener: (event: ThreadEvent) => void, { signal }: CallOptions): void {
    const listeners = this.#listeners.get(threadId) ?? new Set();
    this.#listeners.set(threadId, listeners.add(listener));
    signal?.addEventListener('abort', () => listeners.delete(listener), { once: true });
    addEventListener(
      'storage',
      ({ key, oldValue, newValue }) => {
        if (key !== this.prefix + threadId) return;
        const before = new Map((JSON.parse(oldValue ?? '{"comments":[]}') as Thread).comments.map((c) => [c.id, JSON.stringify(c)]));
        const after = (JSON.parse(newValue ?? '{"comments":[]}') as Thread).comments;
        for (const c of after)
          if (before.get(c.id) !== JSON.stringify(c)) listener({ type: before.has(c.id) ? 'edited' : 'created', comment: this.#public(c) });
        for (const id of before.keys()) if (!after.some((c) => c.id === id)) listener({ type: 'deleted', id, threadId });
      },
      { signal },
    );
  }

  /** What a site's owner does: pin a comment (it comes first in every order) or close a thread. */
  async setPinned(threadId: string, id: string, pinned: boolean): Promise<void> {
    const thread = this.#read(threadId);
    const comment = thread.comments.find((c) => c.id === id);
    if (!comment) throw new AdapterError('not-found', 'That comment does not exist.');
    comment.pinned = pinned;
    this.#write(threadId, thread, { type: 'edited', comment: this.#public(comment) });
  }

  async setClosed(threadId: string, closed: boolean): Promise<void> {
    const thread = this.#read(threadId);
    thread.closed = closed;
    this.#write(threadId, thread, { type: 'thread', thread: this.#meta(threadId, thread) });
  }

  #owned(thread: Thread, id: string, { editToken, signal }: EditTokenOptions): Stored {
    signal?.throwIfAborted();
    const comment = thread.comments.find((c) => c.id === id && !c.deleted);
    if (!comment) throw new AdapterError('not-found', 'That comment does not exist.');
    if (comment.editToken !== editToken) throw new AdapterError('forbidden', 'Only its writer can change a comment.');
    if (Date.now() > this.#until(comment)) throw new AdapterError('forbidden', 'The time for changing this comment is over.');
    return comment;
  }

  #until(comment: Stored): number {
    return Date.parse(comment.createdAt) + (this.options.editWindowMs ?? EDIT_WINDOW_MS);
  }

  /** A comment as readers see it: no secrets, reactions counted, this reader's own named. */
  #public({ editToken: _secret, reactedBy, ...comment }: Stored, readerId?: string): Comment {
    const given = Object.entries(reactedBy).filter(([, readers]) => readers.length);
    const mine = readerId ? { myReactions: given.filter(([, readers]) => readers.includes(readerId)).map(([name]) => name) } : {};
    return { ...comment, reactions: Object.fromEntries(given.map(([name, readers]) => [name, readers.length])), ...mine };
  }

  #meta(threadId: string, thread: Thread): ThreadMeta {
    return { id: threadId, closed: thread.closed, count: thread.comments.filter((c) => !c.deleted).length };
  }

  #read(threadId: string): Thread {
    const raw = localStorage.getItem(this.prefix + threadId);
    return raw ? (JSON.parse(raw) as Thread) : { closed: false, next: 1, comments: [] };
  }

  #write(threadId: string, thread: Thread, event: ThreadEvent): void {
    localStorage.setItem(this.prefix + threadId, JSON.stringify(thread));
    for (const listener of this.#listeners.get(threadId) ?? []) listener(event);
  }
}
