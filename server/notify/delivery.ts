/** A notification could not be sent; `permanent` when trying again would fail the same way. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    /** The receiver asked to wait this long before trying again (HTTP Retry-After). */
    readonly retryAfterMs = 0,
  ) {
    super(message);
  }
}
