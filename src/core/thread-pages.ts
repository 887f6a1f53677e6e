import type { ThreadState } from './thread-state.js';
import type { Comment, CommentPage } from './types.js';

// How the storage's pages merge into the thread on screen (for reduce(), thread-reducer.ts), and
// what the session still has to confirm.

/** A comment of this reader awaiting a moderator: only this device knows it, so it stays. */
export const awaiting = (c: Comment) => c.delivery?.state === 'moderation';

export const has = (comments: Comment[], id: string) => comments.some((c) => c.id === id);

/**
 * Merges a page of top-level comments into what is shown, which never shrinks under the reader:
 * comments not confirmed yet stay (stale) after the confirmed ones until a further page lists them,
 * and go only once the last page did not (deleted meanwhile), or their root's page lists its
 * replies in full without them.
 */
export function page(state: ThreadState, { thread, comments, nextCursor, moreReplies = {} }: CommentPage, first?: boolean): ThreadState {
  const stale = new Set(first ? state.comments.filter((c) => !awaiting(c)).map((c) => c.id) : state.stale);
  const more = { ...state.moreReplies };
  for (const c of comments) if (c.parentId === null) delete more[c.id];
  Object.assign(more, moreReplies);
  // Replies still being paged under their root wait for those pages.
  const kept = merge(state, comments, stale, (c, root) => !(c.parentId !== null && more[root]) && (nextCursor === null || has(comments, root)));
  const roots = kept.filter((c) => c.parentId === null);
  const ordered = [
    ...roots.filter((c) => !stale.has(c.id)),
    ...comments.filter((c) => c.parentId === null && !has(roots, c.id)),
    ...roots.filter((c) => stale.has(c.id)),
  ];
  const replies = [...kept.filter((c) => c.parentId !== null), ...comments.filter((c) => c.parentId !== null && !has(kept, c.id))];
  return { ...state, thread, nextCursor, moreReplies: more, stale, comments: [...ordered, ...replies] };
}

/** Merges a page of the replies under top-level comment `root`. */
export function replies(state: ThreadState, { thread, comments, nextCursor }: CommentPage, root: string): ThreadState {
  const added = comments.filter((c) => !has(state.comments, c.id));
  const more = { ...state.moreReplies };
  const left = (more[root]?.count ?? 0) - added.length;
  if (nextCursor && left > 0) more[root] = { count: left, cursor: nextCursor };
  else delete more[root];
  const stale = new Set(state.stale);
  // The last page of a root's replies: its stale replies were deleted meanwhile.
  const kept = merge(state, comments, stale, (c, of) => !more[root] && c.parentId !== null && of === root);
  return { ...state, thread, moreReplies: more, stale, comments: [...kept, ...added] };
}

/**
 * The shown comments once `comments` came: each updated to its incoming copy, which is no longer
 * stale; a stale one that `gone` (given its top-level comment) says was deleted meanwhile is left
 * out, and no longer stale either.
 */
function merge(state: ThreadState, comments: Comment[], stale: Set<string>, gone: (c: Comment, root: string) => boolean): Comment[] {
  const incoming = new Map(comments.map((c) => [c.id, c]));
  for (const id of incoming.keys()) stale.delete(id);
  const rootOf = rootFinder(new Map([...state.comments.map((c): [string, Comment] => [c.id, c]), ...incoming]));
  const kept: Comment[] = [];
  for (const c of state.comments) {
    if (stale.has(c.id) && gone(c, rootOf(c))) stale.delete(c.id);
    else kept.push(newer(c, incoming.get(c.id)));
  }
  return kept;
}

/** The storage's copy of a shown comment; the shown object itself when nothing changed, so it is not drawn again. */
const newer = (shown: Comment, stored: Comment | undefined) => (!stored || JSON.stringify(stored) === JSON.stringify(shown) ? shown : stored);

/** The top-level comment a comment belongs to (itself when it is one). */
function rootFinder(byId: Map<string, Comment>): (comment: Comment) => string {
  return (comment) => {
    let current = comment;
    for (let parent = byId.get(current.parentId!); parent; parent = byId.get(current.parentId!)) current = parent;
    return current.id;
  };
}

/** Top-level comments shown but not yet confirmed, and roots whose shown replies are not. */
export function unconfirmed({ comments, stale }: ThreadState): { roots: boolean; replies: string[] } {
  const rootOf = rootFinder(new Map(comments.map((c) => [c.id, c])));
  const stalely = comments.filter((c) => stale.has(c.id));
  return {
    roots: stalely.some((c) => c.parentId === null),
    replies: [...new Set(stalely.filter((c) => c.parentId !== null).map(rootOf))],
  };
}
