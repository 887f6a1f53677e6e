// A user token is `v1.<payload>.<signature>` (docs/sso.md). Only the comment server can check the
// signature: the widget reads the payload to decide what to show and whether to send it at all.

/** The token's payload, base64url-decoded to a binary string (UTF-8 bytes); throws when there is none. */
export const payloadOf = (token: string) => atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'));

/**
 * `token` while it has not expired by this device's clock; '' otherwise (then the reader is
 * anonymous). Non-ASCII bytes of a name read as Latin-1 here, which JSON.parse still takes.
 */
export function liveToken(token = ''): string {
  try {
    return (JSON.parse(payloadOf(token)) as { exp: number }).exp * 1000 > Date.now() ? token : '';
  } catch {
    return '';
  }
}
