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

/**
 * An AdapterError as plain data (the outbox keeps it on the device): what the reader is told comes
 * from its code, field and wait, in their language; its message is the adapter's own words.
 */
export type Refusal = Pick<AdapterError, 'code' | 'message' | 'field' | 'retryAfter'>;

/**
 * Normalises anything thrown (fetch TypeErrors, aborts, adapter bugs) into an AdapterError. Its
 * message is what was thrown in the browser's or the adapter's own words, for the page (chime-error):
 * the reader is told from the code.
 */
export function toAdapterError(error: unknown): AdapterError {
  if (error instanceof AdapterError) return error;
  const code = error instanceof DOMException && error.name === 'AbortError' ? 'aborted' : error instanceof TypeError ? 'network' : 'server';
  return new AdapterError(code, (error as Error | undefined)?.message ?? String(error), { cause: error });
}
