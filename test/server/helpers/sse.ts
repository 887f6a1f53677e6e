import type { ThreadEvent } from 'chime-comments/protocol';

export interface EventStream {
  /** The next event, or a rejection after timeoutMs. */
  next(timeoutMs?: number): Promise<ThreadEvent>;
  /** The last `id:` the server sent, as EventSource would send it back on reconnecting. */
  lastId(): string;
  close(): void;
}

/** Opens GET /api/events (as a reconnect after `lastEventId`, if given) and resolves once the server says it is listening. */
export async function openEvents(baseUrl: string, threadId: string, lastEventId?: string, extra: Record<string, string> = {}): Promise<EventStream> {
  const controller = new AbortController();
  const headers: Record<string, string> = { ...extra, ...(lastEventId ? { 'last-event-id': lastEventId } : {}) };
  const res = await fetch(`${baseUrl}/api/events?thread=${encodeURIComponent(threadId)}`, { signal: controller.signal, headers });
  if (res.status !== 200 || !res.headers.get('content-type')?.startsWith('text/event-stream')) {
    throw new Error(`events: ${res.status} ${await res.text()}`);
  }
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  const events: ThreadEvent[] = [];
  const waiting: ((e: ThreadEvent) => void)[] = [];
  let buffer = '';
  let lastId = '';
  let listening!: () => void;
  const ready = new Promise<void>((resolve) => (listening = resolve));
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += value;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        lastId = /^id: (.*)$/m.exec(block)?.[1] ?? lastId;
        if (block.includes(': listening')) listening();
        const data = block
          .split('\n')
          .filter((l) => l.startsWith('data: '))
          .map((l) => l.slice(6))
          .join('\n');
        if (!data) continue;
        const event = JSON.parse(data) as ThreadEvent;
        const waiter = waiting.shift();
        if (waiter) waiter(event);
        else events.push(event);
      }
    }
  })();
  await ready;
  return {
    next(timeoutMs = 5000) {
      const queued = events.shift();
      if (queued) return Promise.resolve(queued);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no event within the timeout')), timeoutMs);
        waiting.push((e) => {
          clearTimeout(timer);
          resolve(e);
        });
      });
    },
    lastId: () => lastId,
    close: () => controller.abort(),
  };
}
