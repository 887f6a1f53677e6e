// A web-test-runner plugin: browser tests start and stop real Chime servers (SQLite in a temp
// dir, 127.0.0.1, a free port) with executeServerCommand('chime-server-start', { env }) and
// executeServerCommand('chime-server-stop', { url }).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnServer } from './spawn-server.js';

export function chimeServerPlugin() {
  const running = new Map();

  async function start(env = {}) {
    const dir = mkdtempSync(join(tmpdir(), 'chime-wtr-'));
    // Tests fill forms faster than people: the minimum fill time is test/browser/fill-time.test.ts's business.
    const { child, listening } = spawnServer({ DATABASE_URL: join(dir, 'chime.sqlite'), CHIME_MIN_FILL: '0', ...env });
    child.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const url = await listening;
    running.set(url, { child, dir });
    return url;
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
