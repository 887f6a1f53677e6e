import pg from 'pg';
import { SqlStorage } from './sql.ts';
import { postgresFailure } from './failures.ts';
import { PgListener } from './pg-listen.ts';
import type { Driver, Queryable, QueryResult, Signal, Storage, StorageOptions } from './types.ts';

/** Arbitrary constant naming the advisory lock held while migrating. */
const MIGRATION_LOCK = 0x6368696d65;

/** COUNT(*) and BIGINT columns arrive as strings by default; ours all fit in a JS number. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** Our SQL uses `?`; PostgreSQL wants $1, $2, ... */
const translated = new Map<string, string>();
function numbered(sql: string) {
  let text = translated.get(sql);
  if (text === undefined) {
    let i = 0;
    text = sql.replace(/\?/g, () => `$${++i}`);
    if (translated.size < 1000) translated.set(sql, text);
  }
  return text;
}

function queryable(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<R>(sql: string, params: unknown[] = []): Promise<QueryResult<R>> {
      try {
        const result = await client.query(numbered(sql), params);
        return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
      } catch (err) {
        throw postgresFailure(err);
      }
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  };
}

export function openPostgres(connectionString: string, { timeoutMs }: StorageOptions): Storage {
  // No request waits on a lock, or for a connection, longer than the timeout: it is answered 503
  // (Retry-After) instead, and a transaction left idle by a stuck client cannot hold locks.
  const pool = new pg.Pool({
    connectionString,
    types,
    max: 10,
    statement_timeout: timeoutMs,
    lock_timeout: timeoutMs,
    idle_in_transaction_session_timeout: Math.max(timeoutMs * 2, 10_000),
    connectionTimeoutMillis: timeoutMs,
  });
  // An idle client losing its connection must not crash the server; the pool replaces it.
  pool.on('error', (err) => console.error('chime: idle PostgreSQL connection failed:', err.message));
  return new SqlStorage(new PostgresDriver(pool, connectionString));
}

class PostgresDriver implements Driver {
  readonly dialect = 'postgres';
  // Shared by every instance.
  readonly rateLimits = 'rate_limits';
  private readonly listener: PgListener;
  private readonly direct: Queryable;

  constructor(
    private readonly pool: pg.Pool,
    private readonly connectionString: string,
  ) {
    this.direct = queryable(pool);
    this.listener = new PgListener(connectionString, types);
  }

  query<R>(sql: string, params?: unknown[]) {
    return this.direct.query<R>(sql, params);
  }

  exec(sql: string) {
    return this.direct.exec(sql);
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect().catch((err: unknown) => {
      throw postgresFailure(err);
    });
    try {
      await client.query('BEGIN');
      const result = await fn(queryable(client));
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw postgresFailure(err);
    } finally {
      client.release();
    }
  }

  async lockForMigration(tx: Queryable) {
    await tx.query('SELECT pg_advisory_xact_lock(?)', [MIGRATION_LOCK]);
  }

  isUniqueViolation(err: unknown) {
    return (err as { code?: unknown }).code === '23505';
  }

  async publish(signal: Signal) {
    await this.listener.publish(this.pool, signal).catch((err: unknown) => {
      throw postgresFailure(err);
    });
  }

  subscribe(listener: (signal: Signal) => void, missed?: (since: number) => void) {
    return this.listener.subscribe(listener, missed);
  }

  describe() {
    const url = new URL(this.connectionString);
    return `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`;
  }

  onFatal() {
    // Nothing PostgreSQL does makes the server useless for good: connections are made again.
  }

  async close() {
    await this.listener.close();
    await this.pool.end();
  }
}
