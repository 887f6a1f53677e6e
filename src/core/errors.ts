/** Why an adapter call failed; the widget and the outbox decide what to do from the code. */
export type AdapterErrorCode = 'validation' | 'closed' | 'rate-limited' | 'not-found' | 'forbidden' | 'conflict' | 'network' | 'server' | 'aborted';

/** Failures worth retrying later: the comment may still get through. */
const RETRYABLE: AdapterErrorCode[] = ['network', 'server', 'rate-limited'];

export class AdapterError extends Error {
  override name = 'AdapterError';
  readonly code: AdapterErrorCode;
  /** The input field at fault, for validation errors. */
  readonly field?: string;
  /** Seconds the server asked us to wait (rate limits). */
  readonly retryAfter?: number;

  constructor(code: AdapterErrorCode, message: string, options: { field?: string; retryAfter?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.code = code;
    this.field = options.field;
    this.retryAfter = options.retryAfter;
  }

  get retryable(): boolean {
    return RETRYABLE.includes(this.code);
  }
}

/** Normalises anything thrown (fetch TypeErrors, aborts, adapter bugs) into an AdapterError. */
export function toAdapterError(error: unknown): AdapterError {
  if (error instanceof AdapterError) return error;
  // Nobody is told of an abort (the element dropped what it asked for): the browser's words do.
  if (error instanceof DOMException && error.name === 'AbortError') return new AdapterError('aborted', error.message, { cause: error });
  if (error instanceof TypeError) {
    return new AdapterError('network', 'The comment server could not be reached.', { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new AdapterError('server', message || 'Something went wrong.', { cause: error });
}
