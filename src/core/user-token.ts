// A user token is `v1.<payload>.<signature>` (docs/sso.md). Only the comment server can check the
// signature: the widget reads the payload to decide what to show and whether to send it at all.
// Its own chunk: only pages with a user-token load it.

/** What the form shows of a signed-in reader: the name and email their site vouches for. */
export interface TokenUser {
  name: string;
  email?: string | null;
}

/** The token's payload, base64url-decoded to a binary string (UTF-8 bytes); throws when there is none. */
const payloadOf = (token: string) => atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'));

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

/** Whom a live user token names; null for no token, an expired one or one that is not a token. */
export function signedIn(token: string): TokenUser | null {
  try {
    const user = liveToken(token) && (JSON.parse(new TextDecoder().decode(Uint8Array.from(payloadOf(token), (c) => c.charCodeAt(0)))) as TokenUser);
    return user && typeof user.name == 'string' ? user : null;
  } catch {
    return null;
  }
}
