import { liveToken, payloadOf } from './user-token.js';

/** What the form shows of a signed-in reader: the name and email their site vouches for. */
export interface TokenUser {
  name: string;
  email?: string | null;
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
