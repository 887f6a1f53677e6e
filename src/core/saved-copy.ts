import type { ThreadSource } from './first-paint.js';
import type { OfflineLayer } from './offline-layer.js';
import type { ThreadAction, ThreadState } from './thread-state.js';

/** Changes come in bursts (a page, a live event, a reaction): one write to IndexedDB per burst. */
const SAVE_DELAY_MS = 250;

/**
 * Keeps a thread's saved copy equal to what is shown: what reaches the screen reaches the device.
 * `changed` hears of each new state, `flush` writes at once if a write is due.
 */
export function savedCopy({ source, shown }: { source: ThreadSource; shown(): ThreadState }, cache: OfflineLayer['cache']) {
  const { threadId, sort, persist } = source;
  let due: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (due === undefined) return;
    clearTimeout(due);
    due = undefined;
    const { thread, comments, nextCursor, moreReplies } = shown();
    if (thread) cache.write(threadId, sort, { thread, comments, nextCursor, moreReplies }).catch(() => undefined);
  };
  const changed = (before: ThreadState, after: ThreadState, action: ThreadAction) => {
    // The saved copy itself needs no writing back.
    if (action.type === 'saved' || !after.thread || !persist) return;
    if (after.comments === before.comments && after.thread === before.thread && after.nextCursor === before.nextCursor) return;
    clearTimeout(due);
    due = setTimeout(flush, SAVE_DELAY_MS);
    // A comment of this reader's just left the outbox: the saved copy may be all that keeps it
    // (one awaiting a moderator is listed to nobody), so it is written at once.
    if (action.type === 'accepted') flush();
  };
  return { changed, flush };
}
