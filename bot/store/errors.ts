/** A data file that exists but cannot be trusted. It is refused, never overwritten. */
export class CorruptDataError extends Error {
  override readonly name = 'CorruptDataError';
  constructor(
    readonly file: string,
    reason: string,
    options?: { cause?: unknown; path?: string },
  ) {
    super(
      `Data file ${file} ${options?.path ? `at ${options.path} ` : ''}is ${reason}. ` +
        'It was left untouched: restore it from a backup or move it away, then start again.',
      options,
    );
  }
}

/** A write whose eTag no longer matches what is stored: someone else saved first. */
export class ETagConflictError extends Error {
  override readonly name = 'ETagConflictError';
  constructor(readonly key: string) {
    super(`Storage: eTag conflict writing "${key}"`);
  }
}

/** The storage service could not be reached or refused the request (not a conflict). */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';
  constructor(what: string, cause: unknown) {
    super(`${what} failed: ${cause instanceof Error ? cause.message.split('\n')[0] : String(cause)}`, { cause });
  }
}
