import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';

/**
 * A consistent copy of the database while the server runs: SQLite's online backup API (pages
 * copied in steps, writers never stopped) into a database file, or pg_dump's custom format for
 * PostgreSQL (restored with pg_restore). Resolves to what was written, for the operator.
 */
export async function backupDatabase(databaseUrl: string, file: string): Promise<string> {
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    await run(pgDump(), ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, databaseUrl]);
    return `${file}: pg_dump custom format (restore with pg_restore --no-owner -d <database> ${file})`;
  }
  const source = resolve(databaseUrl);
  if (!existsSync(source)) throw new Error(`${source} does not exist: check DATABASE_URL`);
  const db = new Database(source, { fileMustExist: true });
  try {
    // A connection that waits (off the server's event loop) rather than failing while the server writes.
    db.pragma('busy_timeout = 10000');
    await db.backup(file);
  } finally {
    db.close();
  }
  return `${file}: SQLite database, ${(statSync(file).size / 2 ** 20).toFixed(1)} MB (stop the server and put it in place of ${source} to restore)`;
}

/** pg_dump from PATH, PG_BIN, or the newest PostgreSQL under /usr/lib/postgresql. */
function pgDump(): string {
  if (process.env.PG_BIN) return join(process.env.PG_BIN, 'pg_dump');
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'pg_dump'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  return newest ? join(root, newest, 'bin', 'pg_dump') : 'pg_dump';
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', (err: NodeJS.ErrnoException) =>
      fail(err.code === 'ENOENT' ? new Error('pg_dump not found: install the PostgreSQL client tools, or set PG_BIN to their directory') : err),
    );
    child.once('exit', (code) => (code === 0 ? done() : fail(new Error(`pg_dump exited with ${code}`))));
  });
}
