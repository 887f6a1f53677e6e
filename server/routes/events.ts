import type { ServerResponse } from 'node:http';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { Hono } from 'hono';
import { ChimeError } from '../errors.ts';
import { corsHeaders } from '../http/cors.ts';
import { actorOf } from '../http/guards.ts';
import { openSink } from '../live/sink.ts';
import { check, threadQuery } from '../schemas.ts';
import type { Deps } from './deps.ts';

/**
 * The time a reconnecting stream last heard from us. Our ids are epoch milliseconds; anything
 * else (a forged id, one from the future) counts as now rather than reaching the database.
 */
function lastEventTime(header: string | undefined): number | null {
  if (header === undefined) return null;
  const time = /^\d{1,15}$/.test(header) ? Number(header) : Infinity;
  return Math.min(time, Date.now());
}

export function eventRoutes({ service, config }: Deps) {
  const app = new Hono();

  // Server-Sent Events, written straight to Node's response by the thread's hub (server/live).
  app.get('/events', async (c) => {
    const { thread } = check(threadQuery, c.req.query());
    const res = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
    if (!res) throw new ChimeError('server', 'Event streams need the Node HTTP server.');
    const { client } = actorOf(c, config);
    const headers = corsHeaders(config, c.req.header('origin'));
    await service.live.join(thread, client, lastEventTime(c.req.header('last-event-id')), () => openSink(res, headers));
    return RESPONSE_ALREADY_SENT;
  });

  return app;
}
