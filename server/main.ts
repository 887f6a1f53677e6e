import { createAdaptorServer } from '@hono/node-server';
import type { Server } from 'node:http';
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import { seed } from './seed.ts';
import { Service } from './service/index.ts';
import { listen, StartupError, storageFailure, within } from './startup.ts';
import { openStorage } from './storage/index.ts';

/** How long start-up waits for the database to answer. */
const DATABASE_TIMEOUT_MS = 15_000;
/** Exit status when the database is gone (docs/deploy.md: a service manager must not restart onto an empty one). */
const DATABASE_LOST = 3;

// Handlers still running when their client has gone must finish before the database closes.
let inFlight = 0;
let drained = () => {};

interface Running {
  server: Server;
  service: Service;
  stopPurge: () => Promise<void>;
}

async function start(): Promise<Running> {
  const config = loadConfig();
  const storage = await within(DATABASE_TIMEOUT_MS, config.databaseUrl, openStorage(config.databaseUrl, config)).catch((err) => {
    throw storageFailure(err, config.databaseUrl);
  });
  console.log(`chime: ${storage.describe()}`);
  if (config.seedFile) {
    const added = await seed(storage, config.seedFile).catch((err: Error) => {
      throw new StartupError(`cannot load CHIME_SEED ${config.seedFile}: ${err.message}`);
    });
    console.log(`chime: seeded ${added} new comments from ${config.seedFile}`);
  }
  const service = new Service(storage, config);
  // The owner's spam check module loads now: a wrong path stops the server here, not every post.
  await service.ctx.spam.ready().catch((err: Error) => {
    throw new StartupError(err.message);
  });
  // Sends what waits in the notifications' outbox, and what is enqueued from now on.
  service.notify.start();
  const app = createApp({ storage, config, service });
  const server = createAdaptorServer({
    async fetch(request, env) {
      inFlight++;
      try {
        return await app.fetch(request, env);
      } finally {
        if (--inFlight === 0) drained();
      }
    },
  }) as Server;
  // A request (at most 100 KB of body) that takes longer to arrive is someone holding sockets open.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  const { address, port } = await listen(server, config.port, config.host);
  console.log(`chime: listening on http://${address}:${port}`);
  // Spam and deleted comments past their retention go every CHIME_PURGE_INTERVAL (docs/admin.md).
  return { server, service, stopPurge: service.retention.schedule() };
}

function shutdown({ server: http, service, stopPurge }: Running, code = 0) {
  const purged = stopPurge();
  // Stop accepting, let requests in flight finish, then cut what is left (SSE streams never end).
  http.close(async () => {
    if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve));
    await service.notify.stop();
    await purged;
    await service.storage.close();
    process.exit(code);
  });
  http.closeIdleConnections();
  setTimeout(() => http.closeAllConnections(), 2000).unref();
}

try {
  const running = await start();
  process.once('SIGINT', () => shutdown(running));
  process.once('SIGTERM', () => shutdown(running));
  running.service.storage.onFatal((err) => {
    console.error(`chime: ${err.message}`);
    shutdown(running, DATABASE_LOST);
  });
} catch (err) {
  // What the person starting the server can fix is one line; anything else is a bug, with its stack.
  if (!(err instanceof StartupError)) throw err;
  console.error(`chime: ${err.message}`);
  process.exit(1);
}
