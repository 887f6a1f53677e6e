/** What the owner's API (routes/owner-*.ts) accepts, validated at the boundary like schemas.ts. */
import { z } from 'zod';
import { LIMITS } from 'chime-comments/protocol';
import { commentId, editComment, threadId } from './schemas.ts';

const STATUSES = ['published', 'pending', 'hidden', 'spam', 'trash'] as const;
const search = z.string().trim().max(LIMITS.threadId).optional();

export const ownerListQuery = z.strictObject({
  /** Comma-separated statuses, or all (but tombstones) when absent. */
  status: z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(STATUSES)).min(1))
    .optional(),
  thread: search,
  author: search,
  text: search,
  order: z.enum(['newest', 'oldest']).default('newest'),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const BULK_ACTIONS = ['approve', 'hide', 'spam', 'trash', 'pin', 'unpin', 'delete'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

export const bulkBody = z.strictObject({
  ids: z.array(commentId).min(1).max(200),
  action: z.enum(BULK_ACTIONS),
});

/** As a reader's comment text: checked in full before the comment it answers is approved. */
export const replyBody = editComment;

export const threadsQuery = z.strictObject({
  q: search,
  cursor: threadId.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const blockBody = z.strictObject({ commentId, kind: z.enum(['ip', 'email']) });

export const blockParams = z.strictObject({ kind: z.enum(['ip', 'email']), hash: z.string().regex(/^[0-9a-f]{64}$/, 'Must be a hash.') });

export const importQuery = z.strictObject({
  format: z.enum(['wxr', 'disqus', 'chime']),
  /** Write what could be read even when some records are in error. */
  partial: z.enum(['0', '1']).default('0'),
  /** Read and check only. */
  dryRun: z.enum(['0', '1']).default('0'),
  threadIds: z.enum(['path', 'url']).default('path'),
  /** FROM=TO, as --rewrite of the command. */
  rewrite: z.string().max(2000).optional(),
});

export const exportQuery = z.strictObject({ thread: threadId.optional() });
