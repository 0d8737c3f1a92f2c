/** A data file that exists but cannot be trusted. Start-up stops rather than overwrite it. */
export class CorruptDataError extends Error {
  override readonly name = 'CorruptDataError';
  constructor(readonly file: string, reason: string, options?: { cause?: unknown }) {
    super(`Data file ${file} is ${reason}. It was left untouched: restore it from a backup or move it away, then start again.`, options);
  }
}

/** A write whose eTag no longer matches what is stored: someone else saved first. */
export class ETagConflictError extends Error {
  override readonly name = 'ETagConflictError';
  constructor(readonly key: string) {
    super(`Storage: eTag conflict writing "${key}"`);
  }
}

/** Another process holds DATA_DIR. Two writers would lose each other's updates. */
export class DataDirLockedError extends Error {
  override readonly name = 'DataDirLockedError';
  constructor(readonly dataDir: string, readonly pid: number) {
    super(`DATA_DIR ${dataDir} is in use by another bot process (pid ${pid}). Stop it first, or give this one its own DATA_DIR.`);
  }
}

/** The storage service could not be reached or refused the request (not a conflict). */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';
  constructor(what: string, cause: unknown) {
    super(`${what} failed: ${cause instanceof Error ? cause.message.split('\n')[0] : String(cause)}`, { cause });
  }
}

/** Copying journaled changes to their own files failed: they stay in the journal and are copied again later. */
export class CheckpointError extends Error {
  override readonly name = 'CheckpointError';
  constructor(dir: string, cause: unknown) {
    super(`Storage checkpoint in ${dir} failed: ${cause instanceof Error ? cause.message.split('\n')[0] : String(cause)}`, { cause });
  }
}
