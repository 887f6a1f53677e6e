// A web-test-runner plugin: browser tests start and stop real Chime servers (127.0.0.1, a free
// port), on SQLite in a temp dir or on a fresh database of a throwaway PostgreSQL cluster (the
// server tests' own, test/server/helpers/postgres.ts):
//
//   executeServerCommand('chime-server-start', { env, database: 'postgres' })  → the server's URL
//   executeServerCommand('chime-server-kill', { url })      kills the process (SIGKILL: a crash); its data stays
//   executeServerCommand('chime-server-restart', { url })   starts it again on the same port and data
//   executeServerCommand('chime-server-stop', { url })      stops it and removes its data
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { spawnServer } from './spawn-server.js';

export function chimeServerPlugin() {
  const running = new Map();
  let cluster;

  async function start(env = {}, database = 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'chime-wtr-'));
    if (database === 'postgres') {
      cluster ??= tsImport('../server/helpers/postgres.ts', import.meta.url).then(({ postgres }) => postgres());
      env = { DATABASE_URL: await (await cluster).createDatabase(), ...env };
    }
    // Tests fill forms faster than people: the minimum fill time is test/browser/fill-time.test.ts's business.
    const server = { dir, env: { DATABASE_URL: join(dir, 'chime.sqlite'), CHIME_MIN_FILL: '0', ...env } };
    const url = await spawn(server);
    running.set(url, server);
    return url;
  }

  async function spawn(server) {
    const { child, listening } = spawnServer(server.env);
    server.child = child;
    server.exited = new Promise((resolve) => child.once('exit', resolve));
    const url = await listening;
    server.env = { ...server.env, PORT: new URL(url).port };
    return url;
  }

  async function kill(url) {
    const server = running.get(url);
    server.child.kill('SIGKILL');
    await server.exited;
    return true;
  }

  async function stop(url) {
    const server = running.get(url);
    running.delete(url);
    if (!server) return false;
    server.child.kill();
    await server.exited;
    rmSync(server.dir, { recursive: true, force: true });
    return true;
  }

  return {
    name: 'chime-server',
    async executeCommand({ command, payload }) {
      if (command === 'chime-server-start') return start(payload?.env, payload?.database);
      if (command === 'chime-server-kill') return kill(payload.url);
      if (command === 'chime-server-restart') return spawn(running.get(payload.url));
      if (command === 'chime-server-stop') return stop(payload.url);
      return undefined;
    },
    async serverStop() {
      for (const url of [...running.keys()]) await stop(url);
      (await cluster)?.stop();
    },
  };
}
