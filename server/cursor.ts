import { z } from 'zod';
import { ChimeError } from './errors.ts';
import { SORT_ORDERS, type SortOrder } from 'chime-comments/protocol';
import type { Cursor } from './storage/types.ts';

/** Counters as both databases store them (INTEGER): anything beyond is no cursor of ours. */
const int = z
  .number()
  .int()
  .min(0)
  .max(2 ** 31 - 1);
const shape = z.tuple([z.enum(SORT_ORDERS), int.max(1), int, int]);
const replyShape = z.tuple([z.literal('replies'), int]);

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function decode<T extends z.ZodType>(text: string, schema: T): z.output<T> | undefined {
  try {
    return schema.parse(JSON.parse(Buffer.from(text, 'base64url').toString()));
  } catch {
    return undefined;
  }
}

/** Opaque to clients: base64url of where the page ended. */
export const encodeCursor = (c: Cursor) => encode([c.sort, c.pinned, c.reactions, c.number]);

export function decodeCursor(text: string, sort: SortOrder): Cursor {
  const parsed = decode(text, shape);
  if (parsed?.[0] === sort) return { sort, pinned: parsed[1], reactions: parsed[2], number: parsed[3] };
  throw new ChimeError('validation', 'Invalid cursor for this sort order; start again without one.', 'cursor');
}

/** Where a top-level comment's replies continue: after the reply (or the root) with this number. */
export const encodeReplyCursor = (after: number) => encode(['replies', after]);

export function decodeReplyCursor(text: string): number {
  const parsed = decode(text, replyShape);
  if (parsed) return parsed[1];
  throw new ChimeError('validation', 'Invalid cursor for these replies; start again without one.', 'cursor');
}
