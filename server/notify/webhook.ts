import { hmacSha256 } from '../crypto.ts';
import { DeliveryError } from './delivery.ts';

/** How long a receiver may take to answer. */
const TIMEOUT_MS = 10_000;

/**
 * POSTs JSON to a webhook. 2xx is delivered; 408, 429, 5xx, a redirect, a timeout or no
 * connection are tried again later (after Retry-After, when the receiver says); any other 4xx
 * means the receiver will never take it (a revoked Slack URL answers 404 or 410).
 */
export async function postWebhook(url: string, body: unknown, secret: string | null, event: string): Promise<void> {
  const json = JSON.stringify(body);
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'chime-server', 'x-chime-event': event };
  if (secret) headers['x-chime-signature'] = `sha256=${hmacSha256(secret, json)}`;
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers, body: json, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    throw new DeliveryError(`webhook ${new URL(url).host}: ${cause ?? (err as Error).message}`, false);
  }
  await response.body?.cancel();
  if (response.ok) return;
  const retryable = response.status === 408 || response.status === 429 || response.status >= 500 || response.status < 400;
  const retryAfter = Number(response.headers.get('retry-after'));
  throw new DeliveryError(`webhook ${new URL(url).host}: HTTP ${response.status}`, !retryable, Number.isFinite(retryAfter) ? retryAfter * 1000 : 0);
}
