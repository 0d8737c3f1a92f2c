import { expect } from 'chai';
import { backoffDelay, retryAfterFromHeaders, withRetry } from '../../bot/retry.js';

describe('retry helper', () => {
  it('an abort ends a real wait at once, with the abort reason', async () => {
    const controller = new AbortController();
    let tries = 0;
    const pending = withRetry(
      async () => {
        tries++;
        controller.abort(new Error('shutting down'));
        throw new Error('busy');
      },
      { maxAttempts: 3, baseDelayMs: 3_600_000, maxDelayMs: 3_600_000, budgetMs: 7_200_000, jitter: 0, retryable: () => true },
      controller.signal,
    );
    const err = await pending.catch((e: unknown) => e);
    expect(err).to.have.property('name', 'AbortError');
    expect((err as Error).cause).to.have.property('message', 'shutting down');
    expect(tries).to.equal(1);
  });

  it('jitter is the random share of each step: 0 is fixed, 1 spreads over the whole step', () => {
    const o = { baseDelayMs: 1000, maxDelayMs: 30_000 };
    expect(backoffDelay(3, { ...o, jitter: 0, random: () => 0.9 })).to.equal(4000);
    expect(backoffDelay(3, { ...o, jitter: 1, random: () => 0 })).to.equal(0);
    expect(backoffDelay(3, { ...o, jitter: 0.5, random: () => 0 })).to.equal(2000);
  });

  it('reads Retry-After from headers, the millisecond variants first, and never past an hour', () => {
    const headers = (h: Record<string, string>) => (name: string) => h[name];
    expect(retryAfterFromHeaders(headers({ 'x-ms-retry-after-ms': '1500', 'retry-after': '9' }))).to.equal(1500);
    expect(retryAfterFromHeaders(headers({ 'retry-after': '1.5' }))).to.equal(1500);
    expect(retryAfterFromHeaders(headers({ 'retry-after': '86400' }))).to.equal(3_600_000);
    expect(retryAfterFromHeaders(headers({}))).to.equal(undefined);
  });
});
