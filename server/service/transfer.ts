import { ChimeError } from '../errors.ts';
import { exportBackup } from '../migrate/backup.ts';
import { FORMATS, importComments } from '../migrate/import.ts';
import { parseRewrite } from '../migrate/threads.ts';
import { exportQuery, importQuery } from '../owner-schemas.ts';
import { check } from '../schemas.ts';
import { avatarHasher, emailHasher } from '../site-key.ts';
import type { ServiceContext } from './context.ts';

/** The console's upload and download (docs/migrate.md): the same import and backup as `chime-server import` and `export`. */
export class Transfer {
  constructor(private readonly ctx: ServiceContext) {}

  /** Imports a WordPress, Disqus or Chime file as it streams in; answers the summary the command prints. */
  async import(input: AsyncIterable<Uint8Array>, query: unknown) {
    const q = check(importQuery, query);
    let rewrites;
    try {
      rewrites = q.rewrite ? [parseRewrite(q.rewrite)] : [];
    } catch (err) {
      throw new ChimeError('validation', (err as Error).message, 'rewrite');
    }
    const { storage, config, siteKey } = this.ctx;
    const summary = await importComments(
      input,
      { storage, avatarHash: avatarHasher(config, siteKey), emailHash: emailHasher(siteKey) },
      { format: q.format, ids: { mode: q.threadIds, rewrites }, partial: q.partial === '1', dryRun: q.dryRun === '1' },
    );
    return { format: FORMATS[q.format].name, ...summary };
  }

  /** A backup of everything (or one thread), as JSON Lines read page by page. */
  export(query: unknown) {
    const { thread } = check(exportQuery, query);
    return { thread: thread ?? null, lines: exportBackup(this.ctx.storage, thread ?? null) };
  }
}
