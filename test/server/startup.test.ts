import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { SERVER_ARGS, spawnServer } from '../plugins/spawn-server.js';

// The real server process, started the way a blog owner starts it, with a setting or a machine
// that cannot work: it must say so in one line and exit with 1, not print a stack trace.

const dir = mkdtempSync(join(tmpdir(), 'chime-startup-'));
chmodSync(dir, 0o755);
after(() => rmSync(dir, { recursive: true, force: true }));
const database = join(dir, 'chime.sqlite');

/** As root, permissions do not apply: the server then runs as nobody, for whom they do. */
const asRoot = process.getuid?.() === 0;

function start(env: Record<string, string>, options: { uid?: number; gid?: number } = {}) {
  const child = spawn(process.execPath, SERVER_ARGS, {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', DATABASE_URL: database, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...options,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr });
    }),
  );
}

/** Starts the server expecting it to refuse: exit code 1, one line on stderr matching `line`, nothing listening. */
async function refuses(env: Record<string, string>, line: RegExp, options?: { uid?: number; gid?: number }) {
  const { code, stdout, stderr } = await start(env, options);
  assert.equal(code, 1, `exit code; stderr: ${stderr}`);
  assert.doesNotMatch(stdout, /listening/);
  const lines = stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `one line, not:\n${stderr}`);
  assert.match(lines[0]!, /^chime: /);
  assert.match(lines[0]!, line);
}

/** A TCP server on a free loopback port (kept open: that port is busy). */
function occupy(): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => resolve(server));
    server.once('error', reject);
  });
}
const portOf = (server: Server) => (server.address() as { port: number }).port;

describe('starting the server', () => {
  it('accepts CHIME_ORIGINS as people write them, with a trailing slash or capitals', async () => {
    const { child, listening } = spawnServer({ DATABASE_URL: database, CHIME_ORIGINS: 'https://Blog.example/, http://localhost:4000/' });
    try {
      const url = await listening;
      for (const origin of ['https://blog.example', 'http://localhost:4000']) {
        const res = await fetch(`${url}/api/comments?thread=/t`, { headers: { origin } });
        assert.equal(res.status, 200);
        assert.equal(res.headers.get('access-control-allow-origin'), origin);
      }
      const other = await fetch(`${url}/api/comments?thread=/t`, { headers: { origin: 'https://evil.example' } });
      assert.equal(other.headers.get('access-control-allow-origin'), null);
    } finally {
      child.kill();
    }
  });

  it('refuses a CHIME_ORIGINS entry that is not an origin, saying which and why', async () => {
    await refuses(
      { CHIME_ORIGINS: 'https://a.example,blog.example' },
      /CHIME_ORIGINS.*"blog\.example" has no scheme \(write https:\/\/blog\.example\)/,
    );
    await refuses({ CHIME_ORIGINS: 'https://blog.example/comments' }, /CHIME_ORIGINS.*more than an origin: write https:\/\/blog\.example/);
  });

  it('refuses a PORT that is not a port number', async () => {
    await refuses({ PORT: 'eighty' }, /invalid PORT="eighty": expected a whole number from 0 to 65535/);
    await refuses({ PORT: '70000' }, /invalid PORT="70000"/);
  });

  it('says so when the port is already in use', async () => {
    const busy = await occupy();
    try {
      await refuses({ PORT: String(portOf(busy)) }, new RegExp(`port ${portOf(busy)} is already in use on 127\\.0\\.0\\.1`));
    } finally {
      busy.close();
    }
  });

  it('says so when the data directory cannot be written', async () => {
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    const user = asRoot ? { uid: 65534, gid: 65534 } : {};
    // The directory to create is inside it, or it is the directory itself.
    await refuses(
      { DATABASE_URL: join(locked, 'data', 'chime.sqlite') },
      /cannot open the database .*locked\/data\/chime\.sqlite \(DATABASE_URL\): permission denied/,
      user,
    );
    await refuses(
      { DATABASE_URL: join(locked, 'chime.sqlite') },
      /cannot open the database .*locked\/chime\.sqlite \(DATABASE_URL\): .*writable/,
      user,
    );
  });

  it('says so when the PostgreSQL server of DATABASE_URL cannot be reached, without its password', async () => {
    const closed = await occupy();
    const port = portOf(closed);
    await new Promise((resolve) => closed.close(resolve));
    await refuses(
      { DATABASE_URL: `postgres://chime:secret@127.0.0.1:${port}/chime` },
      new RegExp(`cannot open the database postgres://chime:\\*\\*\\*@127\\.0\\.0\\.1:${port}/chime \\(DATABASE_URL\\): connection refused`),
    );
  });
});
