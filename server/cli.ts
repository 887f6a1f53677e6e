/**
 * The `chime-server` command: with no arguments (or `serve`) the server; otherwise a subcommand.
 * Subcommands are loaded only when asked for, so starting the server loads none of their code.
 */
const USAGE = `Usage:
  chime-server [serve]                                  run the server (settings: docs/server.md)
  chime-server backup FILE                              a copy of the database while the server runs (SQLite's online backup, or pg_dump)
`;

/** Runs the command line; resolves to the exit code of a subcommand, or undefined once the server runs. */
export async function main(argv: string[]): Promise<number | undefined> {
  const [command, ...args] = argv;
  if (command === undefined || command === 'serve') {
    await import('./main.ts');
    return undefined;
  }
  if (command === 'backup') return backup(args);
  const { MIGRATE_USAGE, runMigrate } = await import('./migrate/cli.ts');
  if (command === 'import' || command === 'export') return runMigrate(command, args);
  const { OWNER_USAGE, runOwner } = await import('./owner-cli.ts');
  if (command === 'set-password' || command === 'purge') return runOwner(command, args);
  const help = command === 'help' || command === '--help' || command === '-h';
  (help ? console.log : console.error)(`${help ? '' : `chime-server: unknown command "${command}"\n\n`}${USAGE}${MIGRATE_USAGE}\n${OWNER_USAGE}`);
  return help ? 0 : 2;
}

/** `chime-server backup FILE`, on the database of DATABASE_URL (docs/deploy.md). */
async function backup(args: string[]): Promise<number> {
  if (args.length !== 1 || args[0]!.startsWith('-')) {
    console.error(`chime-server backup: name the file to write\n\n${USAGE}`);
    return 2;
  }
  const [{ loadConfig }, { backupDatabase }] = await Promise.all([import('./config.ts'), import('./storage/backup.ts')]);
  try {
    console.log(`chime-server backup: wrote ${await backupDatabase(loadConfig().databaseUrl, args[0]!)}`);
    return 0;
  } catch (err) {
    console.error(`chime-server backup: ${(err as Error).message}`);
    return 1;
  }
}

const code = await main(process.argv.slice(2));
if (code !== undefined) process.exitCode = code;
