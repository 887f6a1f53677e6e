/**
 * Milliseconds before attempt `attempts` + 1: exponential from 1 s up to `max`, with "equal
 * jitter" so tabs and readers coming back together spread out, and never sooner than the
 * storage asked (`retryAfter`, seconds).
 */
export function backoff(attempts: number, max: number, retryAfter = 0): number {
  const delay = Math.min(1000 * 2 ** (attempts - 1), max);
  return Math.max(delay / 2 + (Math.random() * delay) / 2, retryAfter * 1000);
}
