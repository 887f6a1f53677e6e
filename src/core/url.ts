const WEB = ['http:', 'https:'];

/** The comment id the page's address points at (#comment-<id>), or '' (also for a malformed one). */
export function linkedCommentId(): string {
  try {
    return /^#comment-(.+)/.exec(decodeURIComponent(location.hash))?.[1] ?? '';
  } catch {
    return '';
  }
}

/**
 * The URL if it is absolute and uses one of the allowed protocols (http and https unless told
 * otherwise), else null: user-supplied links can never run script.
 */
export function safeUrl(value: string | null | undefined, protocols: readonly string[] = WEB): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return protocols.includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}
