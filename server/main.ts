import { createAdaptorServer } from '@hono/node-server';
import type { Server } from 'node:http';
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import { seed } from './seed.ts';
import { listen, StartupError, storageFailure, within } from './startup.ts';
import { openStorage } from './storage/index.ts';
import type { Storage } from './storage/types.ts';

/** How long start-up waits for the database to answer. */
const DATABASE_TIMEOUT_MS = 15_000;

// Handlers still running when their client has gone must finish before the database closes.
let inFlight = 0;
let drained = () => {};

async function start() {
  const config = loadConfig();
  const storage = await within(DATABASE_TIMEOUT_MS, config.databaseUrl, openStorage(config.databaseUrl)).catch((err) => {
    throw storageFailure(err, config.databaseUrl);
  });
  if (config.seedFile) {
    const added = await seed(storage, config.seedFile).catch((err: Error) => {
      throw new StartupError(`cannot load CHIME_SEED ${config.seedFile}: ${err.message}`);
    });
    console.log(`chime: seeded ${added} new comments from ${config.seedFile}`);
  }
  const app = createApp(storage, config);
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
  const { address, port } = await listen(server, config.port, config.host);
  console.log(`chime: listening on http://${address}:${port}`);
  return { server, storage };
}

function shutdown(http: Server, storage: Storage) {
  // Stop accepting, let requests in flight finish, then cut what is left (SSE streams never end).
  http.close(async () => {
    if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve));
    await storage.close();
    process.exit(0);
  });
  http.closeIdleConnections();
  setTimeout(() => http.closeAllConnections(), 2000).unref();
}

try {
  const { server, storage } = await start();
  process.once('SIGINT', () => shutdown(server, storage));
  process.once('SIGTERM', () => shutdown(server, storage));
} catch (err) {
  // What the person starting the server can fix is one line; anything else is a bug, with its stack.
  if (!(err instanceof StartupError)) throw err;
  console.error(`chime: ${err.message}`);
  process.exit(1);
}
