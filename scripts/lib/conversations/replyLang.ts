import { detectLang } from '../../../bot/nlu/detectLang.js';
import type { Lang } from '../../../bot/nlu/types.js';

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/gu;
const LATIN_WORD = /[a-z]{2,}/giu;
/** Addresses, domains, ticket ids and GUIDs are the same in both languages. */
const IDENTIFIERS = /\S+@\S+|https?:\/\/\S+|\b[\w-]+(?:\.[\w-]+)+\b|\bT-\d+\b|\b[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}\b/giu;

/**
 * The language a reply is written in, or undefined when it has no words (a ticket id, an emoji).
 * `literals` are data shown as they are (company and contact names, incident titles, what the customer
 * typed): they say nothing about the reply's language and are removed first. detectLang calls any Han
 * character Chinese; an English reply may still quote a Chinese example ("say 转人工 / agent"), so a
 * reply with both scripts is Chinese only when its Han characters outnumber its Latin words.
 */
export function replyLang(text: string, literals: readonly string[] = []): Lang | undefined {
  let rest = text;
  for (const l of [...literals].sort((a, b) => b.length - a.length)) if (l.trim().length > 1) rest = rest.split(l).join(' ');
  rest = rest.replace(IDENTIFIERS, ' ');
  const han = rest.match(HAN)?.length ?? 0;
  const words = rest.match(LATIN_WORD)?.length ?? 0;
  if (han === 0 && words === 0) return undefined;
  if (detectLang(rest) === 'en') return 'en';
  return han >= words ? 'zh' : 'en';
}
