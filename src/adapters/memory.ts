import type { CallOptions, CommentAdapter, EditTokenOptions, ListOptions, ReactOptions } from '../core/adapter.js';
import { AdapterError } from '../core/errors.js';
import { EDIT_WINDOW_MS, LIMITS } from '../core/protocol.js';
import type { Comment, CommentPage, NewComment, PostResult, SeedData, SortOrder, ThreadEvent, ThreadMeta } from '../core/types.js';
import { safeUrl } from '../core/url.js';

export interface MemoryAdapterOptions {
  /** URL of a JSON SeedData file, fetched on first use. */
  seedUrl?: string | null;
  seed?: SeedData;
  /** How long a comment stays editable by its writer (default 15 minutes). */
  editWindowMs?: number;
  /**
   * Replies one page carries at most, over all its top-level comments, oldest first; the rest are
   * left out with CommentPage.moreReplies and listed with `root` (default 300, like a server's page budget).
   */
  replyBudget?: number;
}

interface StoredComment extends Comment {
  editToken: string;
  reactedBy: Map<string, Set<string>>;
}

interface StoredThread {
  closed: boolean;
  nextNumber: number;
  comments: StoredComment[];
}

const DEFAULT_PAGE_SIZE = 50;
const DEFAULT_REPLY_BUDGET = 300;

/**
 * Keeps comments in memory for demos, tests and prototypes: it honours the whole adapter
 * contract (paging, sorting, replies, edit window, reactions, live events) so it behaves like
 * the real server.
 */
export class MemoryAdapter implements CommentAdapter {
  readonly #threads = new Map<string, StoredThread>();
  readonly #listeners = new Map<string, Set<(event: ThreadEvent) => void>>();
  readonly #editWindowMs: number;
  #seeded: Promise<void> | undefined;
  readonly #options: MemoryAdapterOptions;

  constructor(options: MemoryAdapterOptions = {}) {
    this.#options = options;
    this.#editWindowMs = options.editWindowMs ?? EDIT_WINDOW_MS;
  }

  /** Marks a thread closed or open (what an admin would do on the server). */
  async setClosed(threadId: string, closed: boolean): Promise<void> {
    await this.#ready();
    this.#thread(threadId).closed = closed;
    this.#emit(threadId, { type: 'thread', thread: this.#meta(threadId) });
  }

  /** Pins or unpins a comment: pinned comments come first in every order (what a moderator does on the server). */
  async setPinned(threadId: string, id: string, pinned: boolean): Promise<void> {
    await this.#ready();
    const stored = this.#find(threadId, id);
    stored.pinned = pinned;
    this.#emit(threadId, { type: 'edited', comment: this.#public(stored) });
  }

