import { fromSaved, type ThreadAction, type ThreadState } from './thread-state.js';
import type { Comment, CommentPage, ThreadEvent } from './types.js';

/** Applies one change to the thread. Pure: the session runs the effects around it. */
export function reduce(state: ThreadState, action: ThreadAction): ThreadState {
  switch (action.type) {
    case 'saved':
      return saved(state, action.page);
    case 'fetching':
      return { ...state, busy: true, error: null };
    case 'page':
      return {
        ...(action.root ? replies(state, action.page, action.root) : page(state, action.page, action.first)),
        status: 'live',
        busy: false,
        error: null,
        answered: true,
      };
    case 'failed':
      // Unreachable with something on screen: keep showing it, quietly.
      return action.error.retryable && state.thread
        ? { ...state, status: 'offline', busy: false }
        : { ...state, status: 'error', busy: false, error: action.error };
    case 'reached':
      return state.status === 'offline' ? { ...state, status: 'live' } : state;
    case 'outgoing':
      return { ...state, outgoing: action.comments };
    case 'accepted':
      return accepted(state, action.comment);
    case 'patch': {
      const comments = state.comments.map((c) => (c.id === action.id ? { ...c, ...action.change } : c));
      return count({ ...state, comments, refused: action.refused === undefined ? state.refused : action.refused }, action.count ?? 0);
    }
    case 'live':
      return live(state, action.event);
    case 'reveal':
      return { ...state, fresh: [], comments: action.newest ? [...state.fresh, ...state.comments] : [...state.comments, ...state.fresh] };
  }
}

/** A comment of this reader awaiting a moderator: only this device knows it, so it stays. */
const awaiting = (c: Comment) => c.delivery?.state === 'moderation';

function saved(state: ThreadState, page: CommentPage): ThreadState {
  // The storage answered first: only what it lists to nobody is taken from the saved copy (which
  // otherwise replaces what is shown: its own head, read first).
  if (state.answered) return { ...state, comments: [...state.comments, ...page.comments.filter((c) => awaiting(c) && !has(state.comments, c.id))] };
  const status = state.status === 'loading' ? 'showing-saved' : state.error?.retryable ? 'offline' : state.status;
  return { ...state, ...fromSaved(page), status, error: status === 'offline' ? null : state.error };
}

/**
 * Merges a page of top-level comments into what is shown, which never shrinks under the reader:
 * comments not confirmed yet stay (stale) after the confirmed ones until a further page lists them,
 * and go only once the last page did not (deleted meanwhile), or their root's page lists its
 * replies in full without them.
 */
function page(state: ThreadState, { thread, comments, nextCursor, moreReplies = {} }: CommentPage, first?: boolean): ThreadState {
  const incoming = new Map(comments.map((c) => [c.id, c]));
  const stale = new Set(first ? state.comments.filter((c) => !awaiting(c)).map((c) => c.id) : state.stale);
  for (const id of incoming.keys()) stale.delete(id);
  const more = { ...state.moreReplies };
  for (const c of comments) if (c.parentId === null) delete more[c.id];
  Object.assign(more, moreReplies);
  const all = new Map([...state.comments.map((c): [string, Comment] => [c.id, c]), ...incoming]);
  const rootOf = rootFinder(all);
  const gone = (c: Comment) => {
    const root = rootOf(c);
    // Replies still being paged under their root wait for those pages.
    return stale.has(c.id) && !(c.parentId !== null && more[root]) && (nextCursor === null || incoming.has(root));
  };
  const kept = state.comments.filter((c) => !gone(c)).map((c) => newer(c, incoming.get(c.id)));
  const roots = kept.filter((c) => c.parentId === null);
  const ordered = [
    ...roots.filter((c) => !stale.has(c.id)),
    ...comments.filter((c) => c.parentId === null && !has(roots, c.id)),
    ...roots.filter((c) => stale.has(c.id)),
  ];
  const replies = [...kept.filter((c) => c.parentId !== null), ...comments.filter((c) => c.parentId !== null && !has(kept, c.id))];
  for (const c of state.comments) if (gone(c)) stale.delete(c.id);
  return { ...state, thread, nextCursor, moreReplies: more, stale, comments: [...ordered, ...replies] };
}

/** Merges a page of the replies under top-level comment `root`. */
function replies(state: ThreadState, { thread, comments, nextCursor }: CommentPage, root: string): ThreadState {
  const incoming = new Map(comments.map((c) => [c.id, c]));
  const added = comments.filter((c) => !has(state.comments, c.id));
  const more = { ...state.moreReplies };
  const left = (more[root]?.count ?? 0) - added.length;
  if (nextCursor && left > 0) more[root] = { count: left, cursor: nextCursor };
  else delete more[root];
  const stale = new Set(state.stale);
  for (const id of incoming.keys()) stale.delete(id);
  const rootOf = rootFinder(new Map([...state.comments.map((c): [string, Comment] => [c.id, c]), ...incoming]));
  // The last page of a root's replies: its stale replies were deleted meanwhile.
  const gone = (c: Comment) => !more[root] && stale.has(c.id) && c.parentId !== null && rootOf(c) === root;
  const kept = state.comments.filter((c) => !gone(c)).map((c) => newer(c, incoming.get(c.id)));
  for (const c of state.comments) if (gone(c)) stale.delete(c.id);
  return { ...state, thread, moreReplies: more, stale, comments: [...kept, ...added] };
}

function accepted(state: ThreadState, comment: Comment): ThreadState {
  const known = has(state.comments, comment.id);
  const comments = known ? state.comments.map((c) => (c.id === comment.id ? comment : c)) : [...state.comments, comment];
  const fresh = state.fresh.filter((c) => c.id !== comment.id);
  return count({ ...state, comments, fresh }, known || comment.status === 'pending' ? 0 : 1);
}

function live(state: ThreadState, event: ThreadEvent): ThreadState {
  if (event.type === 'thread') return { ...state, thread: event.thread };
  const id = event.type === 'deleted' ? event.id : event.comment.id;
  const known = state.comments.find((c) => c.id === id);
  if (event.type === 'deleted') {
    if (!known || known.deleted) return state;
    return count({ ...state, comments: state.comments.map((c) => (c.id === id ? { ...c, deleted: true, body: '' } : c)) }, -1);
  }
  if (known) {
    // Edits and reactions by anyone, or a moderator approving this reader's comment; this
    // reader's own reactions are only known from list().
    const { myReactions: _theirs, ...comment } = event.comment;
    const comments = state.comments.map((c) => (c.id === id ? { ...c, ...comment, delivery: undefined } : c));
    return count({ ...state, comments }, known.delivery ? 1 : 0);
  }
  // This reader's own comment on its way (its echo is not news), or one already held back.
  if (event.type !== 'created' || has(state.outgoing, id) || has(state.fresh, id)) return state;
  const { parentId } = event.comment;
  // A reply to a comment the reader has not loaded has nowhere to go; the count still grows.
  const placed = !parentId || has(state.comments, parentId) || has(state.fresh, parentId);
  return count(placed ? { ...state, fresh: [...state.fresh, event.comment] } : state, 1);
}

function count(state: ThreadState, delta: number): ThreadState {
  return delta && state.thread ? { ...state, thread: { ...state.thread, count: state.thread.count + delta } } : state;
}

const has = (comments: Comment[], id: string) => comments.some((c) => c.id === id);

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
