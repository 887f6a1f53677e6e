/**
 * What this device knows about its reader, in localStorage: an anonymous reader id (one
 * reaction of a kind per reader) and the edit tokens of comments written here. Storage may be
 * unavailable (privacy modes): then the reader simply cannot edit or keep reactions across visits.
 */
const KEY = 'chime:identity';

/** How long a comment stays editable; the storage enforces its own window. */
export const EDIT_WINDOW_MS = 15 * 60_000;

interface Identity {
  reader: string;
  /** Comment id -> [edit token, expiry in ms since the epoch]. */
  tokens: Record<string, [string, number]>;
}

function read(): Identity {
  let stored: Partial<Identity> = {};
  try {
    stored = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Identity>;
  } catch {
    // Unreadable or unavailable: start over.
  }
  const now = Date.now();
  const tokens = Object.fromEntries(Object.entries(stored.tokens ?? {}).filter(([, [, expires]]) => expires > now));
  return { reader: stored.reader ?? crypto.randomUUID(), tokens };
}

function write(identity: Identity): Identity {
  try {
    localStorage.setItem(KEY, JSON.stringify(identity));
  } catch {
    // Full or unavailable: the ids last for this page only.
  }
  return identity;
}

let cached: Identity | undefined;
const identity = () => (cached ??= write(read()));

export const readerId = (): string => identity().reader;

/** Keeps a comment's edit token until its edit window, counted from createdAt, closes. */
export function saveEditToken(id: string, token: string, createdAt: string): void {
  const current = identity();
  current.tokens[id] = [token, Date.parse(createdAt) + EDIT_WINDOW_MS];
  write(current);
}

/** The token for a comment this device wrote, while it is still editable. */
export function editToken(id: string): string | undefined {
  const entry = identity().tokens[id];
  return entry && entry[1] > Date.now() ? entry[0] : undefined;
}
