/**
 * What every reader of an export (WordPress, Disqus, Chime backup) hands on: threads and comments
 * in Chime's terms, plus what it skipped, could not import or had to change, by line.
 */
import { z } from 'zod';
import { LIMITS } from 'chime-comments/protocol';
import type { AuthorRole } from 'chime-comments/protocol';
import { sha256 } from '../crypto.ts';
import type { Status } from '../storage/types.ts';

export interface SourceThread {
  /** The export's own key for the thread (an item's position, a Disqus thread id). */
  key: string;
  /** The Chime thread id, or null with `problem` saying why there is none. */
  threadId: string | null;
  problem?: string;
  /** Closed threads are closed in Chime too; an import never reopens one. */
  closed: boolean;
  /** Chime backups: the last number handed out (deleted comments leave gaps); 0 otherwise. */
  lastNumber: number;
  line: number;
}

/** A stored row's other fields, as a Chime backup carries them: restored exactly. */
export interface ExactFields {
  number: number;
  avatarHash: string | null;
  deleted: boolean;
  pinned: boolean;
  editedAt: number | null;
  changedAt: number;
  contentHash: string;
  editTokenHash: string | null;
  reactions: Array<{ kind: string; reader: string }>;
}

export interface SourceComment {
  /** Chime id, derived from the source's own id: importing again finds the same ids. */
  id: string;
  threadKey: string;
  parentId: string | null;
  name: string;
  website: string | null;
  email: string | null;
  role: AuthorRole | null;
  /** Markdown (Chime's subset). */
  body: string;
  status: Status;
  /** Epoch ms. */
  createdAt: number;
  line: number;
  exact?: ExactFields;
}

/** Where a reader reports what it read, as it reads it. */
export interface Sink {
  thread(thread: SourceThread): void;
  comment(comment: SourceComment): void;
  setting(name: string, value: string): void;
  /** Deliberately left out (a pingback, nothing left to show). */
  skip(reason: string, line: number): void;
  /** Cannot be imported as it is: the import writes nothing unless asked to go on (--partial). */
  error(message: string, line: number): void;
  /** Imported with a change the owner should know about. */
  warn(message: string, line: number): void;
}

/** The file is not what its reader expects (not well-formed, or another format): nothing of it is usable past `line`. */
export class MalformedFile extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/** An imported body may be longer than a posted one (old systems allowed it), not unbounded. */
export const MAX_BODY = 100_000;

/** `prefix-ID` when the source's id is a plain token, else a hash of it: always a valid comment id. */
export function stableId(prefix: string, sourceId: string): string {
  return /^[A-Za-z0-9_-]{1,40}$/.test(sourceId) ? `${prefix}-${sourceId}` : `${prefix}-${sha256(sourceId).slice(0, 32)}`;
}

const email = z.email().max(LIMITS.email);
// Control characters are exactly what this removes.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]+/g;

/** The author's fields as a posted comment would have them; what cannot be kept is dropped with a warning. */
export function author(raw: { name: string; email: string; website: string }, line: number, sink: Sink) {
  let name = raw.name.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim() || 'Anonymous';
  if (name.length > LIMITS.name) {
    sink.warn(`name shortened to ${LIMITS.name} characters`, line);
    name = `${name.slice(0, LIMITS.name - 1)}…`;
  }
  const address = raw.email.trim();
  const validEmail = address && email.safeParse(address).success ? address : null;
  if (address && !validEmail) sink.warn(`"${address.slice(0, 80)}" is not an email address: left out`, line);
  const site = raw.website.trim();
  const validSite = /^https?:\/\/[^/]/i.test(site) && site.length <= LIMITS.url && URL.canParse(site) ? site : null;
  // WordPress stores a bare "http://" for an empty field.
  if (site && !validSite && !/^https?:\/\/$/i.test(site)) sink.warn(`"${site.slice(0, 80)}" is not an http(s) address: left out`, line);
  return { name, email: validEmail, website: validSite };
}
