/**
 * Load test of the reference server on 127.0.0.1, on SQLite and on PostgreSQL (a throwaway
 * cluster, started like the tests do), the server in its own process as in production:
 * - the widget's own list request (built by the REST adapter, with the headers a browser adds)
 *   for a first page of 100 comments, for a reader who never reacted and for one who did (each
 *   of its requests), and the same request revalidated (If-None-Match);
 * - counts of 50 threads, and posting;
 * - event streams (bench/streams.ts): memory per connection, delivery p99, queries per event.
 * Figures only, no thresholds. BENCH_SKIP_PG=1, BENCH_DURATION (s), BENCH_STREAMS (2000,10000).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon, { type Options, type Request, type Result } from 'autocannon';
import { RestAdapter } from '../src/adapters/rest.ts';
import { postgres } from '../test/server/helpers/postgres.ts';
import { spawnServer } from '../test/plugins/spawn-server.js';
import { streamScenarios } from './streams.ts';

const DURATION = Number(process.env.BENCH_DURATION ?? 5);
const CONNECTIONS = 10;
const THREAD = '/2006/03/suggest-a-topic';
const OTHERS = Array.from({ length: 50 }, (_, n) => `/blog/post-${n}`);
/** What the widget sends with every request: it is embedded in a blog on another origin. */
const ORIGIN = 'https://blog.example.org';
const env = { CHIME_RATE_LIMIT: '1000000000', CHIME_REACTION_LIMIT: '1000000000', CHIME_ADMIN_TOKEN: '' };

const post = (url: string, body: object) =>
  fetch(`${url}/api/comments`, { method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN }, body: JSON.stringify(body) });

/** THREAD: 250 top-level comments, each answered once (a first page of 50 holds 100 comments); three comments in each of 50 other threads. */
async function seed(url: string) {
  const ids: string[] = [];
  for (let n = 0; n < 250; n++) {
    const root = {
      id: `seed-${n}`,
      threadId: THREAD,
      author: { name: `Reader ${n}`, email: `r${n}@example.org` },
      body: `Comment number ${n}. `.repeat(8),
    };
    const reply = { id: `seed-${n}-reply`, threadId: THREAD, parentId: root.id, author: { name: 'The author' }, body: `Thanks, reader ${n}!` };
    for (const input of [root, reply]) {
      const res = await post(url, input);
      if (res.status !== 201) throw new Error(`seed: ${res.status} ${await res.text()}`);
    }
    ids.push(root.id);
  }
  await Promise.all(
    OTHERS.flatMap((threadId) => [0, 1, 2].map((n) => post(url, { id: `${threadId.slice(6)}-${n}`, threadId, author: { name: 'A' }, body: 'Hi.' }))),
  );
  return ids;
}

/** What a browser adds to the widget's fetch() on a blog of another origin. */
const BROWSER = { accept: '*/*', 'accept-encoding': 'gzip, deflate, br, zstd', origin: ORIGIN };

/** The requests of the widget's first-page list() (URL and headers), as the REST adapter makes them. */
async function widgetRequests(endpoint: string, readerId: string) {
  const requests: { url: string; headers: Record<string, string> }[] = [];
  // Another adapter for the same endpoint knows the same readers (those the server issued ids to).
  const spy = new RestAdapter(endpoint, {
    fetch: async (url, init) => {
      requests.push({ url: String(url), headers: { ...(init?.headers as Record<string, string>), ...BROWSER } });
      const page = { thread: { id: THREAD, closed: false, count: 0 }, comments: [], nextCursor: null, myReactions: {} };
      return new Response(JSON.stringify(page));
    },
  });
  await spy.list(THREAD, { sort: 'oldest', limit: 50, cursor: null, readerId });
  return requests;
}

function report(name: string, scenario: string, r: Result) {
  console.log(
    `${name.padEnd(10)} ${scenario.padEnd(46)} ${r.requests.average.toFixed(0).padStart(7)} req/s` +
      `   p50 ${String(r.latency.p50).padStart(3)} ms   p99 ${String(r.latency.p99).padStart(3)} ms` +
      (r.non2xx || r.errors ? `   (${r.non2xx} non-2xx, ${r.errors} errors)` : ''),
  );
}

async function load(name: string, scenario: string, options: Options) {
  await autocannon({ ...options, duration: 1, connections: CONNECTIONS }); // warm-up
  report(name, scenario, await autocannon({ ...options, duration: DURATION, connections: CONNECTIONS }));
}

async function run(name: string, databaseUrl: string, logFile?: string) {
  const { child, listening } = spawnServer({ ...env, DATABASE_URL: databaseUrl });
  try {
    const url = await listening;
    const roots = await seed(url);
    const adapter = new RestAdapter(url);
    const reader = crypto.randomUUID();
    const [fresh] = await widgetRequests(url, crypto.randomUUID());
    await load(name, 'widget list, reader who never reacted', { url: fresh!.url, headers: fresh!.headers });
    for (const id of roots.slice(0, 3)) await adapter.react!(THREAD, id, 'like', true, { readerId: reader });
    const reacted = await widgetRequests(url, reader);
    for (const [n, request] of reacted.entries()) {
      const what = `${new URL(request.url).pathname.replace('/api/', '')}${request.url.includes('reader=') ? ' (reader)' : ''}`;
      await load(name, `widget list, reader who reacted [${n + 1}/${reacted.length}] ${what}`, { url: request.url, headers: request.headers });
    }
    const etag = (await fetch(fresh!.url, { headers: fresh!.headers })).headers.get('etag');
    if (etag) await load(name, 'widget list revalidated (304)', { url: fresh!.url, headers: { ...fresh!.headers, 'if-none-match': etag } });
    await load(name, 'counts of 50 threads', {
      url: `${url}/api/counts`,
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify({ threads: OTHERS }),
    });
    let posted = 0;
    await load(name, 'post a comment', {
      url,
      requests: [
        {
          method: 'POST',
          path: '/api/comments',
          headers: { 'content-type': 'application/json', origin: ORIGIN },
          setupRequest: (request: Request) => {
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
    });
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill();
    await exited;
  }
  await streamScenarios(name, databaseUrl, env, logFile);
}

console.log(`${CONNECTIONS} connections, ${DURATION} s per scenario, server in its own process\n`);
const dir = mkdtempSync(join(tmpdir(), 'chime-bench-'));
try {
  await run('sqlite', join(dir, 'bench.sqlite'));
  if (process.env.BENCH_SKIP_PG !== '1') {
    const cluster = await postgres();
    await run('postgres', await cluster.createDatabase(), cluster.log);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
