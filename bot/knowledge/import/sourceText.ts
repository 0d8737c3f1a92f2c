import { parse } from 'yaml';
import type { Article } from '../article.js';
import { detectLang } from '../../nlu/detectLang.js';

type Locale = Article['locale'];

/** A problem with an input file, where it is: the import reports every one and writes nothing. */
export interface SourceProblem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

/** Front matter and the text after it; `bodyLine` is the file line the body starts on. */
export function splitFrontMatter(
  text: string,
  file: string,
): { front: Record<string, unknown>; body: string; bodyLine: number; problem?: SourceProblem } {
  const clean = text.replace(/^\uFEFF/, '');
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(clean);
  if (!match) return { front: {}, body: clean, bodyLine: 1 };
  const bodyLine = match[0].split('\n').length;
  try {
    const front = parse(match[1]!) as unknown;
    return {
      front: front && typeof front === 'object' ? (front as Record<string, unknown>) : {},
      body: clean.slice(match[0].length),
      bodyLine,
    };
  } catch (err) {
    const line = (err as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line ?? 1;
    return {
      front: {},
      body: clean.slice(match[0].length),
      bodyLine,
      problem: { file, line: line + 1, message: `front matter is not valid YAML: ${(err as Error).message.split('\n')[0]}` },
    };
  }
}

/** zh-CN or en from a locale or language name as sources write it ("zh-cn", "en-us", "中文", "English"); undefined otherwise. */
export function localeOf(value: unknown): Locale | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  if (/^(zh|cn|chs|chinese|简体中文|中文|汉语|简体)([-_].*)?$/.test(v)) return 'zh-CN';
  if (/^(en|eng|english|英文|英语)([-_].*)?$/.test(v)) return 'en';
  return undefined;
}

/** The language most of a text's lines are in, by the recognizer's own test (bot/nlu/detectLang), code left out. */
export function detectLocale(text: string): Locale {
  let zh = 0;
  let en = 0;
  let fence = false;
  for (const line of text.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    if (fence || !/\p{L}{2}/u.test(line)) continue;
    if (detectLang(line) === 'zh') zh++;
    else en++;
  }
  return zh >= en && zh > 0 ? 'zh-CN' : 'en';
}

/** A date as YYYY-MM-DD from ms.date's MM/DD/YYYY, an ISO date, or a YAML date; null when there is none. */
export function dateOf(value: unknown): string | null {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return null;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value.trim());
  if (us) return `${us[3]}-${us[1]!.padStart(2, '0')}-${us[2]!.padStart(2, '0')}`;
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(value.trim());
  return iso ? iso[1]! : null;
}

/** The first string among `keys` in front matter. */
export function frontString(front: Record<string, unknown>, ...keys: string[]): string {
  for (const k of keys) {
    const v = front[k];
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
  }
  return '';
}
