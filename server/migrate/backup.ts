/**
 * Chime's backup format (docs/migrate.md): JSON Lines, one JSON object per line, so that both
 * writing and reading stream. The first line says what the file is:
 *   {"format":"chime-backup","version":1,"exportedAt":"...","thread":null}
 * then settings, and each thread followed by its comments in number order:
 *   {"type":"setting","name":"site-key","value":"..."}
 *   {"type":"thread","id":"/2006/03/x/","closed":false,"lastNumber":2}
 *   {"type":"comment","id":"...","threadId":"/2006/03/x/","parentId":null,"number":1,...}
 */
import { z } from 'zod';
import { LIMITS } from 'chime-comments/protocol';
import { commentId, readerId, threadId } from '../schemas.ts';
import { BACKUP_SETTINGS } from '../storage/transfer.ts';
import type { Storage } from '../storage/types.ts';
import { MalformedFile, MAX_BODY, type Sink } from './records.ts';

export const BACKUP_FORMAT = 'chime-backup';
export const BACKUP_VERSION = 1;
/** Longest line read: a comment's body is at most MAX_BODY characters. */
const MAX_LINE = 4_000_000;
/** Rows read from the database per query while exporting. */
const PAGE = 500;

const header = z.object({ format: z.literal(BACKUP_FORMAT), version: z.number().int() });
const time = z.iso.datetime().transform((s) => Date.parse(s));
const hash = z.string().max(128);

const record = z.discriminatedUnion('type', [
  // The owner's settings hold their blocklists: up to a line's length.
  z.strictObject({ type: z.literal('setting'), name: z.string().min(1).max(100), value: z.string().max(MAX_LINE) }),
  z.strictObject({ type: z.literal('thread'), id: threadId, closed: z.boolean(), lastNumber: z.number().int().min(0) }),
  z.strictObject({
    type: z.literal('comment'),
    id: commentId,
    threadId,
    parentId: commentId.nullable(),
    // Comments never published (awaiting approval, spam) are numbered below 0 until they are.
    number: z
      .number()
      .int()
      .refine((n) => n !== 0, 'Must not be 0.'),
    // 'removed': a deleted comment's tombstone, kept so that its id stays taken.
    status: z.enum(['published', 'pending', 'hidden', 'spam', 'trash', 'removed']),
    deleted: z.boolean(),
    pinned: z.boolean(),
    author: z.strictObject({
      // A deleted comment kept for its replies has an empty name.
      name: z.string().max(LIMITS.name),
      // The widget links it: http(s) only, as for a posted comment.
      website: z
        .url({ protocol: /^https?$/ })
        .max(LIMITS.url)
        .nullable(),
      email: z.string().max(LIMITS.email).nullable(),
      avatarHash: hash.nullable(),
      role: z.enum(['author', 'moderator']).nullable(),
    }),
    body: z.string().max(MAX_BODY),
    createdAt: time,
    editedAt: time.nullable(),
    changedAt: time,
    contentHash: hash,
    editTokenHash: hash.nullable(),
    reactions: z.array(z.strictObject({ kind: z.string().regex(/^[a-z0-9_-]{1,32}$/), reader: readerId })),
  }),
]);

/** Reads a backup written by exportBackup. A line that is not JSON ends the file as malformed. */
export async function readBackup(input: AsyncIterable<string>, sink: Sink): Promise<void> {
  let line = 0;
  let started = false;
  for await (const text of lines(input)) {
    line++;
    if (!text.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new MalformedFile(`not JSON${started ? '' : ' (is this a Chime backup?)'}`, line);
    }
    if (!started) {
      const head = header.safeParse(value);
      if (!head.success)
        throw new MalformedFile(`not a Chime backup: the first line must be {"format":"${BACKUP_FORMAT}","version":${BACKUP_VERSION},...}`, line);
      if (head.data.version !== BACKUP_VERSION) {
        throw new MalformedFile(`this backup is version ${head.data.version}; this server reads version ${BACKUP_VERSION}`, line);
      }
      started = true;
      continue;
    }
    const parsed = record.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      sink.error(`${issue.path.join('.') || 'record'}: ${issue.message}`, line);
      continue;
    }
    const r = parsed.data;
    if (r.type === 'setting') {
      if (BACKUP_SETTINGS.includes(r.name)) sink.setting(r.name, r.value);
      else sink.warn(`"${r.name.slice(0, 40)}" is not a setting backups carry: left out`, line);
    } else if (r.type === 'thread') sink.thread({ key: r.id, threadId: r.id, closed: r.closed, lastNumber: r.lastNumber, line });
    else {
      const { number, author, deleted, pinned, editedAt, changedAt, contentHash, editTokenHash, reactions } = r;
      sink.comment({
        id: r.id,
        threadKey: r.threadId,
        parentId: r.parentId,
        name: author.name,
        website: author.website,
        email: author.email,
        role: author.role,
        body: r.body,
        status: r.status,
        createdAt: r.createdAt,
        line,
        exact: { number, avatarHash: author.avatarHash, deleted, pinned, editedAt, changedAt, contentHash, editTokenHash, reactions },
      });
    }
  }
  if (!started) throw new MalformedFile('the file is empty', 1);
}

/** The input's lines, pulled one chunk at a time (readline's iterator would read ahead of us). */
async function* lines(input: AsyncIterable<string>): AsyncGenerator<string> {
  let rest = '';
  let count = 0;
  for await (const chunk of input) {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop()!;
    count += parts.length;
    for (const part of parts) yield part.replace(/\r$/, '');
    // No record comes near this: a file with no line breaks is not a backup.
    if (rest.length > MAX_LINE) throw new MalformedFile(`line ${count + 1} is longer than ${MAX_LINE / 1e6} MB`, count + 1);
  }
  if (rest) yield rest.replace(/\r$/, '');
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The whole database (or one thread) as backup lines, read page by page. Settings only in a whole backup. */
export async function* exportBackup(storage: Storage, only: string | null = null): AsyncGenerator<string> {
  const line = (value: unknown) => `${JSON.stringify(value)}\n`;
  yield line({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: new Date().toISOString(), thread: only });
  if (!only) for (const s of await storage.exportSettings()) yield line({ type: 'setting', ...s });
  let after: string | null = null;
  for (;;) {
    const threads = await storage.exportThreads(after, PAGE, only);
    for (const thread of threads) {
      yield line({ type: 'thread', ...thread });
      // From the lowest number there can be: held comments are numbered below 0.
      for (let number = -(2 ** 31); ;) {
        const rows = await storage.exportComments(thread.id, number, PAGE);
        for (const c of rows) {
          yield line({
            type: 'comment',
            id: c.id,
            threadId: c.thread_id,
            parentId: c.parent_id,
            number: c.number,
            status: c.status,
            deleted: c.deleted === 1,
            pinned: c.pinned === 1,
            author: { name: c.author_name, website: c.author_website, email: c.author_email, avatarHash: c.avatar_hash, role: c.author_role },
            body: c.body,
            createdAt: iso(c.created_at),
            editedAt: iso(c.edited_at),
            changedAt: iso(c.changed_at),
            contentHash: c.content_hash,
            editTokenHash: c.edit_token_hash,
            reactions: c.reactions,
          });
        }
        if (rows.length < PAGE) break;
        number = rows.at(-1)!.number;
      }
    }
    if (only || threads.length < PAGE) return;
    after = threads.at(-1)!.id;
  }
}
