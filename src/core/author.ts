import { identity, write, type SignedAs } from './identity.js';

// Only the form and the outbox need these (what the device keeps of the comments it sent): they
// come with their chunks, not with chime.js.

/** The name and website of the last comment this device sent, unless the reader forgot them. */
export const rememberedAuthor = (): SignedAs | undefined => identity().author;

/** Remembers who signed a comment the storage accepted, for the next one. */
export function rememberAuthor({ name, website }: SignedAs): void {
  write(Object.assign(identity(), { author: { name, website: website || null } }));
}

export function forgetAuthor(): void {
  write(Object.assign(identity(), { author: undefined }));
}

/** Keeps a comment's edit token until `expires` (ms since the epoch), when its edit window closes; those past theirs go. */
export function saveEditToken(id: string, token: string, expires: number): void {
  const current = identity();
  const now = Date.now();
  current.tokens = Object.fromEntries(
    Object.entries({ ...current.tokens, [id]: [token, expires] as [string, number] }).filter(([, [, until]]) => until > now),
  );
  write(current);
}
