import type { Config } from '../config.ts';
import { openPostgres } from './postgres.ts';
import { openSqlite } from './sqlite.ts';
import type { Storage } from './types.ts';

/** A postgres:// URL selects PostgreSQL; anything else is a SQLite file path. Migrates it. */
export async function openStorage(databaseUrl: string, settings: Partial<Pick<Config, 'dbTimeoutMs' | 'sqliteMaxBytes'>> = {}): Promise<Storage> {
  const options = { timeoutMs: settings.dbTimeoutMs ?? 5000, sqliteMaxBytes: settings.sqliteMaxBytes ?? null };
  const storage = /^postgres(ql)?:\/\//.test(databaseUrl) ? openPostgres(databaseUrl, options) : openSqlite(databaseUrl, options);
  await storage.migrate();
  return storage;
}
