import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import { openStorage } from './storage/index.ts';

const config = loadConfig();
const storage = await openStorage(config.databaseUrl);
const app = createApp(storage, config);

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  console.log(`chime: listening on http://${info.address}:${info.port}`);
});

function shutdown() {
  // SSE streams never end by themselves: cut them, then let the database go.
  server.close(() => void storage.close().then(() => process.exit(0)));
  (server as import('node:http').Server).closeAllConnections?.();
}
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
