import { openPostgres } from './postgres.ts';
import { openSqlite } from './sqlite.ts';
import type { Storage } from './types.ts';

/** A postgres:// URL selects PostgreSQL; anything else is a SQLite file path. */
export async function openStorage(databaseUrl: string): Promise<Storage> {
  const storage = /^postgres(ql)?:\/\//.test(databaseUrl) ? openPostgres(databaseUrl) : openSqlite(databaseUrl);
  await storage.migrate();
  return storage;
}
