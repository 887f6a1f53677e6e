/** What the import and export tests share: the sample exports and a second, empty database. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BackendContext } from './backends.ts';
import { postgres } from './postgres.ts';

export const fixture = (name: string) => new URL(`../../fixtures/import/${name}`, import.meta.url);

const dirs: string[] = [];
process.once('exit', () => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** The DATABASE_URL of another empty database of the test's kind (a restore's target). */
export async function anotherDatabase(db: BackendContext): Promise<string> {
  if (db.name === 'postgres') return (await postgres()).createDatabase();
  dirs.push(mkdtempSync(join(tmpdir(), 'chime-restore-')));
  return join(dirs.at(-1)!, 'chime.sqlite');
}
