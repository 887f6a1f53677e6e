/**
 * What went wrong, in the protocol's terms (docs/protocol.md). Thrown by storage and the service
 * layer, which know nothing of HTTP; http/errors.ts picks each code's status.
 */
export type ErrorCode =
  | 'bad-request'
  | 'unauthorized'
  | 'forbidden'
  | 'closed'
  | 'not-found'
  | 'conflict'
  | 'too-large'
  | 'unsupported-media-type'
  | 'validation'
  | 'rate-limited'
  | 'unavailable'
  | 'server';

export class ChimeError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The input at fault, as a dotted path (`author.name`). */
    readonly field?: string,
    /** Seconds after which trying again may succeed. */
    readonly retryAfter?: number,
    /** What the operator should see in the log (a database failure behind 'unavailable'). */
    cause?: unknown,
  ) {
    super(message, { cause });
  }
}

export const notFound = (what = 'comment'): never => {
  throw new ChimeError('not-found', `No such ${what}.`);
};
