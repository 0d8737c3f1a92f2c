import { expect } from 'chai';
import { isRetryable, retryAfterMs, TEAMS_RETRY } from '../../../bot/outbound/outboundPacer.js';
import { retryDelay } from '../../../bot/retry.js';

const withHeaders = (status: number, headers: Record<string, string>) => ({
  statusCode: status,
  response: { status, headers: { get: (name: string) => headers[name] } },
});

describe('retry policy', () => {
  it('reads Retry-After as seconds, as an HTTP date, and prefers the millisecond headers', () => {
    expect(retryAfterMs(withHeaders(429, { 'retry-after': '2' }))).to.equal(2000);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs(withHeaders(429, { 'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT' }), now)).to.equal(5000);
    expect(retryAfterMs(withHeaders(429, { 'retry-after': '2', 'retry-after-ms': '250' }))).to.equal(250);
    expect(retryAfterMs(withHeaders(429, { 'retry-after': 'soon' }))).to.equal(undefined);
    expect(retryAfterMs(new Error('no response'))).to.equal(undefined);
  });

  it('retries what Teams asks for (429, 412, 502, 504), other transient server errors and dropped connections, nothing else', () => {
    for (const status of [412, 429, 500, 502, 503, 504]) expect(isRetryable({ statusCode: status }), String(status)).to.equal(true);
    for (const status of [400, 401, 403, 404, 413]) expect(isRetryable({ statusCode: status }), String(status)).to.equal(false);
    expect(isRetryable(Object.assign(new Error('reset'), { code: 'ECONNRESET' }))).to.equal(true);
    expect(isRetryable(new TypeError('bug'))).to.equal(false);
  });

  it('backs off exponentially within [half, full] of each step, never below Retry-After', () => {
    const at = (attempt: number, random: number) => retryDelay({ statusCode: 502 }, attempt, 0, TEAMS_RETRY, () => random);
    expect([at(1, 0), at(1, 1)]).to.deep.equal([200, 400]);
    expect([at(2, 0), at(2, 1)]).to.deep.equal([400, 800]);
    expect(at(3, 0)).to.equal(800);
    expect(retryDelay(withHeaders(429, { 'retry-after': '3' }), 1, 0, TEAMS_RETRY, () => 0)).to.equal(3000);
  });

  it('stops at the last attempt and at the time budget', () => {
    expect(retryDelay({ statusCode: 502 }, TEAMS_RETRY.maxAttempts, 0, TEAMS_RETRY)).to.equal(undefined);
    expect(retryDelay({ statusCode: 502 }, 1, TEAMS_RETRY.budgetMs - 100, TEAMS_RETRY, () => 0)).to.equal(undefined);
  });
});
