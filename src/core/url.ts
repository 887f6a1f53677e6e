const WEB_PROTOCOLS = new Set(['http:', 'https:']);

/** The URL if it is an absolute http(s) address, else null: user-supplied links never run script. */
export function safeWebUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return WEB_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}
