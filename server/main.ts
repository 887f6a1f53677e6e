import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import { seed } from './seed.ts';
import { openStorage } from './storage/index.ts';

const config = loadConfig();
const storage = await openStorage(config.databaseUrl, config);
console.log(`chime: ${storage.describe()}`);
if (config.seedFile) console.log(`chime: seeded ${await seed(storage, config.seedFile)} new comments from ${config.seedFile}`);
const app = createApp({ storage, config });

// Handlers still running when their client has gone must finish before the database closes.
let inFlight = 0;
let drained = () => {};
async function fetch(request: Request, env: unknown): Promise<Response> {
  inFlight++;
  try {
    return await app.fetch(request, env);
  } finally {
    if (--inFlight === 0) drained();
  }
}

const server = serve({ fetch, port: config.port, hostname: config.host }, (info) => {
  console.log(`chime: listening on http://${info.address}:${info.port}`);
});
// A request (at most 100 KB of body) that takes longer to arrive is someone holding sockets open.
Object.assign(server, { headersTimeout: 10_000, requestTimeout: 30_000 });

/** Exit status when the database is gone (docs/deploy.md: a service manager must not restart onto an empty one). */
const DATABASE_LOST = 3;

function shutdown(code = 0) {
  const http = server as import('node:http').Server;
  // Stop accepting, let requests in flight finish, then cut what is left (SSE streams never end).
  http.close(async () => {
    if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve));
    await storage.close();
    process.exit(code);
  });
  http.closeIdleConnections();
  setTimeout(() => http.closeAllConnections(), 2000).unref();
}
process.once('SIGINT', () => shutdown());
process.once('SIGTERM', () => shutdown());
storage.onFatal((err) => {
  console.error(`chime: ${err.message}`);
  shutdown(DATABASE_LOST);
});
