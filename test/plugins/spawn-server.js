// Starts the reference server (server/main.ts) in its own process on a free 127.0.0.1 port, as in
// production: used by the browser tests' plugin and by bench/server.ts. It runs from the sources
// (tsx), with chime-comments/protocol resolved to src/ too (the chime-source export condition).
import { spawn } from 'node:child_process';

/** node and its arguments for running the server from the repository's root. */
export const SERVER_ARGS = ['--conditions=chime-source', '--import', 'tsx', 'server/main.ts'];

/**
 * The child process, and its URL once it listens (rejected if it exits first). `command` runs
 * another server than the sources: an installed package's `npx chime-server` (test/pack).
 * Its stderr is the caller's to read with `stderr: 'pipe'`.
 */
export function spawnServer(env = {}, command = { file: process.execPath, args: SERVER_ARGS }, { stderr = 'inherit' } = {}) {
  const child = spawn(command.file, command.args, {
    cwd: command.cwd,
    // A command that starts the server as its own child (npx) is stopped with its process group.
    detached: command.detached ?? false,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', stderr],
  });
  const listening = new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      const url = /listening on (http:\/\/\S+)/.exec(String(chunk))?.[1];
      if (url) resolve(url);
    });
    child.once('exit', (code) => reject(new Error(`chime server exited with ${code}`)));
  });
  return { child, listening };
}
