/**
 * An import, start to end: read the whole file into the staging area (checking every record),
 * then, unless that found errors (or `partial` says to go on anyway), write it one thread per
 * transaction. Ids come from the source's own ids, so a second run finds every comment stored
 * and writes nothing; a run cut short is finished by running it again.
 */
import { sha256 } from '../crypto.ts';
import type { ImportRow } from '../storage/transfer.ts';
import type { Storage } from '../storage/types.ts';
import { readBackup } from './backup.ts';
import { readDisqus } from './disqus.ts';
import { MalformedFile, type Sink, type SourceComment } from './records.ts';
import { Staging, type Summary } from './staging.ts';
import { DEFAULT_THREAD_IDS, type ThreadIds } from './threads.ts';
import { readWxr } from './wxr.ts';

export type Format = 'wxr' | 'disqus' | 'chime';

export const FORMATS: Record<Format, { name: string; read(input: AsyncIterable<string>, sink: Sink, ids: ThreadIds): Promise<void> }> = {
  wxr: { name: 'WordPress (WXR)', read: readWxr },
  disqus: { name: 'Disqus', read: readDisqus },
  chime: { name: 'Chime backup', read: (input, sink) => readBackup(input, sink) },
};

export interface Progress {
  phase: 'read' | 'write';
  /** Bytes read, or threads written. */
  done: number;
  /** The file's size (when known), or the threads to write. */
  total: number | null;
}

export interface ImportOptions {
  format: Format;
  ids?: ThreadIds;
  /** Write what could be read even when some of it could not. */
  partial?: boolean;
  /** Read and check only. */
  dryRun?: boolean;
  /** Size of the input in bytes, for progress. */
  size?: number | null;
  onProgress?: (progress: Progress) => void;
}

export interface ImportDeps {
  storage: Storage;
  /** The avatar hash of an email, as the server makes it (site-key.ts avatarHasher). */
  avatarHash(email: string): Promise<string>;
  /** The keyed hash of an email the server keeps with each comment (site-key.ts emailHasher): imported authors count as known to first-time moderation. */
  emailHash?(email: string): Promise<string>;
}

export async function importComments(input: AsyncIterable<Uint8Array | string>, deps: ImportDeps, options: ImportOptions): Promise<Summary> {
  const staging = new Staging();
  const { summary } = staging;
  const progress = options.onProgress ?? (() => {});
  try {
    let bytes = 0;
    const counted = decode(input, (n) => progress({ phase: 'read', done: (bytes += n), total: options.size ?? null }));
    try {
      await FORMATS[options.format].read(counted, staging, options.ids ?? DEFAULT_THREAD_IDS);
    } catch (err) {
      if (!(err instanceof MalformedFile)) throw err;
      summary.fatal = { line: err.line, message: err.message };
    }
    staging.finish();
    if (options.dryRun || ((summary.fatal || summary.errorCount > 0) && !options.partial)) {
      // What a run would write (duplicates are only found by writing).
      summary.imported = staging.importable();
      summary.threads = staging.threadCount();
      return summary;
    }

    summary.written = true;
    for (const { name, value } of staging.settings()) {
      if ((await deps.storage.setting(name, value)) !== value) staging.warn(`the database already has its own "${name}": kept`, 0);
    }
    const total = staging.threadCount();
    let done = 0;
    for (const thread of staging.threads()) {
      const comments = arrivalOrder(staging.comments(thread.threadId), staging);
      const rows: Array<ImportRow & { line: number }> = [];
      for (const c of comments) rows.push(await toRow(c, deps));
      const outcome = await deps.storage.importThread({ id: thread.threadId, closed: thread.closed, lastNumber: thread.lastNumber, comments: rows });
      summary.imported += outcome.created;
      summary.duplicates += outcome.duplicates;
      if (outcome.created > 0) summary.threads++;
      if (outcome.renumbered)
        staging.warn(`thread "${thread.threadId}" already had comments: the imported ones are numbered after them`, rows[0]?.line ?? 0);
      progress({ phase: 'write', done: ++done, total });
      // SQLite answers synchronously: without this, an import inside the server (the console's
      // upload) would hold every request until its last thread.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return summary;
  } finally {
    staging.close();
  }
}

/** UTF-8 text of the input, counting its bytes; bytes that are not UTF-8 make the file malformed. */
async function* decode(input: AsyncIterable<Uint8Array | string>, onBytes: (n: number) => void): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of input) {
      if (typeof chunk === 'string') yield chunk;
      else yield decoder.decode(chunk, { stream: true });
      onBytes(chunk.length);
    }
    yield decoder.decode();
  } catch (err) {
    if (err instanceof TypeError && 'code' in err && err.code === 'ERR_ENCODING_INVALID_ENCODED_DATA')
      throw new MalformedFile('the file is not UTF-8 text', 0);
    throw err;
  }
}

/**
 * Oldest first, but never a reply before what it answers (clocks of old systems disagree). A reply
 * to a comment the thread does not have (skipped, in error, in another thread) becomes top-level.
 */
export function arrivalOrder(comments: SourceComment[], sink: Pick<Sink, 'warn'>): Array<SourceComment & { parentId: string | null }> {
  const ids = new Set(comments.map((c) => c.id));
  const placed = new Set<string>();
  const waiting = new Map<string, SourceComment[]>();
  const out: SourceComment[] = [];
  const place = (first: SourceComment) => {
    for (const stack = [first]; stack.length > 0;) {
      const c = stack.pop()!;
      out.push(c);
      placed.add(c.id);
      stack.push(...(waiting.get(c.id) ?? []).reverse());
      waiting.delete(c.id);
    }
  };
  for (const c of comments) {
    if (c.parentId && !ids.has(c.parentId)) {
      sink.warn(`a reply to a comment that is not imported: imported as a top-level comment`, c.line);
      place({ ...c, parentId: null });
    } else if (!c.parentId || placed.has(c.parentId)) place(c);
    else waiting.set(c.parentId, [...(waiting.get(c.parentId) ?? []), c]);
  }
  // Whatever still waits answers itself in a loop (a broken export): top-level, in order.
  for (const c of comments) {
    if (placed.has(c.id)) continue;
    sink.warn('a reply in a loop of replies: imported as a top-level comment', c.line);
    place({ ...c, parentId: null });
  }
  return out;
}

async function toRow(c: SourceComment, deps: ImportDeps): Promise<ImportRow & { line: number }> {
  const e = c.exact;
  return {
    id: c.id,
    parentId: c.parentId,
    number: e?.number ?? null,
    name: c.name,
    website: c.website,
    email: c.email,
    avatarHash: e ? e.avatarHash : c.email ? await deps.avatarHash(c.email) : null,
    emailHash: c.email && deps.emailHash ? await deps.emailHash(c.email) : null,
    role: c.role,
    body: c.body,
    contentHash: e?.contentHash ?? sha256(c.body),
    editTokenHash: e?.editTokenHash ?? null,
    status: c.status,
    deleted: e?.deleted ?? false,
    pinned: e?.pinned ?? false,
    createdAt: c.createdAt,
    editedAt: e?.editedAt ?? null,
    changedAt: e?.changedAt ?? c.createdAt,
    reactions: e?.reactions ?? [],
    line: c.line,
  };
}
