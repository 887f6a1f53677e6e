// Starts the reference server (server/main.ts) in its own process on a free 127.0.0.1 port, as in
// production: used by the browser tests' plugin and by bench/server.ts. It runs from the sources
// (tsx), with chime-comments/protocol resolved to src/ too (the chime-source export condition).
import { spawn } from 'node:child_process';

/** The child process, and its URL once it listens (rejected if it exits first). */
export function spawnServer(env = {}) {
  const child = spawn(process.execPath, ['--conditions=chime-source', '--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
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
