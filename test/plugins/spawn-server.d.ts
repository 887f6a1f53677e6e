import type { ChildProcess } from 'node:child_process';

/** The types of spawn-server.js, which web-test-runner's config loads as plain JavaScript. */
export const SERVER_ARGS: string[];
export function spawnServer(
  env?: Record<string, string>,
  command?: { file: string; args: string[]; cwd?: string; detached?: boolean },
  options?: { stderr?: 'inherit' | 'pipe' },
): { child: ChildProcess; listening: Promise<string> };
