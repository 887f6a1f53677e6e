import { readFile } from 'node:fs/promises';
import type { SeedData } from 'chime-comments/protocol';
import { sha256 } from './crypto.ts';
import type { Storage } from './storage/types.ts';

/**
 * Loads a seed file (the memory adapter's format, e.g. demo/seed.json) into the database.
 * Comments get stable ids, and inserting an id that exists is a no-op, so it is safe at every
 * start. Returns how many comments were new.
 */
export async function seed(storage: Storage, file: string): Promise<number> {
  const data = JSON.parse(await readFile(file, 'utf8')) as SeedData;
  let created = 0;
  for (const [threadId, thread] of Object.entries(data.threads)) {
    for (const [index, comment] of (thread.comments ?? []).entries()) {
      const result = await storage.insert({
        id: comment.id ?? `seed-${sha256(threadId).slice(0, 12)}-${index + 1}`,
        threadId,
        parentId: comment.parentId ?? null,
        name: comment.author.name,
        website: comment.author.website ?? null,
        email: null,
        avatarHash: null,
        role: comment.author.role ?? null,
        body: comment.body,
        contentHash: sha256(comment.body),
        editTokenHash: null,
        status: 'published',
        createdAt: Date.parse(comment.createdAt ?? '') || Date.now(),
      });
      if (result.created) created++;
    }
    if (thread.closed) await storage.setClosed(threadId, true);
  }
  return created;
}
