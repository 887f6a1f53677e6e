/** The `chime-server` command as the tests run it: a real process on the test's database. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The command from its sources, as the compiled bin runs it (server/bin imports dist/cli.js). */
export const CLI = [
  process.execPath,
  '--conditions=chime-source',
  '--import',
  'tsx',
  fileURLToPath(new URL('../../../server/cli.ts', import.meta.url)),
];

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `chime-server ...args` on the database of `databaseUrl`, with `stdin` as its input. */
export function cli(args: string[], databaseUrl: string, stdin?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(CLI[0]!, [...CLI.slice(1), ...args], { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}
