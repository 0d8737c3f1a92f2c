import { expect } from 'chai';
import { OutboundPacer } from '../../../bot/outbound/outboundPacer.js';
import { TEAMS_THREAD_LIMITS } from '../../../bot/outbound/rateWindows.js';
import { busiest } from '../../support/busiest.js';

/** A clock that only moves when someone sleeps: every wait the pacer makes is visible and exact. */
function fakeClock() {
  let t = 0;
  const sleeps: number[] = [];
  return {
    now: () => t,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      t += ms;
    },
    advance: (ms: number) => (t += ms),
    sleeps,
  };
}

function httpError(status: number, headers: Record<string, string> = {}) {
  return Object.assign(new Error(`status ${status}`), {
    name: 'RestError',
    statusCode: status,
    response: { status, headers: { get: (n: string) => headers[n.toLowerCase()] } },
  });
}

describe('OutboundPacer', () => {
  it('lets 7 sends through at once, then spaces the rest to Teams thread limits', async () => {
    const clock = fakeClock();
    const pacer = new OutboundPacer({ now: clock.now, sleep: clock.sleep, random: () => 0.5 });
    const starts: number[] = [];
    await Promise.all(Array.from({ length: 70 }, () => pacer.send('c', async () => starts.push(clock.now()))));
    expect(starts).to.have.length(70);
    expect(starts.slice(0, 7)).to.deep.equal([0, 0, 0, 0, 0, 0, 0]);
    expect(starts[7]).to.equal(1000);
    for (const { ms, max } of TEAMS_THREAD_LIMITS) expect(busiest(starts, ms), `${max} per ${ms} ms`).to.be.at.most(max);
    expect(busiest(starts, 30_000)).to.equal(60);
  });

  it('keeps conversations apart: one conversation waiting does not slow another', async () => {
    const clock = fakeClock();
    const pacer = new OutboundPacer({ now: clock.now, sleep: clock.sleep });
    for (let i = 0; i < 7; i++) await pacer.send('busy', async () => undefined);
    const other: number[] = [];
    await pacer.send('quiet', async () => other.push(clock.now()));
    expect(other).to.deep.equal([0]);
    expect(clock.sleeps).to.deep.equal([]);
  });

  it('retries 429, 412, 502 and 504 with growing, jittered waits, honouring Retry-After', async () => {
    for (const [status, headers, minWait] of [
      [429, { 'retry-after': '3' }, 3000],
      [412, {}, 200],
      [502, {}, 200],
      [504, {}, 200],
    ] as const) {
      const clock = fakeClock();
      const pacer = new OutboundPacer({ now: clock.now, sleep: clock.sleep, random: () => 0 });
      let tries = 0;
      const result = await pacer.send('c', async () => {
        if (++tries < 3) throw httpError(status, headers);
        return 'sent';
      });
      expect(result, String(status)).to.equal('sent');
      expect(tries).to.equal(3);
      expect(clock.sleeps).to.have.length(2);
      expect(clock.sleeps[0]).to.be.at.least(minWait);
      if (status !== 429) expect(clock.sleeps[1]).to.be.greaterThan(clock.sleeps[0]!);
    }
  });

  it('spreads retries with jitter', async () => {
    const waits = [];
    for (const random of [0, 0.5, 0.99]) {
      const clock = fakeClock();
      const pacer = new OutboundPacer({ now: clock.now, sleep: clock.sleep, random: () => random });
      let tries = 0;
      await pacer.send('c', async () => {
        if (++tries < 2) throw httpError(502);
      });
      waits.push(clock.sleeps[0]);
    }
    expect(new Set(waits).size).to.equal(3);
  });

  it('gives up after four tries, and at once on errors that retrying cannot fix', async () => {
    const clock = fakeClock();
    const pacer = new OutboundPacer({ now: clock.now, sleep: clock.sleep });
    let tries = 0;
    const failing = pacer.send('c', async () => {
      tries++;
      throw httpError(503);
    });
    const err = await failing.catch((e: unknown) => e);
    expect((err as { statusCode: number }).statusCode).to.equal(503);
    expect(tries).to.equal(4);

    let badTries = 0;
    const bad = await pacer
      .send('c', async () => {
        badTries++;
        throw httpError(400);
      })
      .catch((e: unknown) => e);
    expect((bad as { statusCode: number }).statusCode).to.equal(400);
    expect(badTries).to.equal(1);
  });

  it('does not wait past its budget: a Retry-After longer than the turn can afford fails now', async () => {
    const clock = fakeClock();
    const pacer = new OutboundPacer({ now: clock.now, sleep: clock.sleep });
    let tries = 0;
    const err = await pacer
      .send('c', async () => {
        tries++;
        throw httpError(429, { 'retry-after': '60' });
      })
      .catch((e: unknown) => e);
    expect((err as { statusCode: number }).statusCode).to.equal(429);
    expect(tries).to.equal(1);
    expect(clock.sleeps).to.deep.equal([]);
  });

  it('sends one conversation in order, even when an earlier message needs retries', async () => {
    const clock = fakeClock();
    const pacer = new OutboundPacer({ now: clock.now, sleep: clock.sleep });
    const sent: string[] = [];
    let firstTries = 0;
    await Promise.all([
      pacer.send('c', async () => {
        if (++firstTries < 3) throw httpError(429, { 'retry-after': '1' });
        sent.push('first');
      }),
      pacer.send('c', async () => sent.push('second')),
      pacer.send('c', async () => sent.push('third')),
    ]);
    expect(sent).to.deep.equal(['first', 'second', 'third']);
  });

  it('a try that hangs stops holding the queue after stallMs, so later messages still go out', async () => {
    const pacer = new OutboundPacer({ stallMs: 20 });
    const sent: string[] = [];
    void pacer.send('c', () => new Promise<never>(() => undefined));
    await pacer.send('c', async () => sent.push('after the hang'));
    expect(sent).to.deep.equal(['after the hang']);
  });
});
