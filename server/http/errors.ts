import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ChimeError, type ErrorCode } from '../errors.ts';

/** The HTTP status each error code is sent with. */
export const STATUS = {
  'bad-request': 400,
  unauthorized: 401,
  forbidden: 403,
  closed: 403,
  'not-found': 404,
  conflict: 409,
  'too-large': 413,
  'unsupported-media-type': 415,
  validation: 422,
  'rate-limited': 429,
  server: 500,
  unavailable: 503,
} as const satisfies Record<ErrorCode, number>;

export const errorBody = (err: ChimeError) => ({
  error: { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}) },
});

/** Sends err as the protocol's error body; anything that is not a ChimeError is a bug, logged and answered 500. */
export function sendError(err: Error, c: Context) {
  if (err instanceof HTTPException && err.status < 500) err = new ChimeError('bad-request', err.message || 'Bad request.');
  if (!(err instanceof ChimeError)) {
    console.error('chime:', err);
    err = new ChimeError('server', 'Something went wrong on the server.');
  }
  const known = err as ChimeError;
  if (known.cause) console.error('chime:', known.message, known.cause);
  if (known.retryAfter) c.header('Retry-After', String(known.retryAfter));
  return c.json(errorBody(known), STATUS[known.code]);
}