  async list(threadId: string, options: ListOptions = {}): Promise<CommentPage> {
    await this.#ready(options.signal);
    const visible = this.#thread(threadId).comments.filter((c) => !c.deleted || this.#hasReplies(threadId, c.id));
    // Replies by their top-level comment, in order of arrival, however deep they are.
    const byId = new Map(visible.map((c) => [c.id, c]));
    const repliesOf = new Map<string, StoredComment[]>();
    for (const c of visible) {
      if (c.parentId === null) continue;
      const root = rootOf(byId, c).id;
      const siblings = repliesOf.get(root);
      if (siblings) siblings.push(c);
      else repliesOf.set(root, [c]);
    }
    const start = Number(options.cursor ?? 0) || 0;
    const limit = Math.min(options.limit ?? DEFAULT_PAGE_SIZE, LIMITS.pageSize);
    const page = (comments: StoredComment[], all: number, more?: CommentPage['moreReplies']): CommentPage => ({
      thread: this.#meta(threadId),
      comments: comments.map((c) => this.#public(c, options)),
      nextCursor: start + limit < all ? String(start + limit) : null,
      ...(more && Object.keys(more).length ? { moreReplies: more } : {}),
    });
    if (options.root) {
      const root = byId.get(options.root);
      if (root?.parentId !== null) throw new AdapterError('not-found', 'That comment is not a top-level comment of this thread.');
      const replies = repliesOf.get(root.id) ?? [];
      return page(replies.slice(start, start + limit), replies.length);
    }
    const roots = sortRoots(
      visible.filter((c) => c.parentId === null),
      options.sort ?? 'oldest',
    );
    const pageRoots = roots.slice(start, start + limit);
    // As many replies as the page's budget holds, oldest first; the rest are left to `root` pages.
    let budget = this.#options.replyBudget ?? DEFAULT_REPLY_BUDGET;
    const replies: StoredComment[] = [];
    const more: NonNullable<CommentPage['moreReplies']> = {};
    for (const root of pageRoots) {
      const all = repliesOf.get(root.id) ?? [];
      const taken = all.slice(0, Math.max(budget, 0));
      budget -= taken.length;
      replies.push(...taken);
      if (taken.length < all.length) more[root.id] = { count: all.length - taken.length, cursor: String(taken.length) };
    }
    return page([...pageRoots, ...replies], roots.length, more);
  }

  async getThread(threadId: string, options: CallOptions = {}): Promise<ThreadMeta> {
    await this.#ready(options.signal);
    return this.#meta(threadId);
  }

  async post(input: NewComment, options: CallOptions = {}): Promise<PostResult> {
    await this.#ready(options.signal);
    const thread = this.#thread(input.threadId);
    const existing = thread.comments.find((c) => c.id === input.id);
    if (existing) return { comment: this.#public(existing) };
    if (thread.closed) throw new AdapterError('closed', 'Comments are closed.');
    validate(input);
    if (input.parentId && !thread.comments.some((c) => c.id === input.parentId)) {
      throw new AdapterError('validation', 'The comment being answered does not exist.', { field: 'parentId' });
    }
    const stored = this.#store(input.threadId, {
      id: input.id,
      parentId: input.parentId ?? null,
      author: { name: input.author.name.trim(), website: safeUrl(input.author.website) },
      body: input.body,
      createdAt: new Date().toISOString(),
    });
    const comment = this.#public(stored);
    this.#emit(input.threadId, { type: 'created', comment });
    return { comment, editToken: stored.editToken, editableUntil: new Date(this.#editableUntil(stored)).toISOString() };
  }

  async edit(threadId: string, id: string, body: string, options: EditTokenOptions): Promise<Comment> {
    await this.#ready(options.signal);
    const stored = this.#owned(threadId, id, options.editToken);
    validate({ body });
    stored.body = body;
    stored.editedAt = new Date().toISOString();
    const comment = this.#public(stored);
    this.#emit(threadId, { type: 'edited', comment });
    return comment;
  }

  async remove(threadId: string, id: string, options: EditTokenOptions): Promise<void> {
    await this.#ready(options.signal);
    const stored = this.#owned(threadId, id, options.editToken);
    Object.assign(stored, { deleted: true, body: '', author: { name: '' } });
    this.#emit(threadId, { type: 'deleted', id, threadId });
  }

  async counts(threadIds: string[], options: CallOptions = {}): Promise<Record<string, number>> {
    await this.#ready(options.signal);
    return Object.fromEntries(threadIds.map((id) => [id, this.#meta(id).count]));
  }

  async react(threadId: string, commentId: string, reaction: string, on: boolean, options: ReactOptions): Promise<Record<string, number>> {
    await this.#ready(options.signal);
    const stored = this.#find(threadId, commentId);
    const readers = stored.reactedBy.get(reaction) ?? new Set<string>();
    if (on) readers.add(options.readerId);
    else readers.delete(options.readerId);
    stored.reactedBy.set(reaction, readers);
    const comment = this.#public(stored);
    this.#emit(threadId, { type: 'edited', comment });
    return comment.reactions ?? {};
  }

  subscribe(threadId: string, listener: (event: ThreadEvent) => void, options: CallOptions): void {
    const listeners = this.#listeners.get(threadId) ?? new Set();
    listeners.add(listener);
    this.#listeners.set(threadId, listeners);
    options.signal?.addEventListener('abort', () => listeners.delete(listener), { once: true });
  }

  #ready(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    this.#seeded ??= this.#loadSeed();
    return this.#seeded;
  }

  async #loadSeed(): Promise<void> {
    let seed = this.#options.seed;
    if (this.#options.seedUrl) {
      const response = await fetch(this.#options.seedUrl);
      if (!response.ok) throw new AdapterError('server', `The seed file could not be loaded (${response.status}).`);
      seed = (await response.json()) as SeedData;
    }
    for (const [threadId, data] of Object.entries(seed?.threads ?? {})) {
      this.#thread(threadId).closed = Boolean(data.closed);
      for (const comment of data.comments ?? []) {
        const stored = this.#store(threadId, {
          id: comment.id ?? crypto.randomUUID(),
          parentId: comment.parentId ?? null,
          author: comment.author,
          body: comment.body,
          createdAt: comment.createdAt ?? new Date().toISOString(),
          pinned: comment.pinned,
        });
        // Seeded counts are reactions of readers nobody is: counted and sorted on, never the reader's own.
        for (const [name, count] of Object.entries(comment.reactions ?? {})) {
          stored.reactedBy.set(name, new Set(Array.from({ length: count }, (_, i) => `seed:${i}`)));
        }
      }
    }
  }

  #store(threadId: string, fields: Omit<Comment, 'threadId' | 'number'>): StoredComment {
    const thread = this.#thread(threadId);
    const stored: StoredComment = {
      ...fields,
      threadId,
      number: thread.nextNumber++,
      status: 'published',
      editToken: crypto.randomUUID(),
      reactedBy: new Map(),
    };
    thread.comments.push(stored);
    return stored;
  }

  #thread(threadId: string): StoredThread {
    let thread = this.#threads.get(threadId);
    if (!thread) {
      thread = { closed: false, nextNumber: 1, comments: [] };
      this.#threads.set(threadId, thread);
    }
    return thread;
  }

