import type { ThreadSession } from './thread-session.js';
import { linkedCommentId } from './url.js';

/** Pages' worth of comments loaded in search of a linked comment before giving up. */
const LINK_SEARCH_PAGES = 20;

/** The page's address links to a comment further down the thread: pages on until it is shown, within reason. */
export async function findLinked(session: ThreadSession): Promise<void> {
  const linked = linkedCommentId();
  const { pageSize } = session.source;
  const shown = () => session.state.comments.some((c) => c.id === linked);
  while (
    linked &&
    !shown() &&
    session.state.status === 'live' &&
    !session.state.busy &&
    session.state.nextCursor !== null &&
    session.state.comments.length < pageSize * LINK_SEARCH_PAGES
  ) {
    await session.loadMore();
  }
}
