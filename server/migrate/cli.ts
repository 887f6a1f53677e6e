/**
 * `chime-server import FORMAT FILE` and `chime-server export`, on the database of DATABASE_URL
 * (the server's settings, docs/server.md). Returns the exit code: 0 done, 1 not (all) imported,
 * 2 wrong usage.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { avatarHasher, emailHasher, SiteKey } from '../site-key.ts';
import { openStorage } from '../storage/index.ts';
import { exportBackup } from './backup.ts';
import { type Format, FORMATS, importComments, type ImportOptions } from './import.ts';
import { describe, progressBar } from './report.ts';
import { parseRewrite, type ThreadIds } from './threads.ts';

export const MIGRATE_USAGE = `  chime-server import wxr|disqus|chime FILE [options]   bring comments in (FILE "-" reads stdin)
      --rewrite FROM=TO    replace the start of post URLs first (repeatable), e.g. https://old.example/blog/=/
      --thread-ids path|url  thread ids from the URL's path (default) or the whole URL
      --partial            write what could be read even if some records are in error
      --dry-run            read and check only
  chime-server export [--thread ID] > backup.jsonl        a backup (JSON Lines) that "import chime" restores`;

class UsageError extends Error {}

export async function runMigrate(command: 'import' | 'export', args: string[]): Promise<number> {
  try {
    return command === 'import' ? await runImport(args) : await runExport(args);
  } catch (err) {
    if (!(err instanceof UsageError || (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')))) throw err;
    console.error(`chime-server ${command}: ${err.message}\n\nUsage:\n${MIGRATE_USAGE}`);
    return 2;
  }
}

async function runImport(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      rewrite: { type: 'string', multiple: true, default: [] },
      'thread-ids': { type: 'string', default: 'path' },
      partial: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  const [format, file, ...extra] = positionals;
  if (!format || !(format in FORMATS)) throw new UsageError(`say which format: wxr, disqus or chime${format ? ` (not "${format}")` : ''}`);
  if (!file || extra.length > 0) throw new UsageError(file ? `one file at a time (got ${positionals.length - 1})` : 'name the file to import');
  const mode = values['thread-ids'] as ThreadIds['mode'];
  if (mode !== 'path' && mode !== 'url') throw new UsageError(`--thread-ids is path or url, not "${mode}"`);
  let rewrites;
  try {
    rewrites = values.rewrite.map(parseRewrite);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }

  const size =
    file === '-'
      ? null
      : await stat(file).then(
          (s) => s.size,
          () => null,
        );
  if (file !== '-' && size === null) {
    console.error(`chime-server import: cannot read ${file}`);
    return 1;
  }
  const config = loadConfig();
  const storage = await openStorage(config.databaseUrl);
  const bar = progressBar(process.stderr);
  try {
    const input = file === '-' ? process.stdin : createReadStream(file);
    const options: ImportOptions & { dryRun: boolean; partial: boolean } = {
      format: format as Format,
      ids: { mode, rewrites },
      partial: values.partial,
      dryRun: values['dry-run'],
      size,
      onProgress: bar.update,
    };
    const siteKey = new SiteKey(storage);
    const summary = await importComments(input, { storage, avatarHash: avatarHasher(config, siteKey), emailHash: emailHasher(siteKey) }, options);
    bar.stop();
    console.log(`chime: import of ${file} (${FORMATS[format as Format].name})
${describe(summary, { dryRun: options.dryRun, partial: options.partial })}`);
    return summary.fatal || summary.errorCount > 0 ? 1 : 0;
  } catch (err) {
    bar.stop();
    console.error(
      `chime-server import: ${(err as Error).message}\nComments written so far stay; running the same import again adds only what is missing.`,
    );
    return 1;
  } finally {
    await storage.close();
  }
}

async function runExport(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { thread: { type: 'string' } } });
  if (positionals.length > 0) throw new UsageError(`export writes to standard output (e.g. > backup.jsonl); unexpected "${positionals[0]}"`);
  if (process.stdout.isTTY) throw new UsageError('export writes the backup to standard output: redirect it to a file (> backup.jsonl)');
  const config = loadConfig();
  const storage = await openStorage(config.databaseUrl);
  let comments = 0;
  let threads = 0;
  try {
    const lines = async function* () {
      for await (const line of exportBackup(storage, values.thread ?? null)) {
        if (line.startsWith('{"type":"comment"')) comments++;
        else if (line.startsWith('{"type":"thread"')) threads++;
        yield line;
      }
    };
    await pipeline(Readable.from(lines()), process.stdout);
    console.error(`chime: exported ${comments.toLocaleString('en-US')} comments in ${threads.toLocaleString('en-US')} threads`);
    return 0;
  } finally {
    await storage.close();
  }
}
