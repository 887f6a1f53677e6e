import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { ChimeError } from './errors.ts';

/**
 * A reason the server cannot start that the person starting it can fix (a setting, a busy port,
 * a database out of reach): main.ts prints it as one line and exits with 1. Anything else keeps
 * its stack trace, since it is a bug to report.
 */
export class StartupError extends Error {}

/** What the operating system or a database means by its error codes, in the words of someone setting up a server. */
const REASONS: Record<string, string> = {
  EACCES: 'permission denied: this user may not write there',
  EPERM: 'permission denied: this user may not write there',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'a part of the path is a file, not a directory',
  EEXIST: 'a part of the path is a file, not a directory',
  ENOSPC: 'the disk is full',
  SQLITE_CANTOPEN: 'the file cannot be opened or created: is its directory writable by this user?',
  SQLITE_READONLY: 'the file is read-only for this user',
  SQLITE_NOTADB: 'the file is not a SQLite database',
  ECONNREFUSED: 'connection refused: is the database server running, at that host and port?',
  ENOTFOUND: 'no such host',
  EAI_AGAIN: 'the host name cannot be resolved right now',
  ECONNRESET: 'the server closed the connection',
  ETIMEDOUT: 'no answer',
  '28P01': 'password authentication failed',
};

/** DATABASE_URL as it may be shown in a log: a file's full path, a URL without its password. */
function shown(databaseUrl: string) {
  return /^[a-z][\w+.-]*:\/\//i.test(databaseUrl) ? databaseUrl.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@') : resolve(databaseUrl);
}

/** Opening the storage failed: a StartupError saying why, or the error itself if it is not about the database being reachable or writable. */
export function storageFailure(err: unknown, databaseUrl: string): unknown {
  // The storage reports a database it cannot reach as 'unavailable' (503 to clients): the cause says why.
  if (err instanceof ChimeError && err.code === 'unavailable' && err.cause) err = err.cause;
  const code = (err as { code?: unknown })?.code;
  if (typeof code !== 'string') return err;
  const reason = REASONS[code] ?? (err as Error).message;
  return new StartupError(`cannot open the database ${shown(databaseUrl)} (DATABASE_URL): ${reason}`);
}

/** Rejects with a StartupError if the database has not answered within `ms` (PostgreSQL may otherwise wait minutes for an unreachable host). */
export async function within<T>(ms: number, databaseUrl: string, opening: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new StartupError(`cannot open the database ${shown(databaseUrl)} (DATABASE_URL): no answer within ${ms / 1000} s`)),
      ms,
    );
  });
  try {
    return await Promise.race([opening, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Listens on host:port, or rejects with a StartupError saying why it cannot. */
export function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((done, fail) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      const where = `${host}:${port}`;
      if (err.code === 'EADDRINUSE')
        fail(new StartupError(`port ${port} is already in use on ${host} (another chime-server?): stop it, or set PORT to a free port`));
      else if (err.code === 'EACCES')
        fail(new StartupError(`not allowed to listen on ${where}: ports below 1024 need privileges; set PORT to 1024 or above`));
      else if (err.code === 'EADDRNOTAVAIL') fail(new StartupError(`cannot listen on ${where}: HOST ${host} is not an address of this machine`));
      else if (err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN')
        fail(new StartupError(`cannot listen on ${where}: HOST ${host} is not a known host name`));
      else fail(err);
    });
    server.listen(port, host, () => done(server.address() as AddressInfo));
  });
}
