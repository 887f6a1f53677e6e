import type { PurgeCounts } from '../storage/owner-types.ts';
import { announce, type ServiceContext } from './context.ts';
import type { Settings } from './settings.ts';

const DAY = 86_400_000;

export interface PurgeReport extends PurgeCounts {
  /** Threads auto-close closed. */
  closed: string[];
  retentionDays: number;
}

/**
 * Auto-close: closes the thread (or every thread, without threadId) that started (its comment
 * number 1 was written) more than `autoCloseDays` ago, unless the owner reopened it; live readers hear of it.
 */
export async function closeIfStale(ctx: ServiceContext, settings: Settings, threadId?: string): Promise<string[]> {
  if (settings.autoCloseDays === 0) return [];
  const closed = await ctx.storage.owner.closeStale(Date.now() - settings.autoCloseDays * DAY, threadId);
  await announce(
    ctx,
    closed.map((id) => ({ threadId: id, type: 'thread' as const })),
  );
  return closed;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** One line for the log. */
export function describePurge(r: PurgeReport): string {
  return [
    `removed ${plural(r.spam, 'spam comment')} and ${plural(r.trash, 'deleted comment')} older than ${plural(r.retentionDays, 'day')}`,
    `${plural(r.rateLimits, 'expired rate-limit window')}, ${plural(r.sessions, 'expired session')}, ${plural(r.emptyThreads, 'empty thread')}`,
    `auto-closed ${plural(r.closed.length, 'thread')}`,
  ].join('; ');
}

/**
 * Retention (docs/admin.md): spam and deleted comments are kept for the owner to restore for
 * `retentionDays` (from their last change), then removed; expired rate-limit windows and
 * sessions go, and so do threads that never kept a comment. Every step is idempotent, and
 * instances (or `chime-server purge` from cron) may run it at the same time.
 */
export class Retention {
  private running: Promise<PurgeReport> | null = null;

  constructor(private readonly ctx: ServiceContext) {}

  /** Purges once; a run already under way in this instance is joined, not repeated. */
  run(): Promise<PurgeReport> {
    this.running ??= this.purge().finally(() => (this.running = null));
    return this.running;
  }

  /** Purges every CHIME_PURGE_INTERVAL (a first time soon after start), logging what went; returns the stop function, which waits for a run under way. */
  schedule(): () => Promise<void> {
    const interval = this.ctx.config.owner.purgeIntervalMs;
    if (!interval) return async () => {};
    const tick = () =>
      this.run().then(
        (report) => {
          if (report.spam + report.trash + report.rateLimits + report.sessions + report.emptyThreads + report.closed.length > 0)
            console.log(`chime: purge: ${describePurge(report)}`);
        },
        (err: unknown) => console.error('chime: purge failed:', err),
      );
    const first = setTimeout(tick, Math.min(interval, 10_000)).unref();
    const every = setInterval(tick, interval).unref();
    return async () => {
      clearTimeout(first);
      clearInterval(every);
      await this.running?.catch(() => undefined);
    };
  }

  private async purge(): Promise<PurgeReport> {
    const { storage, config } = this.ctx;
    const settings = await this.ctx.settings.current();
    const now = Date.now();
    const { signals, ...held } = await storage.owner.purgeHeld(now - settings.retentionDays * DAY);
    await announce(this.ctx, signals);
    // No rate-limit window lasts longer than a day (new readers are counted per day).
    const expired = await storage.owner.purgeExpired(now - Math.max(config.rateWindowMs, DAY), now);
    const closed = await closeIfStale(this.ctx, settings);
    return { ...held, ...expired, closed, retentionDays: settings.retentionDays };
  }
}
