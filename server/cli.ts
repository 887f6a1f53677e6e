/**
 * The `chime-server` command: with no arguments (or `serve`) the server; otherwise a subcommand.
 * Subcommands are loaded only when asked for, so starting the server loads none of their code.
 */
const USAGE = `Usage:
  chime-server [serve]                                  run the server (settings: docs/server.md)
`;

/** Runs the command line; resolves to the exit code of a subcommand, or undefined once the server runs. */
export async function main(argv: string[]): Promise<number | undefined> {
  const [command, ...args] = argv;
  if (command === undefined || command === 'serve') {
    await import('./main.ts');
    return undefined;
  }
  const { MIGRATE_USAGE, runMigrate } = await import('./migrate/cli.ts');
  if (command === 'import' || command === 'export') return runMigrate(command, args);
  const help = command === 'help' || command === '--help' || command === '-h';
  (help ? console.log : console.error)(`${help ? '' : `chime-server: unknown command "${command}"\n\n`}${USAGE}${MIGRATE_USAGE}`);
  return help ? 0 : 2;
}

const code = await main(process.argv.slice(2));
if (code !== undefined) process.exitCode = code;
