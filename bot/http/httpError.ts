/** An HTTP failure with a fixed, user-safe body. Internal details stay in `cause` and the log. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(code, options);
  }
}
