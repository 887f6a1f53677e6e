import { z } from 'zod';
import { LIMITS, SORT_ORDERS } from 'chime-comments/protocol';

// Control characters are exactly what this refuses.
// eslint-disable-next-line no-control-regex
const printable = /^[^\u0000-\u001f\u007f]*$/;

export const threadId = z.string().min(1).max(LIMITS.threadId).regex(printable, 'Must not contain control characters.');
export const commentId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Must be 1 to 64 letters, digits, "-" or "_".');
export const readerId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'Must be 8 to 64 letters, digits, "-" or "_".');

/** Forms send "" for an empty optional field: treat it as absent. */
const blankable = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' || v === undefined ? null : v), schema.nullable());

const body = z
  .string()
  .max(LIMITS.body)
  .refine((s) => s.trim().length > 0, 'Must not be empty.');

export const newComment = z.strictObject({
  id: commentId,
  threadId,
  parentId: commentId.nullish(),
  author: z.strictObject({
    name: z.string().trim().min(1).max(LIMITS.name).regex(printable, 'Must not contain control characters.'),
    website: blankable(z.url({ protocol: /^https?$/, error: 'Must be an http(s) URL.' }).max(LIMITS.url)),
    email: blankable(z.email().max(LIMITS.email)),
    /** Only with the admin token. */
    role: z.enum(['author', 'moderator']).optional(),
  }),
  body,
  /** Honeypot: hidden from people, so only bots fill it in. */
  homepage: z.string().max(LIMITS.url).optional(),
});

export const editComment = z.strictObject({ body });

export const threadQuery = z.strictObject({ thread: threadId });

export const listQuery = z.strictObject({
  thread: threadId,
  sort: z.enum(SORT_ORDERS).default('oldest'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSize).default(20),
  reader: readerId.optional(),
});

export const readerQuery = z.strictObject({ reader: readerId });

export const countsBody = z.strictObject({ threads: z.array(threadId).min(1).max(LIMITS.threads) });

export const closeBody = z.strictObject({ closed: z.boolean() });

export const moderateBody = z
  .strictObject({ status: z.enum(['published', 'hidden']).optional(), pinned: z.boolean().optional() })
  .refine((m) => m.status !== undefined || m.pinned !== undefined, 'Send status or pinned.');

export const queueQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) });
