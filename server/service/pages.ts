import type { CommentPage, SortOrder } from 'chime-comments/protocol';
import { decodeCursor, decodeReplyCursor, encodeCursor, encodeReplyCursor } from '../cursor.ts';
import type { PageBudget, Storage } from '../storage/types.ts';

/**
 * What one page may carry. A top-level comment brings at most `replies` of its replies, and a
 * page stops growing at about `bytes` of JSON (a comment can weigh 40 KB): the rest is paged,
 * top-level comments by nextCursor, replies by CommentPage.moreReplies.
 */
export const PAGE_BUDGET: PageBudget = { replies: 20, bytes: 256 * 1024 };

export interface PageRequest {
  threadId: string;
  sort: SortOrder;
  cursor?: string;
  limit: number;
  /** Lists the replies under this top-level comment instead. */
  root?: string;
}

/** One page of a thread (or of a top-level comment's replies) as every reader gets it. */
export async function buildPage(storage: Storage, { threadId, sort, cursor, limit, root }: PageRequest, budget: PageBudget): Promise<CommentPage> {
  if (root) {
    const after = cursor ? decodeReplyCursor(cursor) : 0;
    const [list, thread] = await Promise.all([storage.listReplies({ threadId, root, after, limit }, budget), storage.thread(threadId)]);
    return { thread, comments: list.comments, nextCursor: list.next === null ? null : encodeReplyCursor(list.next) } as CommentPage;
  }
  const after = cursor ? decodeCursor(cursor, sort) : null;
  const [list, thread] = await Promise.all([storage.listPage({ threadId, sort, after, limit }, budget), storage.thread(threadId)]);
  const page = { thread, comments: list.comments, nextCursor: list.next && encodeCursor(list.next) } as CommentPage;
  if (list.moreReplies.size > 0) {
    page.moreReplies = Object.fromEntries(
      [...list.moreReplies].map(([id, more]) => [id, { count: more.count, cursor: encodeReplyCursor(more.after) }]),
    );
  }
  return page;
}
