import type { ServerResponse } from 'node:http';

/** Bytes a reader may fall behind by before it is cut off (it reconnects and is sent what it missed). */
const MAX_BEHIND = 256 * 1024;

/** One reader's event stream: text written straight to its socket, nothing kept per reader but this. */
export interface Sink {
  write(text: string): void;
  close(): void;
  /** Called once, when the stream ends for any reason. */
  onClose(listener: () => void): void;
}

/**
 * An event stream on Node's response, without web streams in between (a few KB per reader
 * instead of tens). Writes never queue without end: a reader that stops reading is cut off once
 * MAX_BEHIND bytes wait for it.
 */
export function openSink(res: ServerResponse, headers: Record<string, string>): Sink {
  res.writeHead(200, {
    ...headers,
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache, no-transform',
    // Proxies (nginx) must not buffer the stream: events would wait in them.
    'x-accel-buffering': 'no',
  });
  res.socket?.setNoDelay(true);
  return {
    write(text) {
      if (res.writableLength > MAX_BEHIND) res.destroy();
      else if (!res.destroyed) res.write(text);
    },
    close: () => res.destroy(),
    onClose: (listener) => void res.once('close', listener),
  };
}
