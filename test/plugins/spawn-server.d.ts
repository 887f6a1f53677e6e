import type { ChildProcess } from 'node:child_process';

/** The types of spawn-server.js, which web-test-runner's config loads as plain JavaScript. */
export function spawnServer(
  env?: Record<string, string>,
  options?: { stderr?: 'inherit' | 'pipe' },
): { child: ChildProcess; listening: Promise<string> };
