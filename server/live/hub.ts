import type { Config } from '../config.ts';
import { ChimeError } from '../errors.ts';
import type { Signal, Storage } from '../storage/types.ts';
import { message, replayed, toEvent } from './events.ts';
import type { Sink } from './sink.ts';

/**
 * A reconnecting stream is sent what changed since a little before its last event id: clocks of
 * instances differ a little, and a change may still have been on its way when the stream broke.
 * Events sent twice are harmless (readers apply them by comment id).
 */
const REPLAY_MARGIN_MS = 5_000;
/** Beyond this many changes a reader is better served by reloading the thread. */
const REPLAY_LIMIT = 200;

/** The readers of one thread on this instance: each event is read once and written to all of them. */
class ThreadHub {
  readonly sinks = new Set<Sink>();
  /** Events go out one at a time, in the order their signals came. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly storage: Storage,
    readonly threadId: string,
  ) {}

  signal(signal: Signal) {
    this.then(async () => {
      const event = await toEvent(this.storage, signal);
      if (event) this.broadcast(message(event), this.sinks);
    });
  }

  /** Sends `to` what changed in the thread since `since`, then where the thread stands. */
  replay(since: number, to: Iterable<Sink>) {
    this.then(async () => {
      const from = since - REPLAY_MARGIN_MS;
      const rows = await this.storage.changedSince(this.threadId, from, REPLAY_LIMIT);
      const events = rows.map((row) => replayed(row, from)).filter((e) => e !== null);
      const text = [...events, { type: 'thread' as const, thread: await this.storage.thread(this.threadId) }].map(message).join('');
      this.broadcast(text, to);
    });
  }

  private broadcast(text: string, to: Iterable<Sink>) {
    for (const sink of to) sink.write(text);
  }

  private then(step: () => Promise<void>) {
    this.queue = this.queue.then(step).catch((err: unknown) => console.error('chime: could not send an event:', err));
  }
}

/**
 * Live updates on this instance: one storage subscription, one hub per thread with readers, one
 * heartbeat for all. Streams are capped per address and in all, with a clear 429.
 */
export class LiveHub {
  private readonly threads = new Map<string, ThreadHub>();
  private readonly perAddress = new Map<string, number>();
  private total = 0;
  private subscribed: Promise<unknown> | null = null;
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(
    private readonly storage: Storage,
    private readonly config: Config,
  ) {}

  /**
   * Refuses a stream beyond the caps (before anything is written). Then opens it: `listening`
   * once signals reach it, and with `lastEventId` (a reconnection) what changed since.
   */
  async join(threadId: string, address: string | null, lastEventId: number | null, open: () => Sink) {
    await (this.subscribed ??= this.subscribe());
    // From here on nothing waits: the counts checked are the counts kept.
    const key = address ?? 'unknown';
    if (this.total >= this.config.streamsMax) {
      throw new ChimeError('rate-limited', 'This server follows as many live readers as it can; try again later.', undefined, 30);
    }
    if ((this.perAddress.get(key) ?? 0) >= this.config.streamsPerAddress) {
      throw new ChimeError('rate-limited', `At most ${this.config.streamsPerAddress} live streams per address.`, undefined, 30);
    }
    const sink = open();
    let hub = this.threads.get(threadId);
    if (!hub) this.threads.set(threadId, (hub = new ThreadHub(this.storage, threadId)));
    hub.sinks.add(sink);
    this.total++;
    this.perAddress.set(key, (this.perAddress.get(key) ?? 0) + 1);
    this.heartbeat ??= setInterval(() => this.beat(), this.config.heartbeatMs);
    sink.write(`retry: 3000\nid: ${Date.now()}\n: listening\n\n`);
    if (lastEventId !== null) hub.replay(lastEventId, [sink]);
    sink.onClose(() => this.leave(hub, sink, key));
  }

  private leave(hub: ThreadHub, sink: Sink, key: string) {
    hub.sinks.delete(sink);
    if (hub.sinks.size === 0) this.threads.delete(hub.threadId);
    this.total--;
    const left = this.perAddress.get(key)! - 1;
    if (left === 0) this.perAddress.delete(key);
    else this.perAddress.set(key, left);
    if (this.total === 0 && this.heartbeat) {
      clearInterval(this.heartbeat);
      this.heartbeat = null;
    }
  }

  private subscribe() {
    const subscribing = this.storage.subscribe(
      (signal) => this.threads.get(signal.threadId)?.signal(signal),
      // Signals lost while listening was down (PostgreSQL): every thread replays what changed since.
      (since) => this.threads.forEach((hub) => hub.replay(since, hub.sinks)),
    );
    subscribing.catch(() => (this.subscribed = null));
    return subscribing;
  }

  /** Keeps proxies from closing quiet streams; moves ids on, so a reader quiet for an hour is not sent that hour again. */
  private beat() {
    const ping = `id: ${Date.now()}\n: ping\n\n`;
    for (const hub of this.threads.values()) for (const sink of hub.sinks) sink.write(ping);
  }
}
