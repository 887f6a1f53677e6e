/**
 * The protocol's constants (docs/protocol.md), in one place for the widget, every adapter and the
 * reference server, so the form's checks, the memory adapter and the server's validation agree.
 */

/** Input limits, in UTF-16 code units for text. */
export const LIMITS = { name: 80, body: 10_000, url: 300, email: 254, threadId: 256, threads: 100, pageSize: 100 } as const;

/** The reactions readers can give, by name, with how the widget shows them; the server's default set. */
export const REACTIONS: Record<string, string> = { like: '👍', love: '❤️', laugh: '😄', wow: '😮', sad: '😢', thanks: '🙏', insightful: '💡' };

/** How a thread can be ordered; the first is the default (classic blogs read oldest first). */
export const SORT_ORDERS = ['oldest', 'newest', 'top'] as const;

/** How long a writer may edit or delete a comment when the storage does not say otherwise. */
export const EDIT_WINDOW_MS = 15 * 60_000;
