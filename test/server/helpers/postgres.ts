/**
 * A throwaway PostgreSQL cluster per test process: initdb into a temp dir, pg_ctl start on a free
 * loopback port, a fresh database per test, and stop + remove on exit (also after failures).
 * As root (CI containers) the binaries run as the postgres user, since initdb refuses root.
 */
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export function binDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error('PostgreSQL not found under /usr/lib/postgresql/*/bin (apt-get install postgresql, or set PG_BIN).');
  return join(root, newest, 'bin');
}

const asRoot = process.getuid?.() === 0;

function run(bin: string, args: string[]) {
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  execFileSync(file, argv, { stdio: 'pipe' });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface Cluster {
  /** A new, empty database; returns its postgres:// URL. */
  createDatabase(): Promise<string>;
  /** The server's log file (bench/server.ts counts the statements of a database logged there). */
  log: string;
  stop(): void;
}

let started: Promise<Cluster> | null = null;

async function start(): Promise<Cluster> {
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), 'chime-pg-'));
  const data = join(dir, 'data');
  let running = false;
  const stop = () => {
    if (running) {
      try {
        run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
      } catch {
        // Already gone; removing the directory is all that is left.
      }
      running = false;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(1));
  // A killed test process runs no exit handlers: a detached watcher cleans up after it then.
  const pgCtl = `${asRoot ? 'runuser -u postgres -- ' : ''}${join(bin, 'pg_ctl')}`;
  spawn('sh', ['-c', `while kill -0 ${process.pid}; do sleep 1; done; ${pgCtl} -D ${data} -m immediate stop; rm -rf ${dir}`], {
    detached: true,
    stdio: 'ignore',
  }).unref();
  try {
    if (asRoot) {
      const uid = Number(execFileSync('id', ['-u', 'postgres']));
      const gid = Number(execFileSync('id', ['-g', 'postgres']));
      chownSync(dir, uid, gid);
    }
    run(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const port = await freePort();
    const options = `-k ${dir} -h 127.0.0.1 -p ${port} -F -c max_connections=300 -c synchronous_commit=off -c full_page_writes=off`;
    run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '60', '-o', options, 'start']);
    running = true;
    let n = 0;
    return {
      async createDatabase() {
        const name = `chime_${process.pid}_${++n}`;
        const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
        await admin.connect();
        try {
          await admin.query(`CREATE DATABASE ${name}`);
        } finally {
          await admin.end();
        }
        return `postgres://postgres@127.0.0.1:${port}/${name}`;
      },
      log: join(dir, 'log'),
      stop,
    };
  } catch (err) {
    stop();
    throw err;
  }
}

/** The cluster of this test process, started on first use. */
export function postgres(): Promise<Cluster> {
  return (started ??= start());
}
