/**
 * Event streams at scale: N readers of one thread (raw HTTP/1.1 sockets, as cheap as a client
 * can be), the server's resident memory per stream, how long a post takes to reach all of them
 * (p50/p99 over several posts), and on PostgreSQL the statements the server runs per event
 * (counted in the database's own statement log, the post's own statements subtracted).
 */
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { spawnServer } from '../test/plugins/spawn-server.js';

const THREAD = '/2006/03/live-bench';
const COUNTS = (process.env.BENCH_STREAMS ?? '2000,10000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const POSTS = 5;

const rss = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;

interface Reader {
  socket: Socket;
  /** Resolves when the stream's text contains `needle`, to the time it arrived. */
  waitFor(needle: string): Promise<number>;
}

function open(port: number): Promise<Reader> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let tail = '';
    let waiting: { needle: string; resolve: (t: number) => void } | null = null;
    const reader: Reader = {
      socket,
      waitFor: (needle) =>
        new Promise((done) => {
          if (tail.includes(needle)) return done(performance.now());
          waiting = { needle, resolve: done };
        }),
    };
    socket.setEncoding('utf8');
    socket.once('error', reject);
    socket.on('data', (text: string) => {
      tail = (tail + text).slice(-4096);
      if (tail.includes(': listening')) resolve(reader);
      if (waiting && tail.includes(waiting.needle)) {
        waiting.resolve(performance.now());
        waiting = null;
      }
    });
    socket.write(`GET /api/events?thread=${encodeURIComponent(THREAD)} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n`);
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;

/** Statements the database logged for it since `from` (bytes into the log). */
function statements(logFile: string, from: number) {
  const text = readFileSync(logFile).subarray(from).toString();
  return (text.match(/LOG: {2}(execute|statement)/g) ?? []).length;
}

export async function streamScenarios(name: string, databaseUrl: string, env: Record<string, string>, logFile?: string) {
  if (logFile) {
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`ALTER DATABASE ${new URL(databaseUrl).pathname.slice(1)} SET log_statement = 'all'`);
    await admin.end();
  }
  for (const count of COUNTS) {
    const { child, listening } = spawnServer({ ...env, DATABASE_URL: databaseUrl, CHIME_STREAMS_PER_ADDRESS: '100000', CHIME_STREAMS_MAX: '100000' });
    try {
      const url = await listening;
      const port = Number(new URL(url).port);
      const post = async (id: string, threadId = THREAD) => {
        const res = await fetch(`${url}/api/comments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ id, threadId, author: { name: 'Bench' }, body: 'Live.' }),
        });
        if (res.status !== 201) throw new Error(`post: ${res.status}`);
      };
      await post(`warm-${count}-${process.pid}`);
      await sleep(300);
      const before = rss(child.pid!);
      const readers: Reader[] = [];
      for (let i = 0; i < count; i += 200) readers.push(...(await Promise.all(Array.from({ length: Math.min(200, count - i) }, () => open(port)))));
      await sleep(1000);
      const perStream = (rss(child.pid!) - before) / count;
      const delays: number[] = [];
      let perEvent = 0;
      for (let n = 0; n < POSTS; n++) {
        const id = `live-${count}-${n}-${process.pid}`;
        const from = logFile ? readFileSync(logFile).length : 0;
        const arrived = Promise.all(readers.map((r) => r.waitFor(`"id":"${id}"`)));
        const sent = performance.now();
        await post(id);
        for (const at of await arrived) delays.push(at - sent);
        if (logFile) {
          await sleep(200);
          // Less what the same post costs on a thread nobody follows.
          perEvent += statements(logFile, from) - (await postAlone(post, logFile, `${count}-${n}`));
        }
      }
      delays.sort((a, b) => a - b);
      console.log(
        `${name.padEnd(10)} ${`${count} streams`.padEnd(46)} ${(perStream / 1024).toFixed(1).padStart(7)} KB/stream` +
          `   delivery p50 ${percentile(delays, 50).toFixed(0)} ms, p99 ${percentile(delays, 99).toFixed(0)} ms` +
          (logFile ? `   ${(perEvent / POSTS).toFixed(1)} statements/event` : ''),
      );
      for (const r of readers) r.socket.destroy();
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
    }
  }
}

/** Statements of a post itself: one to a thread nobody follows. */
async function postAlone(post: (id: string, threadId: string) => Promise<void>, logFile: string, count: string) {
  const from = readFileSync(logFile).length;
  await post(`alone-${count}-${process.pid}`, '/nobody-follows');
  await sleep(200);
  return statements(logFile, from);
}
