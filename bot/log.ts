import { randomBytes } from 'node:crypto';
import type { LogLevel } from './config.js';

export type LogFields = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** Structured JSON-lines logger. Callers pass ids and measurements, never message text or names. */
export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type LogSink = (line: string) => void;

export function createLogger(level: LogLevel, sink: LogSink = (line) => process.stdout.write(line + '\n')): Logger {
  const emit =
    (at: LogLevel) =>
    (event: string, fields: LogFields = {}) => {
      if (RANK[at] < RANK[level]) return;
      sink(JSON.stringify({ time: new Date().toISOString(), level: at, event, ...fields }));
    };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

/** Short id a user can read out to support; the same id is in the log line. */
export function newReferenceId(): string {
  return randomBytes(4).toString('hex').toUpperCase();
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * What a log line says about an error: its name, the HTTP status and error code where it has them
 * (SDK, Azure, fetch and file-system errors), and its message. Callers still never log message text.
 */
export function errorFields(err: unknown): LogFields {
  if (!(err instanceof Error)) return { error: typeof err };
  const e = err as Error & { statusCode?: unknown; status?: unknown; code?: unknown };
  const status = typeof e.statusCode === 'number' ? e.statusCode : typeof e.status === 'number' ? e.status : undefined;
  const code = typeof e.code === 'string' || typeof e.code === 'number' ? e.code : undefined;
  return { error: e.name, ...(status !== undefined && { status }), ...(code !== undefined && { code }), detail: e.message.slice(0, 300) };
}
