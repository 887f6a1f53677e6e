import type { AuthorRole } from 'chime-comments/protocol';
import type { CommentRow, StoredComment } from './types.ts';

/** The public face of a row: no email, no token hash, ISO dates. */
export function toComment(row: CommentRow): StoredComment {
  return {
    id: row.id,
    threadId: row.thread_id,
    parentId: row.parent_id,
    number: row.number,
    author: {
      name: row.author_name,
      website: row.author_website,
      role: row.author_role as AuthorRole | null,
      avatarHash: row.avatar_hash,
      // Only on comments by signed-in readers: anonymous ones carry no extra bytes.
      ...(row.author_user === null ? {} : { verified: true, avatar: row.author_avatar }),
    },
    body: row.body,
    createdAt: new Date(row.created_at).toISOString(),
    editedAt: row.edited_at === null ? null : new Date(row.edited_at).toISOString(),
    deleted: row.deleted === 1,
    pinned: row.pinned === 1,
    status: row.status,
    reactions: JSON.parse(row.reaction_counts) as Record<string, number>,
  };
}
