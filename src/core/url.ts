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
 *
 * Its host, as parsed, must be plain letters, digits, `-`, `_` and dots (IDN hosts are punycode by
 * then) or an IPv6 address. URL parsers differ on the rest: Chromium accepts "a b.test" or
 * "a%20b.test" as a host, Node does not. So the widget in any browser and the server's link limit
 * (`links` in markdown.ts) agree on what is a link.
 */
export function safeUrl(value: string | null | undefined, protocols: readonly string[] = WEB): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return protocols.includes(url.protocol) && /^[\w.:[\]-]*$/.test(url.hostname) ? url.href : null;
  } catch {
    return null;
  }
}
