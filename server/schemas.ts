import { z } from 'zod';
import { LIMITS, SORT_ORDERS } from 'chime-comments/protocol';
import { ChimeError } from './errors.ts';

/** Parses value with schema or throws a validation error naming the first field at fault. */
export function check<T extends z.ZodType>(schema: T, value: unknown, field?: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = [...(field ? [field] : []), ...issue.path.map(String)];
  if (issue.code === 'unrecognized_keys') {
    path.push(issue.keys[0]!);
    throw new ChimeError('validation', `Unknown field "${issue.keys[0]}".`, path.join('.'));
  }
  throw new ChimeError('validation', issue.message, path.join('.') || undefined);
}

/* eslint-disable no-control-regex -- control characters are exactly what these refuse. */
const NO_CONTROLS = /^[^\u0000-\u001f\u007f]*$/;
/** Bodies keep tabs and line breaks; NUL (which PostgreSQL cannot store) and the other controls go. */
const NO_CONTROLS_BUT_LINES = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;
/* eslint-enable no-control-regex */
/** A surrogate without its other half: no character at all, and not storable as UTF-8. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Explicit embeddings, overrides and isolates: they reorder the text around a name (a spoofing tool). */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;
/** What leaves nothing to see: spaces, zero-width and other default-ignorable characters. */
const INVISIBLE = /[\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cf}]/gu;

/**
 * Text as both databases store it, limited as documented: at most `max` UTF-16 code units
 * (zod's max() counts code points, letting 10,000 emoji through as 10,000), well-formed (no
 * lone surrogates), and no character outside `allowed`.
 */
export const text = (max: number, allowed = NO_CONTROLS, what = 'control characters') =>
  z
    .string()
    .refine((s) => s.length <= max, `Must be at most ${max} characters long.`)
    .refine((s) => !LONE_SURROGATE.test(s), 'Must be valid Unicode text.')
    .refine((s) => allowed.test(s), `Must not contain ${what}.`);

export const threadId = text(LIMITS.threadId).refine((s) => s.length > 0, 'Must not be empty.');
export const commentId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Must be 1 to 64 letters, digits, "-" or "_".');
export const readerId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'Must be 8 to 64 letters, digits, "-" or "_".');

/** Forms send "" for an empty optional field: treat it as absent. */
const blankable = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' || v === undefined ? null : v), schema.nullable());

const body = text(LIMITS.body, NO_CONTROLS_BUT_LINES).refine((s) => s.trim().length > 0, 'Must not be empty.');

export const authorName = z
  .string()
  .trim()
  .pipe(text(LIMITS.name))
  .refine((s) => s.replace(INVISIBLE, '').length > 0, 'Must have a visible character.')
  .refine((s) => !BIDI_CONTROLS.test(s), 'Must not contain bidirectional override characters.');

export const emailAddress = text(LIMITS.email).pipe(z.email());
/** Images a reader's browser may be asked to load: never plain http (mixed content, and seen on the way). */
export const httpsUrl = text(LIMITS.url).pipe(z.url({ protocol: /^https$/, error: 'Must be an https URL.' }));

export const newComment = z.strictObject({
  id: commentId,
  threadId,
  parentId: commentId.nullish(),
  author: z.strictObject({
    name: authorName,
    website: blankable(text(LIMITS.url).pipe(z.url({ protocol: /^https?$/, error: 'Must be an http(s) URL.' }))),
    email: blankable(emailAddress),
    /** Only with the admin token. */
    role: z.enum(['author', 'moderator']).optional(),
  }),
  body,
  /** Honeypot: hidden from people, so only bots fill it in. */
  homepage: text(LIMITS.url).optional(),
  /** Milliseconds from the form being shown to its being sent (the widget measures them): the minimum fill time. */
  fillMs: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  /** Email the writer replies (needs author.email; the address is asked to confirm first). */
  notifyReplies: z.boolean().optional(),
});

export const editComment = z.strictObject({ body });

export const threadQuery = z.strictObject({ thread: threadId });

export const listQuery = z.strictObject({
  thread: threadId,
  sort: z.enum(SORT_ORDERS).default('oldest'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSize).default(20),
  /** Lists the replies under this top-level comment. */
  root: commentId.optional(),
});

/** A BCP 47 language tag, as Intl takes it ("de", "pt-BR", "zh-CN"). */
const languageTag = z
  .string()
  .max(35)
  .refine((tag) => {
    try {
      return Intl.getCanonicalLocales(tag).length === 1;
    } catch {
      return false;
    }
  }, 'Must be a language tag such as "en" or "pt-BR".');

/** How a thread's HTML (the fallback) is drawn: named like <chime-comments>' attributes, whose values it should repeat. */
export const fallbackOptions = z.strictObject({
  sort: z.enum(SORT_ORDERS).default('oldest'),
  locale: languageTag.optional(),
  'max-depth': z.coerce.number().int().min(1).max(10).default(3),
  avatars: z.enum(['local', 'remote', 'gravatar', 'off']).default('local'),
});

/** The query form, GET /api/thread.html?thread=: the id as in every other thread GET. */
export const fallbackQuery = fallbackOptions.extend({ thread: threadId });

/** `reader` may be left out by a signed-in reader (X-Chime-User): their reactions are keyed by who they are. */
export const overlayQuery = z.strictObject({ thread: threadId, reader: readerId.optional() });

export const readerQuery = z.strictObject({ reader: readerId.optional() });

export const countsBody = z.strictObject({ threads: z.array(threadId).min(1).max(LIMITS.threads) });

export const closeBody = z.strictObject({ closed: z.boolean() });

export const moderateBody = z
  .strictObject({ status: z.enum(['published', 'hidden', 'spam', 'trash']).optional(), pinned: z.boolean().optional() })
  .refine((m) => m.status !== undefined || m.pinned !== undefined, 'Send status or pinned.');

export const queueQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) });
