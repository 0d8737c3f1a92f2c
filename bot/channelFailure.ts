/**
 * True when an error came from talking to the channel (the Bot Connector answered 4xx/5xx, timed
 * out or could not be reached), not from our own logic. Apologising through a channel that just
 * failed would only fail again, and would blame ourselves for the channel's outage. A send made
 * inside a dialog arrives wrapped (DialogContextError.error, or an Error's cause), so wrappers are
 * looked through.
 */
export function isChannelFailure(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 5) return false;
  const e = error as Error & { statusCode?: unknown; code?: unknown; request?: unknown; response?: unknown; error?: unknown };
  if (e.name === 'RestError' || e.name === 'AbortError' || e.name === 'FetchError') return true;
  if (typeof e.statusCode === 'number' && (e.request !== undefined || e.response !== undefined)) return true;
  if (typeof e.code === 'string' && /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|UND_ERR_\w+)$/.test(e.code)) return true;
  return isChannelFailure(e.error, depth + 1) || isChannelFailure(e.cause, depth + 1);
}
