import { expect } from 'chai';
import { CHINA_HOLIDAYS } from '../../../bot/escalation/chinaHolidays.js';
import { supportWindow } from '../../../bot/escalation/supportHours.js';
import { validateImport } from '../../../bot/directory/validateDirectory.js';
import { demoDirectory } from '../../../bot/directory/demoDirectory.js';

const RESELLER = { supportHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' }, timeZone: 'Asia/Shanghai' };
const at = (iso: string, reseller: Parameters<typeof supportWindow>[0] = RESELLER) => supportWindow(reseller, new Date(iso));

describe('support hours on China’s calendar', () => {
  it('is closed on the 2026 Spring Festival weekdays and names the day after it', () => {
    const w = at('2026-02-16T03:00:00Z'); // Mon 16 Feb 11:00, in the holiday (15–23 Feb)
    expect(w.open).to.equal(false);
    expect(w.nextOpen?.toISOString()).to.equal('2026-02-24T01:00:00.000Z'); // Tue 24 Feb 09:00
  });

  it('is open on a make-up working Saturday (调休), and Friday evening before it points to that Saturday', () => {
    expect(at('2026-02-14T03:00:00Z').open).to.equal(true); // Sat 14 Feb 11:00, 上班
    expect(at('2026-02-13T11:00:00Z').nextOpen?.toISOString()).to.equal('2026-02-14T01:00:00.000Z');
    expect(at('2026-10-10T02:00:00Z').open).to.equal(true); // Sat 10 Oct
    expect(at('2026-10-11T02:00:00Z').open).to.equal(false); // an ordinary Sunday
  });

  it('skips the National Day week: 1–7 Oct off, Thu 8 Oct open', () => {
    expect(at('2026-09-30T11:00:00Z').nextOpen?.toISOString()).to.equal('2026-10-08T01:00:00.000Z');
  });

  it('lets the reseller’s own holidays and working days win over the shipped schedule', () => {
    const own = { ...RESELLER, holidays: ['2026-11-24'], extraWorkdays: ['2026-02-16'] };
    expect(at('2026-11-24T03:00:00Z', own).open).to.equal(false);
    expect(at('2026-11-23T12:00:00Z', own).nextOpen?.toISOString()).to.equal('2026-11-25T01:00:00.000Z');
    expect(at('2026-02-16T03:00:00Z', own).open).to.equal(true);
  });

  it('ships 2026 as published: 33 days off and 6 make-up days, none a date twice', () => {
    expect(CHINA_HOLIDAYS.holidays).to.have.length(33);
    expect(new Set(CHINA_HOLIDAYS.holidays).size).to.equal(33);
    expect(CHINA_HOLIDAYS.extraWorkdays).to.deep.equal([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    for (const d of CHINA_HOLIDAYS.extraWorkdays) expect([0, 6]).to.include(new Date(`${d}T00:00:00Z`).getUTCDay());
  });

  it('validates the directory’s holidays and extraWorkdays', () => {
    const reseller = demoDirectory().reseller!;
    const ok = validateImport(
      { reseller: { ...reseller, holidays: ['2027-01-01', '2026-12-31'], extraWorkdays: ['2027-01-09'] }, customers: [] },
      { customers: [], subscriptions: [], invoices: [] },
    );
    expect(ok.issues).to.deep.equal([]);
    expect(ok.data?.reseller?.holidays).to.deep.equal(['2026-12-31', '2027-01-01']);
    const bad = validateImport(
      {
        reseller: { ...reseller, holidays: ['2027-02-30', '2027-01-01', '2027-01-01'], extraWorkdays: ['2027-01-01', 'soon'] },
        customers: [],
      },
      { customers: [], subscriptions: [], invoices: [] },
    );
    const problems = bad.issues.map((i) => `${i.where}: ${i.message}`);
    expect(problems).to.include('reseller.holidays[0]: holidays entry "2027-02-30" is not a date (YYYY-MM-DD)');
    expect(problems).to.include('reseller.holidays[2]: 2027-01-01 appears twice in holidays');
    expect(problems).to.include('reseller.extraWorkdays[1]: extraWorkdays entry "soon" is not a date (YYYY-MM-DD)');
    expect(problems).to.include('reseller.extraWorkdays[0]: 2027-01-01 is also in holidays');
    expect(bad.data).to.equal(undefined);
  });
});
