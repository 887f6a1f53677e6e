import { randomUUID } from 'node:crypto';
import { ChimeError } from '../errors.ts';
import { blockBody, blockParams, bulkBody, ownerListQuery, replyBody, threadsQuery, type BulkAction } from '../owner-schemas.ts';
import { check, commentId } from '../schemas.ts';
import type { OwnerCursor, OwnerRow } from '../storage/owner-types.ts';
import { toComment } from '../storage/view.ts';
import type { ServiceContext } from './context.ts';
import type { Moderation } from './moderation.ts';
import type { Writing } from './writing.ts';

/** A comment as the owner sees it: the public view plus email, keyed hashes, why it is held, its thread's state. */
export function ownerView(row: OwnerRow) {
  const comment = toComment(row);
  return {
    ...comment,
    author: { ...comment.author, email: row.author_email },
    reason: row.held_reason,
    ipHash: row.ip_hash,
    emailHash: row.email_hash,
    blocked: { ip: Number(row.ip_blocked) === 1, email: Number(row.email_blocked) === 1 },
    threadClosed: Number(row.thread_closed) === 1,
  };
}

const encode = (c: OwnerCursor) => Buffer.from(JSON.stringify([c.createdAt, c.id])).toString('base64url');

function decode(cursor: string): OwnerCursor {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[];
    if (Number.isSafeInteger(createdAt) && typeof id === 'string') return { createdAt: createdAt as number, id };
  } catch {
    // answered below
  }
  throw new ChimeError('validation', 'Not a cursor this server made.', 'cursor');
}

const CHANGES: Record<Exclude<BulkAction, 'delete'>, { status?: 'published' | 'hidden' | 'spam' | 'trash'; pinned?: boolean }> = {
  approve: { status: 'published' },
  hide: { status: 'hidden' },
  spam: { status: 'spam' },
  trash: { status: 'trash' },
  pin: { pinned: true },
  unpin: { pinned: false },
};

/** The console's work beyond one comment's moderation (moderation.ts): lists, bulk actions, replies, threads, blocks. */
export class OwnerConsole {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly moderation: Moderation,
    private readonly writing: Writing,
  ) {}

  async list(query: unknown) {
    const q = check(ownerListQuery, query);
    const rows = await this.ctx.storage.owner.list({
      statuses: q.status ?? null,
      thread: q.thread || null,
      author: q.author || null,
      text: q.text || null,
      order: q.order,
      after: q.cursor ? decode(q.cursor) : null,
      limit: q.limit + 1,
    });
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    return {
      comments: page.map(ownerView),
      nextCursor: rows.length > q.limit && last ? encode({ createdAt: Number(last.created_at), id: last.id }) : null,
    };
  }

  async counts() {
    return { counts: await this.ctx.storage.owner.statusCounts() };
  }

  /** One action on many comments, each on its own: what failed is reported, the rest is done. */
  async bulk(body: unknown) {
    const { ids, action } = check(bulkBody, body);
    const results = [];
    for (const id of new Set(ids)) {
      try {
        if (action === 'delete') await this.moderation.remove(id);
        else await this.moderation.moderate(id, CHANGES[action]);
        results.push({ id, ok: true as const });
      } catch (err) {
        if (!(err instanceof ChimeError)) throw err;
        results.push({ id, ok: false as const, error: { code: err.code, message: err.message } });
      }
    }
    return { results };
  }

  /** Answers a comment as the blog's author (the badge readers see); a comment awaiting approval is approved first. */
  async reply(id: unknown, body: unknown) {
    const parent = await this.ctx.storage.find(check(commentId, id, 'id'));
    if (!parent || parent.deleted || parent.status === 'removed') throw new ChimeError('not-found', 'No such comment.');
    const { body: text } = check(replyBody, body);
    if (parent.status === 'pending') await this.moderation.moderate(parent.id, { status: 'published' });
    else if (parent.status !== 'published') throw new ChimeError('validation', 'Restore this comment before answering it.', 'id');
    const { ownerName } = await this.ctx.settings.current();
    const comment = { id: randomUUID(), threadId: parent.thread_id, parentId: parent.id, author: { name: ownerName, role: 'author' }, body: text };
    return (await this.writing.post(comment, { admin: true, address: null, client: null })).result;
  }

  async threads(query: unknown) {
    const q = check(threadsQuery, query);
    const rows = await this.ctx.storage.owner.threads(q.q || null, q.cursor ?? null, q.limit + 1);
    const page = rows.slice(0, q.limit).map((t) => ({
      id: t.id,
      closed: Number(t.closed) === 1,
      keepOpen: Number(t.keep_open) === 1,
      count: Number(t.comment_count),
      startedAt: t.started_at === null ? null : new Date(Number(t.started_at)).toISOString(),
      lastActivity: t.last_changed_at === null ? null : new Date(Number(t.last_changed_at)).toISOString(),
    }));
    return { threads: page, nextCursor: rows.length > q.limit ? page.at(-1)!.id : null };
  }

  async blocks() {
    return { blocks: (await this.ctx.storage.owner.blocks()).map(blockView) };
  }

  /** Blocks the author of a comment by the keyed hash of their address or email: their next comments go to spam. */
  async block(body: unknown) {
    const { commentId: id, kind } = check(blockBody, body);
    const row = await this.ctx.storage.find(id);
    if (!row) throw new ChimeError('not-found', 'No such comment.');
    const hash = kind === 'ip' ? row.ip_hash : row.email_hash;
    if (!hash) throw new ChimeError('validation', kind === 'ip' ? 'The address of this comment is not known.' : 'This comment has no email.', 'kind');
    const label = `${row.author_name || '(deleted)'}: ${row.body.replace(/\s+/g, ' ').slice(0, 80)}`;
    return { block: blockView(await this.ctx.storage.owner.block(kind, hash, label, Date.now())) };
  }

  async unblock(params: unknown) {
    const { kind, hash } = check(blockParams, params);
    if (!(await this.ctx.storage.owner.unblock(kind, hash))) throw new ChimeError('not-found', 'No such block.');
  }
}

const blockView = (b: { kind: string; hash: string; label: string; created_at: number }) => ({
  kind: b.kind,
  hash: b.hash,
  label: b.label,
  createdAt: new Date(Number(b.created_at)).toISOString(),
});
