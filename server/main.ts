import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import { seed } from './seed.ts';
import { Service } from './service/index.ts';
import { openStorage } from './storage/index.ts';

const config = loadConfig();
const storage = await openStorage(config.databaseUrl, config);
console.log(`chime: ${storage.describe()}`);
if (config.seedFile) console.log(`chime: seeded ${await seed(storage, config.seedFile)} new comments from ${config.seedFile}`);
const service = new Service(storage, config);
// The owner's side: their spam check module loads now (a wrong path stops the server here), and
// the purge runs every CHIME_PURGE_INTERVAL.
await service.ctx.spam.ready();
const stopPurge = service.retention.schedule();
const app = createApp({ storage, config, service });

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

function shutdown(code = 0) {
  const http = server as import('node:http').Server;
  // Stop accepting, let requests in flight finish, then cut what is left (SSE streams never end).
  stopPurge();
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
  shutdown(1);
});
