// A complete custom adapter: comments kept in the browser's localStorage, one key per thread.
// It is type-checked and exercised by test/browser/custom-adapter.test.ts, so it stays true.
import type { CallOptions, CommentAdapter, EditTokenOptions, ListOptions } from '../../src/core/adapter.js';
import { AdapterError } from '../../src/core/errors.js';
import type { Comment, CommentPage, NewComment, PostResult, ThreadMeta } from '../../src/core/types.js';

interface Stored {
  closed: boolean;
  comments: Array<Comment & { editToken: string }>;
}

export class LocalStorageAdapter implements CommentAdapter {
  constructor(private readonly prefix = 'my-comments:') {}

  async list(threadId: string, { sort = 'oldest', cursor, limit = 50, signal }: ListOptions = {}): Promise<CommentPage> {
    signal?.throwIfAborted();
    const stored = this.#read(threadId);
    const roots = stored.comments.filter((c) => c.parentId === null);
    if (sort === 'newest') roots.reverse();
    const start = Number(cursor ?? 0);
    const page = roots.slice(start, start + limit);
    const ids = new Set(page.map((c) => c.id));
    const replies = stored.comments.filter((c) => c.parentId !== null && ids.has(c.parentId));
    return {
      thread: this.#meta(threadId, stored),
      comments: [...page, ...replies].map(({ editToken: _secret, ...comment }) => comment),
      nextCursor: start + limit < roots.length ? String(start + limit) : null,
    };
  }

  async getThread(threadId: string, { signal }: CallOptions = {}): Promise<ThreadMeta> {
    signal?.throwIfAborted();
    return this.#meta(threadId, this.#read(threadId));
  }

  async post(input: NewComment, { signal }: CallOptions = {}): Promise<PostResult> {
    signal?.throwIfAborted();
    const stored = this.#read(input.threadId);
    // Same id again (a retry after a lost answer): hand back what was stored, never a copy.
    const existing = stored.comments.find((c) => c.id === input.id);
    if (existing) return { comment: existing };
    if (stored.closed) throw new AdapterError('closed', 'Comments are closed.');
    if (!input.body.trim()) throw new AdapterError('validation', 'The comment is empty.', { field: 'body' });
    const comment = {
      id: input.id,
      threadId: input.threadId,
      parentId: input.parentId ?? null,
      number: stored.comments.length + 1,
      author: { name: input.author.name, website: input.author.website ?? null },
      body: input.body,
      createdAt: new Date().toISOString(),
      editToken: crypto.randomUUID(),
    };
    stored.comments.push(comment);
    this.#write(input.threadId, stored);
    const { editToken, ...published } = comment;
    return { comment: published, editToken };
  }

  async edit(threadId: string, id: string, body: string, options: EditTokenOptions): Promise<Comment> {
    const stored = this.#read(threadId);
    const comment = this.#owned(stored, id, options);
    Object.assign(comment, { body, editedAt: new Date().toISOString() });
    this.#write(threadId, stored);
    const { editToken: _secret, ...published } = comment;
    return published;
  }

  async remove(threadId: string, id: string, options: EditTokenOptions): Promise<void> {
    const stored = this.#read(threadId);
    this.#owned(stored, id, options);
    stored.comments = stored.comments.filter((c) => c.id !== id);
    this.#write(threadId, stored);
  }

  async counts(threadIds: string[], { signal }: CallOptions = {}): Promise<Record<string, number>> {
    signal?.throwIfAborted();
    return Object.fromEntries(threadIds.map((id) => [id, this.#read(id).comments.length]));
  }

  #owned(stored: Stored, id: string, { editToken, signal }: EditTokenOptions) {
    signal?.throwIfAborted();
    const comment = stored.comments.find((c) => c.id === id);
    if (!comment) throw new AdapterError('not-found', 'That comment does not exist.');
    if (comment.editToken !== editToken) throw new AdapterError('forbidden', 'Only its writer can change a comment.');
    return comment;
  }

  #meta(threadId: string, stored: Stored): ThreadMeta {
    return { id: threadId, closed: stored.closed, count: stored.comments.length };
  }

  #read(threadId: string): Stored {
    const raw = localStorage.getItem(this.prefix + threadId);
    return raw ? (JSON.parse(raw) as Stored) : { closed: false, comments: [] };
  }

  #write(threadId: string, stored: Stored): void {
    localStorage.setItem(this.prefix + threadId, JSON.stringify(stored));
  }
}
