import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe } from 'node:test';
import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import { createApp } from '../../../server/app.ts';
import { loadConfig } from '../../../server/config.ts';
import { Service } from '../../../server/service/index.ts';
import { openStorage } from '../../../server/storage/index.ts';
import type { Storage } from '../../../server/storage/types.ts';
import { postgres } from './postgres.ts';

export const ADMIN_TOKEN = 'admin-secret-for-tests';
/** The headers of a request from the site's admin. */
export const ADMIN = { authorization: `Bearer ${ADMIN_TOKEN}` };
/** The thread newComment() posts to unless told otherwise. */
export const THREAD = '/2006/03/suggest-a-topic';

interface Backend {
  name: 'sqlite' | 'postgres';
  newDatabase(): Promise<string>;
}

const sqliteDirs: string[] = [];
process.once('exit', () => sqliteDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const backends: Backend[] = [
  {
    name: 'sqlite',
    async newDatabase() {
      const dir = mkdtempSync(join(tmpdir(), 'chime-sqlite-'));
      sqliteDirs.push(dir);
      return join(dir, 'chime.sqlite');
    },
  },
  { name: 'postgres', newDatabase: async () => (await postgres()).createDatabase() },
];

export interface Instance {
  app: ReturnType<typeof createApp>;
  storage: Storage;
  /** The app's service: `service.notify.start()` sends notifications from this instance. */
  service: Service;
  /** JSON request through app.request; body objects are serialised, strings sent as they are. */
  send(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  /** Starts a real HTTP server on 127.0.0.1 for this instance; returns its base URL. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

/** One server instance over the test's database (env like the real server's, for tests' needs). */
async function open(url: string, env: Record<string, string>): Promise<Instance> {
  // Tests post much, and often the same text: limits and duplicate detection are the spam tests' business (spam.test.ts).
  const defaults = { CHIME_RATE_LIMIT: '10000', CHIME_THREAD_RATE_LIMIT: '10000', CHIME_DUPLICATE_WINDOW: '0' };
  const config = loadConfig({ DATABASE_URL: url, CHIME_ADMIN_TOKEN: ADMIN_TOKEN, ...defaults, ...env });
  const storage = await openStorage(config.databaseUrl, config);
  const service = new Service(storage, config);
  const app = createApp({ storage, config, service });
  let server: Server | null = null;
  let closed = false;
  return {
    app,
    storage,
    service,
    send: async (method, path, body, headers = {}) =>
      app.request(path, {
        method,
        headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
        body: body === undefined || typeof body === 'string' ? (body as string | undefined) : JSON.stringify(body),
      }),
    listen: () =>
      new Promise((resolve) => {
        server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve(`http://127.0.0.1:${info.port}`)) as Server;
      }),
    async close() {
      if (closed) return;
      closed = true;
      server?.closeAllConnections();
      await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
      await service.notify.stop();
      await storage.close();
    },
  };
}

export interface BackendContext {
  readonly name: 'sqlite' | 'postgres';
  /** The DATABASE_URL of this test's fresh database. */
  readonly url: string;
  /** Another server instance on the same database; closed after the test. */
  open(env?: Record<string, string>): Promise<Instance>;
}

/** Defines the suite once per database, each test with a fresh database. */
export function eachBackend(title: string, define: (ctx: BackendContext) => void) {
  for (const backend of backends) {
    describe(`${title} [${backend.name}]`, () => {
      const instances: Instance[] = [];
      const ctx = {
        name: backend.name,
        url: '',
        async open(env: Record<string, string> = {}) {
          const instance = await open(ctx.url, env);
          instances.push(instance);
          return instance;
        },
      };
      beforeEach(async () => {
        ctx.url = await backend.newDatabase();
      });
      afterEach(async () => {
        await Promise.all(instances.splice(0).map((i) => i.close()));
      });
      define(ctx);
    });
  }
}

let counter = 0;

/** A valid NewComment body with a fresh id. */
export function newComment(overrides: Record<string, unknown> = {}) {
  return {
    id: `c${process.pid}x${++counter}x${Math.random().toString(36).slice(2, 8)}`,
    threadId: THREAD,
    author: { name: 'Ann Reader', email: 'Ann@Example.org', website: 'https://ann.example.org' },
    body: 'Hello there.',
    ...overrides,
  };
}

/** Runs SQL on the test's database from outside the server (another connection, as an operator or another process would). */
export async function rawSql(ctx: BackendContext, sql: string, params: unknown[] = []): Promise<void> {
  if (ctx.name === 'sqlite') {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(ctx.url);
    try {
      db.prepare(sql).run(...params);
    } finally {
      db.close();
    }
    return;
  }
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: ctx.url });
  await client.connect();
  try {
    let n = 0;
    await client.query(
      sql.replace(/\?/g, () => `$${++n}`),
      params,
    );
  } finally {
    await client.end();
  }
}

/** A reader id the server issued (POST /api/readers), as the REST adapter gets one before reacting. */
export async function issueReader(i: Instance, headers: Record<string, string> = {}): Promise<string> {
  const res = await i.send('POST', '/api/readers', undefined, headers);
  if (res.status !== 201) throw new Error(`POST /api/readers: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { reader: string }).reader;
}
