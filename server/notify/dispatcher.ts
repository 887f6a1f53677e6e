import { randomUUID } from 'node:crypto';
import type { NotifyStore, OutboxRow } from '../storage/notify-types.ts';
import { DeliveryError } from './delivery.ts';

/** How long an instance holds a claimed notification: far longer than one send may take (mailer.ts, webhook.ts). */
const LEASE_MS = 2 * 60_000;
const BATCH = 10;
const MAX_BACKOFF_MS = 60 * 60_000;
/** Done notifications are kept this long (for the owner to see what failed), then purged. */
const KEEP_MS = 30 * 86_400_000;
const PURGE_EVERY_MS = 60 * 60_000;

/** Sends one notification of a kind; throws DeliveryError (or anything: retried) when it could not. */
export type Sender = (payload: never, row: OutboxRow) => Promise<void>;

export interface DispatcherOptions {
  pollMs: number;
  retryMs: number;
  attempts: number;
  /** Runs before each pass (the digest schedule). */
  beforePass?: (now: number) => Promise<void>;
}

/**
 * Sends what waits in the outbox, on every instance: each pass claims due notifications (no other
 * instance gets them while the lease runs), sends them one by one and records the outcome. A
 * failure is tried again later, waiting twice as long each time; a notification that failed
 * `attempts` times, or for good, is kept as failed and logged. Nothing here is ever awaited by a request.
 */
export class Dispatcher {
  private readonly claim = randomUUID();
  private timer: NodeJS.Timeout | null = null;
  /** When the timer fires. */
  private timerAt = Infinity;
  /** Passes run one after another: each waits for the one before. */
  private passes: Promise<void> = Promise.resolve();
  /** Timers run between start() and stop(); pass() works either way until stop(). */
  private started = false;
  private stopped = false;
  private purgedAt = 0;

  constructor(
    private readonly store: NotifyStore,
    private readonly senders: Record<string, Sender>,
    private readonly options: DispatcherOptions,
  ) {}

  start() {
    this.started = true;
    this.wake();
  }

  /** Runs a pass soon: something was just enqueued here. */
  wake() {
    this.schedule(0);
  }

  /** Stops after the send in progress, if any. */
  async stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.passes;
  }

  /** A pass after any in progress: sends everything due by then. Resolves when done (tests wait on it). */
  pass(): Promise<void> {
    this.passes = this.passes.then(() => this.run());
    return this.passes;
  }

  /** Runs a pass in `ms`, unless one is due sooner; after it, the next in CHIME_NOTIFY_POLL. */
  private schedule(ms: number) {
    if (!this.started || this.stopped || Date.now() + ms >= this.timerAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = Date.now() + ms;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.timerAt = Infinity;
      void this.pass().then(() => this.schedule(this.options.pollMs));
    }, ms);
    // Never what keeps the process alive.
    this.timer.unref();
  }

  private async run() {
    try {
      const now = Date.now();
      await this.options.beforePass?.(now);
      if (now - this.purgedAt > PURGE_EVERY_MS) {
        this.purgedAt = now;
        await this.store.purge(now - KEEP_MS);
      }
      for (let rows = await this.take(); rows.length > 0 && !this.stopped; rows = await this.take()) {
        // Stopping leaves the rest claimed: another instance, or this one restarted, sends them once the lease ends.
        for (const row of rows) if (!this.stopped) await this.send(row);
      }
    } catch (err) {
      // The database is away: the next pass tries again.
      console.error('chime: notifications:', (err as Error).message);
    }
  }

  private take() {
    const now = Date.now();
    return this.store.claim(this.claim, now, now + LEASE_MS, BATCH);
  }

  private async send(row: OutboxRow) {
    const sender = this.senders[row.kind];
    try {
      if (!sender) throw new DeliveryError(`no sender for ${row.kind}`, true);
      await sender(JSON.parse(row.payload) as never, row);
      await this.store.finish(row.id, this.claim, Date.now());
    } catch (err) {
      const error = err instanceof DeliveryError ? err : new DeliveryError((err as Error).message, false);
      const attempts = row.attempts + 1;
      if (error.permanent || attempts >= this.options.attempts) {
        console.error(`chime: notification ${row.dedupe} failed for good after ${attempts} attempt(s): ${error.message}`);
        await this.store.fail(row.id, this.claim, Date.now(), error.message);
        return;
      }
      const backoff = Math.min(Math.max(error.retryAfterMs, this.options.retryMs * 2 ** row.attempts), MAX_BACKOFF_MS);
      console.error(
        `chime: notification ${row.dedupe} failed (attempt ${attempts}), trying again in ${Math.round(backoff / 1000)} s: ${error.message}`,
      );
      await this.store.retry(row.id, this.claim, Date.now() + backoff, error.message);
    }
  }
}
