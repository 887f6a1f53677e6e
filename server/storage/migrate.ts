import { readdir, readFile } from 'node:fs/promises';
import type { Driver } from './types.ts';

const MIGRATIONS = new URL('../migrations/', import.meta.url);

/**
 * Applies the migrations not applied yet, in order, in one transaction, under a lock so that
 * instances starting together migrate once. `NNN_name.sql` runs on every database;
 * `NNN_name.sqlite.sql` and `NNN_name.postgres.sql` are the two dialects of one migration
 * (recorded as `NNN_name.sql`), for what portable SQL cannot say.
 */
export async function migrate(db: Driver): Promise<string[]> {
  const steps = new Map<string, string>();
  for (const file of (await readdir(MIGRATIONS)).sort()) {
    const [, name, dialect] = /^(\d+_[\w-]+?)(?:\.(sqlite|postgres))?\.sql$/.exec(file) ?? [];
    if (name && (!dialect || dialect === db.dialect)) steps.set(`${name}.sql`, file);
  }
  return db.transaction(async (tx) => {
    await db.lockForMigration(tx);
    await tx.exec('CREATE TABLE IF NOT EXISTS chime_migrations (name TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)');
    const done = new Set((await tx.query<{ name: string }>('SELECT name FROM chime_migrations')).rows.map((r) => r.name));
    const applied: string[] = [];
    for (const [name, file] of steps) {
      if (done.has(name)) continue;
      await tx.exec(await readFile(new URL(file, MIGRATIONS), 'utf8'));
      await tx.query('INSERT INTO chime_migrations (name, applied_at) VALUES (?, ?)', [name, Date.now()]);
      applied.push(name);
    }
    return applied;
  });
}
