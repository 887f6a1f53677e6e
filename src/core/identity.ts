/**
 * What this device knows about its reader, in localStorage: an anonymous reader id (one
 * reaction of a kind per reader), the edit tokens of comments written here, and the name and
 * website of the last comment sent (author.ts). Storage may be unavailable (privacy modes): then
 * the reader simply cannot edit or keep reactions across visits.
 */
const KEY = 'chime:identity';

/** The name and website a reader signs with. */
export interface SignedAs {
  name: string;
  website?: string | null;
}

interface Identity {
  reader: string;
  /** Comment id -> [edit token, expiry in ms since the epoch]. */
  tokens: Record<string, [string, number]>;
  author?: SignedAs;
}

function read(): Identity {
  let stored: Partial<Identity> = {};
  try {
    stored = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Identity>;
  } catch {
    // Unreadable or unavailable: start over.
  }
  // Tokens past their window are dropped as the next one is saved (author.ts): editToken() skips them meanwhile.
  return { reader: stored.reader ?? crypto.randomUUID(), tokens: stored.tokens ?? {}, author: stored.author };
}

export function write(identity: Identity): Identity {
  try {
    localStorage.setItem(KEY, JSON.stringify(identity));
  } catch {
    // Full or unavailable: the ids last for this page only.
  }
  return identity;
}

let cached: Identity | undefined;
/** Read once per page, then kept in memory. */
export const identity = () => (cached ??= write(read()));

export const readerId = (): string => identity().reader;

/**
 * The token for a comment this device wrote, while it is still editable; with `late`, also after
 * (until the page reloads), so a save just past the window hears "too late" from the storage, not
 * "not yours".
 */
export function editToken(id: string, late = false): string | undefined {
  const entry = identity().tokens[id];
  return entry && (late || entry[1] > Date.now()) ? entry[0] : undefined;
}
