import { extractEntities } from '../nlu/entities.js';
import { SERVICE_NAMES } from '../nlu/serviceNames.js';
import type { Severity } from './serviceRequest.js';

/** Parsers for the report-a-problem answers. Each returns the normalised value or undefined. */

const clean = (text: string) => text.normalize('NFKC').trim();
const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

export function parseGuid(text: string): string | undefined {
  return GUID.exec(clean(text))?.[0].toLowerCase();
}

export function parseSeverity(text: string): Severity | undefined {
  const t = clean(text).toLowerCase();
  // "B", "B 级 – 高", 「那就 B 吧」, "severity b please": a lone letter A, B or C anywhere.
  const letter = /(?:^|[^a-z])([abc])(?:\s*级|[^a-z]|$)/i.exec(t)?.[1];
  if (letter) return letter.toUpperCase() as Severity;
  // 「不算特别急，还能凑合用」, "not that urgent": said not to be pressing.
  if (
    /不(?:算|是|太|怎么|很)?(?:特别|很|太|那么|非常)?(?:急|紧急|严重)|not (?:that |very |too |really |super )?(?:urgent|critical|serious)|凑合|还能用|no rush/.test(
      t,
    )
  )
    return 'C';
  if (/critical|urgent|down|outage|严重|紧急|特别急|非常急|停摆|全部|都用不了|业务停/.test(t)) return 'A';
  // 「挺急的，生产环境的机器」: pressing, and a production system, but not said to be down.
  // "medium i guess, some people can still work": between the two, and not everyone is stopped.
  if (
    /high|major|important|pressing|production|\bprod\b|medium|moderate|\bmid\b|some (?:people|users|ppl) can|高|重要|较大|急|生产|中等|中级|部分(?:人|用户)/.test(
      t,
    )
  )
    return 'B';
  if (/low|minor|question|低|一般|轻微|咨询/.test(t)) return 'C';
  return undefined;
}

/** A service id from a button title, a service name in the text, or 'other'. */
export function parseService(text: string, title: (id: string) => string[], otherTitles: readonly string[]): string | undefined {
  const t = clean(text).toLowerCase();
  if (otherTitles.some((o) => o.toLowerCase() === t) || /^(?:other|something else|其他|其它)/.test(t)) return 'other';
  const byTitle = Object.keys(SERVICE_NAMES).find((id) => title(id).some((x) => x.toLowerCase() === t));
  return byTitle ?? extractEntities(clean(text)).find((e) => e.type === 'service')?.value;
}

/** Length as people read it: a Chinese character says about as much as two Latin letters. */
function weight(t: string): number {
  return [...t].reduce((n, c) => n + (/\p{Script=Han}/u.test(c) ? 2 : 1), 0);
}

export function parseTitle(text: string): string | undefined {
  const t = clean(text).replace(/\s+/g, ' ');
  return weight(t) >= 5 && t.length <= 120 ? t : undefined;
}

export function parseDescription(text: string): string | undefined {
  const t = clean(text);
  return weight(t) >= 20 && t.length <= 4000 ? t : undefined;
}

/** A mainland mobile, or a landline / service number (010-12345678, 0755 1234 5678, 400-820-1234). */
export function parsePhone(text: string): string | undefined {
  const d = clean(text)
    .replace(/[\s()（）]/g, '')
    .replace(/^(?:\+86|0086)-?/, '');
  if (/^1[3-9]\d{9}$/.test(d.replace(/-/g, ''))) return d.replace(/-/g, '');
  if (/^0\d{2,3}-?\d{7,8}$/.test(d) || /^[48]00-?\d{3}-?\d{4}$/.test(d)) return d;
  return undefined;
}

export const SKIP_WORDS = /^(?:skip|no|none|n\/a|don'?t know|not sure|跳过|没有|无|不知道|不清楚|略过)$/i;
