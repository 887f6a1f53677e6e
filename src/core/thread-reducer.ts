import { awaiting, has, page, replies } from './thread-pages.js';
import { fromSaved, type ThreadAction, type ThreadState } from './thread-state.js';
import type { Comment, CommentPage, ThreadEvent } from './types.js';

export { unconfirmed } from './thread-pages.js';

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

function saved(state: ThreadState, page: CommentPage): ThreadState {
  // The storage answered first: only what it lists to nobody is taken from the saved copy (which
  // otherwise replaces what is shown: its own head, read first).
  if (state.answered) return { ...state, comments: [...state.comments, ...page.comments.filter((c) => awaiting(c) && !has(state.comments, c.id))] };
  const status = state.status === 'loading' ? 'showing-saved' : state.error?.retryable ? 'offline' : state.status;
  return { ...state, ...fromSaved(page), status, error: status === 'offline' ? null : state.error };
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
