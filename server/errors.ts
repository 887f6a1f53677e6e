/** Error codes of the HTTP protocol and the status each one is sent with. */
const STATUS = {
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
} as const;

export type ErrorCode = keyof typeof STATUS;

/** Thrown anywhere on the server; the app's error handler turns it into the JSON error body. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly retryAfter?: number,
  ) {
    super(message);
  }

  get status(): (typeof STATUS)[ErrorCode] {
    return STATUS[this.code];
  }

  toJSON() {
    return { error: { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}) } };
  }
}