  #meta(threadId: string): ThreadMeta {
    const thread = this.#thread(threadId);
    return { id: threadId, closed: thread.closed, count: thread.comments.filter((c) => !c.deleted).length };
  }

  #find(threadId: string, id: string): StoredComment {
    const stored = this.#thread(threadId).comments.find((c) => c.id === id && !c.deleted);
    if (!stored) throw new AdapterError('not-found', 'That comment does not exist.');
    return stored;
  }

  #owned(threadId: string, id: string, editToken: string): StoredComment {
    const stored = this.#find(threadId, id);
    if (stored.editToken !== editToken) throw new AdapterError('forbidden', 'Only the writer of a comment can change it.');
    if (Date.now() > this.#editableUntil(stored)) {
      throw new AdapterError('forbidden', 'The time for changing this comment is over.');
    }
    return stored;
  }

  #editableUntil(stored: StoredComment): number {
    return Date.parse(stored.createdAt) + this.#editWindowMs;
  }

  #hasReplies(threadId: string, id: string): boolean {
    return this.#thread(threadId).comments.some((c) => c.parentId === id && !c.deleted);
  }

  /** A copy without secrets, so callers can never mutate the store. */
  #public(stored: StoredComment, options: { readerId?: string } = {}): Comment {
    const { editToken: _token, reactedBy, ...comment } = stored;
    const reactions = Object.fromEntries([...reactedBy].filter(([, readers]) => readers.size > 0).map(([name, readers]) => [name, readers.size]));
    const mine = [...reactedBy].filter(([, readers]) => options.readerId && readers.has(options.readerId)).map(([name]) => name);
    return { ...structuredClone(comment), reactions, myReactions: mine };
  }

  #emit(threadId: string, event: ThreadEvent): void {
    for (const listener of this.#listeners.get(threadId) ?? []) listener(event);
  }
}

function validate(input: { body: string; author?: NewComment['author'] }): void {
  const name = input.author?.name.trim();
  if (input.author && !name) throw new AdapterError('validation', 'A name is required.', { field: 'name' });
  if (name && name.length > LIMITS.name) throw new AdapterError('validation', 'The name is too long.', { field: 'name' });
  if (input.author?.website && !safeUrl(input.author.website)) {
    throw new AdapterError('validation', 'The website must be an http(s) address.', { field: 'website' });
  }
  if (!input.body.trim()) throw new AdapterError('validation', 'The comment is empty.', { field: 'body' });
  if (input.body.length > LIMITS.body) throw new AdapterError('validation', 'The comment is too long.', { field: 'body' });
}

function sortRoots(roots: StoredComment[], sort: SortOrder): StoredComment[] {
  const bySort = {
    oldest: (a: StoredComment, b: StoredComment) => a.number - b.number,
    newest: (a: StoredComment, b: StoredComment) => b.number - a.number,
    top: (a: StoredComment, b: StoredComment) => reactionTotal(b) - reactionTotal(a) || a.number - b.number,
  }[sort];
  return [...roots].sort((a, b) => Number(Boolean(b.pinned)) - Number(Boolean(a.pinned)) || bySort(a, b));
}

function reactionTotal(stored: StoredComment): number {
  let total = 0;
  for (const readers of stored.reactedBy.values()) total += readers.size;
  return total;
}

function rootOf<C extends Comment>(byId: Map<string, C>, comment: C): C {
  let current = comment;
  while (current.parentId !== null && byId.has(current.parentId)) current = byId.get(current.parentId)!;
  return current;
}
