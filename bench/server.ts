/**
 * Load test of the reference server on 127.0.0.1: reads of a 1,000-comment thread, counts of 50
 * threads and posting, 5 s each, on SQLite and on PostgreSQL (a throwaway cluster, started
 * like the tests do). The server runs in its own process, as in production.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { openStorage } from '../server/storage/index.ts';
import { postgres } from '../test/server/helpers/postgres.ts';
import { spawnServer } from '../test/plugins/spawn-server.js';

const DURATION = Number(process.env.BENCH_DURATION ?? 5);
const CONNECTIONS = 10;
const THREAD = '/2006/03/suggest-a-topic';
const OTHERS = Array.from({ length: 50 }, (_, n) => `/blog/post-${n}`);
const env = { CHIME_RATE_LIMIT: '1000000000', CHIME_ADMIN_TOKEN: '' };

/** 1,000 comments in THREAD (every fourth a reply) and three in each of 50 other threads. */
async function seed(databaseUrl: string) {
  const config = loadConfig({ ...env, DATABASE_URL: databaseUrl });
  const storage = await openStorage(config);
  const app = createApp({ storage, config });
  const post = (threadId: string, n: number, parentId: string | null) =>
    app.request('/api/comments', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id: `seed-${threadId.replace(/\W/g, '')}-${n}`,
        threadId,
        parentId,
        author: { name: `Reader ${n}`, email: `r${n}@example.org` },
        body: `Comment number ${n}. `.repeat(8),
      }),
    });
  let parent: string | null = null;
  for (let n = 0; n < 1000; n++) {
    const res = await post(THREAD, n, n % 4 === 3 ? parent : null);
    if (res.status !== 201) throw new Error(`seed: ${res.status} ${await res.text()}`);
    if (n % 4 !== 3) parent = `seed-${THREAD.replace(/\W/g, '')}-${n}`;
  }
  for (const thread of OTHERS) for (let n = 0; n < 3; n++) await post(thread, n, null);
  await storage.close();
}

async function startServer(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const { child, listening } = spawnServer({ ...env, DATABASE_URL: databaseUrl });
  return { url: await listening, child };
}

let posted = 0;

const scenarios: [string, (url: string) => Parameters<typeof autocannon>[0]][] = [
  ['read a page (20 top-level + replies)', (url) => ({ url: `${url}/api/comments?thread=${encodeURIComponent(THREAD)}&limit=20` })],
  [
    'counts of 50 threads',
    (url) => ({
      url: `${url}/api/counts`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ threads: OTHERS }),
    }),
  ],
  [
    'post a comment',
    (url) => ({
      url,
      requests: [
        {
          method: 'POST',
          path: '/api/comments',
          headers: { 'content-type': 'application/json' },
          setupRequest: (request) => {
            const n = ++posted;
            const body = {
              id: `bench-${process.pid}-${n}`,
              threadId: OTHERS[n % OTHERS.length],
              author: { name: 'Bench' },
              body: `Posted by the benchmark, ${n}.`,
            };
            return { ...request, body: JSON.stringify(body) };
          },
        },
      ],
    }),
  ],
];

async function run(name: string, databaseUrl: string) {
  await seed(databaseUrl);
  const { url, child } = await startServer(databaseUrl);
  try {
    for (const [scenario, options] of scenarios) {
      await autocannon({ ...options(url), duration: 1, connections: CONNECTIONS }); // warm-up
      const r = await autocannon({ ...options(url), duration: DURATION, connections: CONNECTIONS });
      console.log(
        `${name.padEnd(10)} ${scenario.padEnd(38)} ${r.requests.average.toFixed(0).padStart(7)} req/s` +
          `   p50 ${String(r.latency.p50).padStart(3)} ms   p99 ${String(r.latency.p99).padStart(3)} ms` +
          (r.non2xx || r.errors ? `   (${r.non2xx} non-2xx, ${r.errors} errors)` : ''),
      );
    }
  } finally {
    child.kill();
  }
}

console.log(`${CONNECTIONS} connections, ${DURATION} s per scenario, server in its own process\n`);
const dir = mkdtempSync(join(tmpdir(), 'chime-bench-'));
try {
  await run('sqlite', join(dir, 'bench.sqlite'));
  if (process.env.BENCH_SKIP_PG !== '1') await run('postgres', await (await postgres()).createDatabase());
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
