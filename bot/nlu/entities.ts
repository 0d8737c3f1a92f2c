import { SERVICE_SYNONYMS } from './serviceNames.js';
import { understood } from '../text/understood.js';
import { addressRuns, isDomain, isEmail } from './addresses.js';
import type { Entity } from './types.js';

const CN_DIGITS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const EN_NUMBERS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twenty: 20,
  fifty: 50,
  hundred: 100,
};

/** Latin synonyms match whole words only ("vm" but not "vmware"); Chinese ones match anywhere. */
const SERVICE_PATTERNS: ReadonlyArray<readonly [string, RegExp, string]> = SERVICE_SYNONYMS.map(([synonym, id]) => {
  const escaped = synonym.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const ascii = /^[\x20-\x7e]+$/.test(synonym);
  return [synonym, new RegExp(ascii ? `(?<![a-z0-9])${escaped}(?![a-z0-9])` : escaped, 'gu'), id] as const;
});

function push(out: Entity[], type: Entity['type'], value: string, m: RegExpExecArray, group = 0): void {
  const text = m[group]!;
  pushAt(out, type, value, text, m.index + m[0].indexOf(text));
}

function pushAt(out: Entity[], type: Entity['type'], value: string, text: string, start: number): void {
  // Overlapping finds keep the first.
  if (out.some((e) => start < e.end && start + text.length > e.start)) return;
  out.push({ type, value, text, start, end: start + text.length });
}

/** Ticket ids, e-mail addresses, Chinese mobile numbers, domains, service names and license counts. */
export function extractEntities(text: string): Entity[] {
  const out: Entity[] = [];
  const t = understood(text).normalize('NFKC');
  for (const m of t.matchAll(/(?<![\w-])(?:T-?|#|工单号?\s*)(\d{3,8})\b/giu)) push(out, 'ticketId', `T-${m[1]}`, m);
  for (const run of addressRuns(t)) {
    const kind = isEmail(run.text) ? 'email' : isDomain(run.text) ? 'domain' : undefined;
    if (kind) pushAt(out, kind, run.text.toLowerCase(), run.text, run.start);
  }
  for (const m of t.matchAll(/(?<!\d)(?:\+?86[\s-]?)?(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})(?!\d)/gu))
    push(out, 'phone', `${m[1]}${m[2]}${m[3]}`, m);
  const lower = t.toLowerCase();
  // A pattern can only match where its synonym occurs: the substring test skips most of the 71 scans.
  for (const [synonym, re, id] of SERVICE_PATTERNS)
    if (lower.includes(synonym)) for (const m of lower.matchAll(re)) push(out, 'service', id, m);
  const count =
    /(?<![a-z\d.])(\d{1,5}|[一二两三四五六七八九十]|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred)\b)\s*(?:个|份|套|张|人|位|more\s+|additional\s+|extra\s+|new\s+)?\s*(?:个)?\s*(license|licence|seat|user|account|账号|许可证?|授权|席位|用户)?/giu;
  for (const m of t.matchAll(count)) {
    const [, num, unit] = m;
    const isCounted = unit !== undefined || /[个份套张位]/u.test(m[0]) || /more|additional|extra/i.test(m[0]);
    if (!isCounted || out.some((e) => m.index! < e.end && m.index! + m[0].length > e.start)) continue;
    const value = /^\d+$/.test(num!) ? Number(num) : (CN_DIGITS[num!] ?? EN_NUMBERS[num!.toLowerCase()]);
    if (value !== undefined && value > 0) push(out, 'licenseCount', String(value), m);
  }
  return out.sort((a, b) => a.start - b.start);
}
