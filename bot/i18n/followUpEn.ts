import { formatCny, formatDate, formatPeriod } from '../directory/format.js';
import { isSettled } from '../health/types.js';
import { SERVICE_NAMES } from '../nlu/serviceNames.js';
import { literalForMessage as lit } from '../text/literal.js';
import { healthEn } from './healthEn.js';
import { daysBetween, type FollowUpMessages } from './followUpMessages.js';

const cny = (n: number) => formatCny(n, 'en');
const date = (d: string) => formatDate(d, 'en');
const name = (id: string) => SERVICE_NAMES[id]?.en ?? id;
const inDays = (n: number) => (n === 0 ? 'today' : n === 1 ? 'tomorrow' : n > 1 ? `in ${n} days` : `${-n} day(s) ago`);
const time = (iso: string) => new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', timeStyle: 'short' }).format(new Date(iso));

export const followUpEn: FollowUpMessages = {
  due: (i, today) =>
    i.status === 'paid'
      ? `Invoice ${i.number} (${formatPeriod(i.period, 'en')}, ${cny(i.amountCny)}) is already paid; it was due ${date(i.dueDate)}.`
      : `Invoice ${i.number} for ${cny(i.amountCny)} is due on ${date(i.dueDate)} (${inDays(daysBetween(today, i.dueDate))})` +
        `${i.status === 'overdue' ? ' and is now OVERDUE: please pay it as soon as you can' : ''}. ` +
        'Pay by bank transfer to the account on the invoice, with the invoice number in the reference.',
  line: (l, i) =>
    l.kind === 'proration'
      ? `The ${cny(l.amountCny)} on ${i.number} is a one-off prorated charge: "${lit(l.description)}". ` +
        'Licenses added part-way through a billing period are charged by the day, only for the days they were used, ' +
        'so it appears once and does not repeat.'
      : l.kind === 'usage'
        ? `The ${cny(l.amountCny)} on ${i.number} is pay-as-you-go usage for ${lit(l.description)}: ` +
          'it follows what was actually used that month, so it changes from month to month.'
        : l.kind === 'credit'
          ? `The ${cny(l.amountCny)} on ${i.number} is a credit for ${lit(l.description)}, taken off the total.`
          : `The ${cny(l.amountCny)} on ${i.number} is the regular charge for ${lit(l.description)}: ` +
            `${l.quantity} license(s) for the period.`,
  noSuchLine: (amount, i) =>
    `I can't find a line of ${amount} on ${i.number}. Its lines are listed above; type "talk to support" if something looks wrong.`,
  noEarlier: (i) => `${i.number} is the earliest invoice I have for your company.`,
  term: (s, today) => {
    if (!s.renewalDate) return `${lit(s.offer)} is pay-as-you-go: it has no end date and is billed monthly for what you use.`;
    const when = `${date(s.renewalDate)} (${inDays(daysBetween(today, s.renewalDate))})`;
    if (s.status === 'trial')
      return (
        `The ${lit(s.offer)} trial ends on ${when}. ` +
        'If it is not converted by then, it expires: ' +
        'users lose access, and the data is kept only for a limited time before it is deleted. ' +
        `Say "convert it" if you'd like to keep it.`
      );
    return s.autoRenew
      ? `${lit(s.offer)} renews on ${when}. Auto-renew is on, so it renews by itself for another term; nothing to do.`
      : `${lit(s.offer)} ends on ${when}. Auto-renew is OFF, so it will not renew by itself. ` +
          `Say "turn on auto-renew" and I'll ask us to switch it on.`;
  },
  price: (s) =>
    s.unitPriceCny === undefined
      ? `${lit(s.offer)} is billed by usage; its cost is on each month's invoice.`
      : `${lit(s.offer)}: ${cny(s.unitPriceCny)} per license per month, ${s.quantity} license(s), ` +
        `${cny(s.unitPriceCny * s.quantity)} a month in all.`,
  eta: (i) =>
    `There is no estimated fix time yet for "${lit(i.title)}": 21Vianet gives one only when it is sure. ` +
    `Latest update: ${date(i.lastUpdate)}, ${time(i.lastUpdate)} China time, status: ${healthEn.statusNames[i.status]}. ` +
    'I can tell you when it is resolved.',
  since: (i) =>
    `"${lit(i.title)}" started on ${date(i.startTime)} at ${time(i.startTime)} China time; ` +
    `the last update was on ${date(i.lastUpdate)} at ${time(i.lastUpdate)} (${healthEn.statusNames[i.status]}).`,
  impact: (i) => `What it affects: ${lit(i.impact)} (${name(i.service)}, since ${date(i.startTime)}).`,
  otherService: (service, status, issues, also) =>
    issues > 0 || !isSettled(status)
      ? `${name(service)} has ${issues || 'an'} active issue(s)${also ? ' too' : ''}; ask "is ${name(service)} down?" for the details.`
      : `${name(service)} is operating normally: no known issues affect it.`,
};
