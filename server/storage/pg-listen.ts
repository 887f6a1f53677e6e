import pg from 'pg';
import type { Signal } from './types.ts';

const CHANNEL = 'chime_events';
/** How often the LISTEN connection is checked: a connection that died quietly is noticed this soon. */
const CHECK_MS = 5_000;

interface Subscriber {
  signal: (signal: Signal) => void;
  missed?: (since: number) => void;
}

/**
 * The one LISTEN connection of an instance, opened by its first subscriber. NOTIFY is not kept
 * for anyone: signals sent while the connection was down are lost. So a lost connection is
 * opened again (a second later), and subscribers are then told since when they may have missed
 * signals: the last moment the old connection was known to work.
 */
export class PgListener {
  private readonly subscribers = new Set<Subscriber>();
  private listening: Promise<pg.Client> | null = null;
  /** The last time the connection was known to work. */
  private heard = 0;
  /** Set while signals may be going missing: since when. */
  private lostSince: number | null = null;

  constructor(
    private readonly connectionString: string,
    private readonly types: pg.CustomTypesConfig,
  ) {}

  publish(pool: pg.Pool, signal: Signal) {
    return pool.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify(signal)]);
  }

  async subscribe(signal: Subscriber['signal'], missed?: Subscriber['missed']) {
    const subscriber = { signal, missed };
    this.subscribers.add(subscriber);
    try {
      await (this.listening ??= this.listen());
    } catch (err) {
      this.subscribers.delete(subscriber);
      throw err;
    }
    return () => void this.subscribers.delete(subscriber);
  }

  async close() {
    this.subscribers.clear();
    const client = await this.listening?.catch(() => null);
    this.listening = null;
    await client?.end();
  }

  private async listen(): Promise<pg.Client> {
    // Named, so an operator (or a test) can tell it in pg_stat_activity.
    const client = new pg.Client({ connectionString: this.connectionString, types: this.types, application_name: 'chime-listen' });
    client.on('notification', (message) => {
      this.heard = Date.now();
      const signal = JSON.parse(message.payload ?? '{}') as Signal;
      for (const subscriber of this.subscribers) subscriber.signal(signal);
    });
    client.on('error', (err) => this.lost(client, err));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (err) {
      this.listening = null;
      await client.end().catch(() => undefined);
      throw err;
    }
    this.heard = Date.now();
    const check = setInterval(() => {
      client.query('SELECT 1').then(
        () => (this.heard = Date.now()),
        (err: Error) => this.lost(client, err),
      );
    }, CHECK_MS).unref();
    client.once('end', () => clearInterval(check));
    if (this.lostSince !== null) {
      const since = this.lostSince;
      this.lostSince = null;
      for (const subscriber of this.subscribers) subscriber.missed?.(since);
    }
    return client;
  }

  private lost(client: pg.Client, err: Error) {
    if (this.lostSince === null) {
      console.error('chime: LISTEN connection failed:', err.message);
      this.lostSince = this.heard;
    }
    this.listening = null;
    void client.end().catch(() => undefined);
    this.relisten();
  }

  private relisten() {
    setTimeout(() => {
      if (this.subscribers.size === 0 || this.listening) return;
      this.listening = this.listen();
      this.listening.catch(() => this.relisten());
    }, 1000).unref();
  }
}
