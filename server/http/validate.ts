import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import { ApiError } from '../errors.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Parses value with schema or throws a 422 naming the first field at fault. */
export function check<T extends z.ZodType>(schema: T, value: unknown, field?: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = [...(field ? [field] : []), ...issue.path.map(String)];
  if (issue.code === 'unrecognized_keys') {
    path.push(issue.keys[0]!);
    throw new ApiError('validation', `Unknown field "${issue.keys[0]}".`, path.join('.'));
  }
  throw new ApiError('validation', issue.message, path.join('.') || undefined);
}

/** The JSON body, strictly decoded: wrong media type, bad UTF-8 and bad JSON each get their answer. */
export async function readJson<T extends z.ZodType>(c: Context, schema: T): Promise<z.output<T>> {
  if (!/^application\/json\s*(;|$)/i.test(c.req.header('content-type') ?? '')) {
    throw new ApiError('unsupported-media-type', 'Send a JSON body with Content-Type: application/json.');
  }
  let text: string;
  try {
    text = utf8.decode(await c.req.arrayBuffer());
  } catch {
    throw new ApiError('bad-request', 'The request body is not valid UTF-8.');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError('bad-request', 'The request body is not valid JSON.');
  }
  return check(schema, value);
}

export function readQuery<T extends z.ZodType>(c: Context, schema: T): z.output<T> {
  return check(schema, c.req.query());
}

const MAX_BODY = 100 * 1024;

const tooLarge = () => {
  throw new ApiError('too-large', `Request bodies are limited to ${MAX_BODY / 1024} KiB.`);
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
