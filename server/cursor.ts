import { z } from 'zod';
import { ApiError } from './errors.ts';
import { SORT_ORDERS, type SortOrder } from 'chime-comments/protocol';
import type { Cursor } from './storage/types.ts';

const shape = z.tuple([z.enum(SORT_ORDERS), z.number().int(), z.number().int(), z.number().int()]);

/** Opaque to clients: base64url of where the page ended. */
export const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify([c.sort, c.pinned, c.reactions, c.number])).toString('base64url');

export function decodeCursor(text: string, sort: SortOrder): Cursor {
  try {
    const [s, pinned, reactions, number] = shape.parse(JSON.parse(Buffer.from(text, 'base64url').toString()));
    if (s === sort) return { sort, pinned, reactions, number };
  } catch {
    // Falls through to the same answer as a cursor of another sort order.
  }
  throw new ApiError('validation', 'Invalid cursor for this sort order; start again without one.', 'cursor');
}
