/** The reactions readers can give, by name, with how the widget shows them; the server's default set. */
export const REACTIONS: Record<string, string> = { like: '👍', love: '❤️', laugh: '😄', wow: '😮', sad: '😢', thanks: '🙏', insightful: '💡' };
