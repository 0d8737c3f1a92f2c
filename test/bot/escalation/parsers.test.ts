import { expect } from 'chai';
import { parseDescription, parseGuid, parsePhone, parseSeverity, parseTitle } from '../../../bot/escalation/fieldParsers.js';
import { parseStartTime } from '../../../bot/escalation/parseStartTime.js';
import { formatOpening, supportWindow } from '../../../bot/escalation/supportHours.js';

const RESELLER = { supportHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' }, timeZone: 'Asia/Shanghai' };

describe('support hours (China time, injected clock)', () => {
  const at = (iso: string) => supportWindow(RESELLER, new Date(iso));

  it('is open on a weekday between start and end, closed at the end minute', () => {
    expect(at('2026-11-23T01:00:00Z').open).to.equal(true); // Mon 09:00
    expect(at('2026-11-23T09:59:00Z').open).to.equal(true); // Mon 17:59
    expect(at('2026-11-23T10:00:00Z').open).to.equal(false); // Mon 18:00
  });

  it('names the next opening: later today, tomorrow, or Monday after a weekend', () => {
    expect(at('2026-11-23T00:30:00Z').nextOpen?.toISOString()).to.equal('2026-11-23T01:00:00.000Z'); // Mon 08:30 → 09:00
    expect(at('2026-11-23T12:00:00Z').nextOpen?.toISOString()).to.equal('2026-11-24T01:00:00.000Z'); // Mon 20:00 → Tue
    expect(at('2026-11-27T11:00:00Z').nextOpen?.toISOString()).to.equal('2026-11-30T01:00:00.000Z'); // Fri 19:00 → Mon
    expect(at('2026-11-29T03:00:00Z').nextOpen?.toISOString()).to.equal('2026-11-30T01:00:00.000Z'); // Sun → Mon
    expect(at('2026-12-31T12:00:00Z').nextOpen?.toISOString()).to.equal('2027-01-01T01:00:00.000Z'); // over the year end
  });

  it('uses the reseller time zone and formats the opening in both languages', () => {
    const tokyo = { ...RESELLER, timeZone: 'Asia/Tokyo' };
    expect(supportWindow(tokyo, new Date('2026-11-23T00:30:00Z')).open).to.equal(true); // 09:30 in Tokyo
    const next = new Date('2026-11-30T01:00:00Z');
    expect(formatOpening(next, 'en')).to.include('30').and.include('09:00').and.match(/Mon/);
    expect(formatOpening(next, 'zh-CN')).to.include('11月30日').and.include('周一').and.include('09:00');
  });
});

describe('report-a-problem answers', () => {
  const now = new Date('2026-11-23T08:00:00Z'); // Mon 16:00 China time

  it('reads when a problem started, in China time, from English and Chinese', () => {
    expect(parseStartTime('just now', now)).to.equal(now.toISOString());
    expect(parseStartTime('2 hours ago', now)).to.equal('2026-11-23T06:00:00.000Z');
    expect(parseStartTime('about an hour ago', now)).to.equal('2026-11-23T07:00:00.000Z');
    expect(parseStartTime('half an hour ago', now)).to.equal('2026-11-23T07:30:00.000Z');
    expect(parseStartTime('a couple of hours ago', now)).to.equal('2026-11-23T06:00:00.000Z');
    expect(parseStartTime('两小时前', now)).to.equal('2026-11-23T06:00:00.000Z');
    expect(parseStartTime('today 9:30', now)).to.equal('2026-11-23T01:30:00.000Z');
    expect(parseStartTime('今天上午9点半', now)).to.equal('2026-11-23T01:30:00.000Z');
    expect(parseStartTime('昨天下午3点', now)).to.equal('2026-11-22T07:00:00.000Z');
    expect(parseStartTime('2026-11-20 14:00', now)).to.equal('2026-11-20T06:00:00.000Z');
    expect(parseStartTime('23:00', now)).to.equal('2026-11-22T15:00:00.000Z'); // a bare later time means yesterday
    expect(parseStartTime('yesterday afternoon around 3', now)).to.equal('2026-11-22T07:00:00.000Z');
    expect(parseStartTime('是前天下午三点', now)).to.equal('2026-11-21T07:00:00.000Z');
    expect(parseStartTime('the day before yesterday at 9am', now)).to.equal('2026-11-21T01:00:00.000Z');
    expect(parseStartTime("this morning at 9 o'clock", now)).to.equal('2026-11-23T01:00:00.000Z');
    expect(parseStartTime('tomorrow', now)).to.equal(undefined);
    expect(parseStartTime('2027-01-01', now)).to.equal(undefined); // in the future
    expect(parseStartTime('no idea', now)).to.equal(undefined);
  });

  it('reads severities, GUIDs, phones, titles and descriptions', () => {
    expect(['A', 'b', 'C 级', 'A – Critical', '严重', 'high', '低'].map(parseSeverity)).to.deep.equal(['A', 'B', 'C', 'A', 'A', 'B', 'C']);
    expect(parseSeverity('maybe')).to.equal(undefined);
    // In words: a middle, a partial outage, and a denial of urgency.
    expect(
      ['medium i guess, some ppl can still work', '中等吧', '不算特别急，还能凑合用', 'not that urgent tbh'].map(parseSeverity),
    ).to.deep.equal(['B', 'B', 'C', 'C']);
    expect(parseGuid('correlation: 1B4E28BA-2FA1-11D2-883F-0016D3CCA427.')).to.equal('1b4e28ba-2fa1-11d2-883f-0016d3cca427');
    expect(parseGuid('12345')).to.equal(undefined);
    expect(['138 1234 5678', '+86 13812345678', '010-12345678', '400-820-1234'].map(parsePhone)).to.deep.equal([
      '13812345678',
      '13812345678',
      '010-12345678',
      '400-820-1234',
    ]);
    expect(parsePhone('12345')).to.equal(undefined);
    expect(parseTitle('邮件发不出去')).to.equal('邮件发不出去');
    expect(parseTitle('hi')).to.equal(undefined);
    expect(parseDescription('全公司邮件都发不出去了，报错5.7.1')).to.be.a('string');
    expect(parseDescription('broken')).to.equal(undefined);
  });
});
