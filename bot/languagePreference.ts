import type { Locale } from './i18n/locale.js';

/** What the user has told us about their language, kept in user state. */
export interface LanguageState {
  /** Set only by an explicit request ("English please", "请用中文"); it then sticks. */
  chosen?: Locale;
  /** The language of the last message that had letters in it. */
  lastDetected?: Locale;
}

const TO_ENGLISH = /^\s*(?:(?:in\s+)?english(?:\s+please)?|(?:please\s+)?(?:speak|reply|answer|talk)\s+(?:to\s+me\s+)?in\s+english(?:\s+please)?|请?(?:用|说|讲)英文(?:回答|回复)?吧?|切换(?:到|成|为)?英文)\s*[.!。！]*\s*$/iu;
const TO_CHINESE = /^\s*(?:请?(?:用|说|讲)(?:中文|汉语|普通话)(?:回答|回复)?吧?|切换(?:到|成|为)?中文|中文|(?:in\s+)?chinese(?:\s+please)?|(?:please\s+)?(?:speak|reply|answer|talk)\s+(?:to\s+me\s+)?in\s+chinese(?:\s+please)?)\s*[.!。！]*\s*$/iu;

/** An explicit switch request, or undefined for an ordinary message. */
export function requestedLocale(text: string): Locale | undefined {
  if (TO_ENGLISH.test(text)) return 'en';
  if (TO_CHINESE.test(text)) return 'zh-CN';
  return undefined;
}

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff]/u;
const LATIN = /[a-z]/i;
// E-mail addresses, URLs, domains, ticket ids and GUIDs say nothing about the language a customer reads.
const IDENTIFIERS = /\S+@\S+|https?:\/\/\S+|\b[\w-]+(?:\.[\w-]+)+\b|\bT-\d+\b|\b[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}\b/giu;
/** A lone option letter ("A", "b.") answers a choice in any language. */
const OPTION_LETTER = /^\s*[a-z]\s*[.!。！]?\s*$/iu;

/** Han characters mean Chinese; Latin words mean English; "T-1024", "contoso.cn" or "👍" keep the last language. */
export function detectLocale(text: string): Locale | undefined {
  if (HAN.test(text)) return 'zh-CN';
  if (OPTION_LETTER.test(text)) return undefined;
  if (LATIN.test(text.replace(IDENTIFIERS, ' '))) return 'en';
  return undefined;
}

/** The reply language for this message, and the state to store afterwards. */
export function resolveLocale(
  state: LanguageState,
  text: string,
  channelLocale: Locale | undefined,
): { locale: Locale; state: LanguageState; switched: boolean } {
  const requested = requestedLocale(text);
  if (requested) return { locale: requested, state: { ...state, chosen: requested, lastDetected: requested }, switched: true };
  const detected = detectLocale(text);
  const next = detected ? { ...state, lastDetected: detected } : state;
  const locale = state.chosen ?? detected ?? state.lastDetected ?? channelLocale ?? 'en';
  return { locale, state: next, switched: false };
}
