// A web-test-runner plugin: browser tests start and stop real Chime servers (SQLite in a temp
// dir, 127.0.0.1, a free port) with executeServerCommand('chime-server-start', { env }) and
// executeServerCommand('chime-server-stop', { url }).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function chimeServerPlugin() {
  const running = new Map();

  function start(env = {}) {
    const dir = mkdtempSync(join(tmpdir(), 'chime-wtr-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: join(dir, 'chime.sqlite'), ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    return new Promise((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        const url = /listening on (http:\/\/\S+)/.exec(String(chunk))?.[1];
        if (!url) return;
        running.set(url, { child, dir });
        resolve(url);
      });
      child.once('exit', (code) => {
        rmSync(dir, { recursive: true, force: true });
        reject(new Error(`chime server exited with ${code}`));
      });
    });
  }

  function stop(url) {
    const server = running.get(url);
    running.delete(url);
    if (!server) return false;
    server.child.kill();
    return true;
  }

  return {
    name: 'chime-server',
    executeCommand({ command, payload }) {
      if (command === 'chime-server-start') return start(payload?.env);
      if (command === 'chime-server-stop') return stop(payload?.url);
      return undefined;
    },
    serverStop() {
      for (const url of [...running.keys()]) stop(url);
    },
  };
}
