import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ChimeError } from '../errors.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The JSON body, strictly decoded: wrong media type, bad UTF-8 and bad JSON each get their
 * answer. What it holds is for the service to validate.
 */
export async function readJson(c: Context): Promise<unknown> {
  if (!/^application\/json\s*(;|$)/i.test(c.req.header('content-type') ?? '')) {
    throw new ChimeError('unsupported-media-type', 'Send a JSON body with Content-Type: application/json.');
  }
  let text: string;
  try {
    text = utf8.decode(await c.req.arrayBuffer());
  } catch {
    throw new ChimeError('bad-request', 'The request body is not valid UTF-8.');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ChimeError('bad-request', 'The request body is not valid JSON.');
  }
}

const MAX_BODY = 100 * 1024;

const tooLarge = () => {
  throw new ChimeError('too-large', `Request bodies are limited to ${MAX_BODY / 1024} KiB.`);
};

/** Counts the bytes as they come: for bodies without a Content-Length (chunked). */
const streamedLimit = bodyLimit({ maxSize: MAX_BODY, onError: tooLarge });

/**
 * Refuses oversized bodies before reading them all (Content-Length) or as soon as they grow too big (chunked).
 * A declared length is checked from the header alone, leaving the body untouched: on
 * @hono/node-server, readJson then reads it straight off the socket instead of building a
 * web Request and ReadableStream for it (a large part of a small POST's cost).
 */
export const jsonLimit: MiddlewareHandler = async (c, next) => {
  const length = c.req.header('content-length');
  if (length === undefined || c.req.header('transfer-encoding') !== undefined) return streamedLimit(c, next);
  if (parseInt(length, 10) > MAX_BODY) tooLarge();
  await next();
};
