import { ChimeError } from '../errors.ts';

/**
 * Database failures that are no fault of the request, told apart from bugs: the client hears
 * 503 with Retry-After, the operator reads the cause in the log (http/errors.ts). Anything else
 * is thrown on unchanged.
 */
export function unavailable(err: unknown, kind: 'busy' | 'full' | 'down' | null): unknown {
  if (!kind || err instanceof ChimeError) return err;
  const [message, retryAfter] = {
    busy: ['The database is busy; try again in a moment.', 1],
    full: ['The server cannot store anything now: its database is full.', 60],
    down: ['The database is unavailable; try again in a moment.', 5],
  }[kind] as [string, number];
  return new ChimeError('unavailable', message, undefined, retryAfter, err);
}

/** better-sqlite3's error codes by what they mean here. */
export function sqliteFailure(err: unknown) {
  const code = String((err as { code?: unknown }).code ?? '');
  if (/^SQLITE_(BUSY|LOCKED)/.test(code)) return unavailable(err, 'busy');
  if (code === 'SQLITE_FULL') return unavailable(err, 'full');
  if (/^SQLITE_(IOERR|READONLY|CANTOPEN|CORRUPT|NOTADB)/.test(code)) return unavailable(err, 'down');
  return err;
}

/** PostgreSQL's SQLSTATEs (and the driver's connection errors) by what they mean here. */
export function postgresFailure(err: unknown) {
  const code = String((err as { code?: unknown }).code ?? '');
  // Statement or lock timeout, deadlock: another transaction held what we needed too long.
  if (['57014', '55P03', '40P01'].includes(code)) return unavailable(err, 'busy');
  if (['53100', '53200'].includes(code)) return unavailable(err, 'full');
  if (/^(08|57P|53300)/.test(code) || /^E(CONNREFUSED|CONNRESET|PIPE|TIMEDOUT)$/.test(code)) return unavailable(err, 'down');
  if (/timeout exceeded when trying to connect|Connection terminated/i.test((err as Error)?.message ?? '')) return unavailable(err, 'down');
  return err;
}
