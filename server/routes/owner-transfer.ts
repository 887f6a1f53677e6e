import { Hono } from 'hono';
import { ChimeError } from '../errors.ts';
import type { Deps } from './deps.ts';

/** Uploads of at most this size: the import streams, so this only bounds the time and disk one request may take. */
const MAX_UPLOAD = 1024 ** 3;

/** Counts the bytes of an upload as they come, refusing it past MAX_UPLOAD. */
async function* limited(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  let bytes = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value: chunk } = await reader.read();
    if (done) return;
    bytes += chunk.byteLength;
    if (bytes > MAX_UPLOAD) throw new ChimeError('too-large', `Uploads are limited to ${MAX_UPLOAD / 1024 ** 3} GiB; use chime-server import.`);
    yield chunk;
  }
}

/** The console's import (upload) and backup (download). */
export function ownerTransferRoutes({ service }: Deps) {
  const app = new Hono();

  app.post('/import', async (c) => {
    const body = c.req.raw.body;
    if (!body) throw new ChimeError('validation', 'Send the file to import as the request body.');
    return c.json(await service.transfer.import(limited(body), c.req.query()));
  });

  app.get('/export', (c) => {
    const { thread, lines } = service.transfer.export(c.req.query());
    const utf8 = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await lines.next();
        if (next.done) controller.close();
        else controller.enqueue(utf8.encode(next.value));
      },
      async cancel() {
        await lines.return(undefined);
      },
    });
    const name = `chime-backup-${thread ? 'thread-' : ''}${new Date().toISOString().slice(0, 10)}.jsonl`;
    return c.body(stream, 200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'content-disposition': `attachment; filename="${name}"` });
  });

  return app;
}
