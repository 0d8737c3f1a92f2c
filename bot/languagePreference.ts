import type { Locale } from './i18n/locale.js';
import { isDomain } from './nlu/addresses.js';
import { understood } from './text/understood.js';

/** What the user has told us about their language, kept in user state. */
export interface LanguageState {
  /** Set only by an explicit request ("English please", "请用中文"); it then sticks. */
  chosen?: Locale;
  /** The language of the last message that had letters in it. */
  lastDetected?: Locale;
}

const TO_ENGLISH =
  /^\s*(?:(?:in\s+)?english(?:\s+please)?|(?:please\s+)?(?:speak|reply|answer|talk)\s+(?:to\s+me\s+)?in\s+english(?:\s+please)?|请?(?:用|说|讲)英文(?:回答|回复)?吧?|切换(?:到|成|为)?英文)\s*[.!。！]*\s*$/iu;
const TO_CHINESE =
  /^\s*(?:请?(?:用|说|讲)(?:中文|汉语|普通话)(?:回答|回复)?吧?|切换(?:到|成|为)?中文|中文|(?:in\s+)?chinese(?:\s+please)?|(?:please\s+)?(?:speak|reply|answer|talk)\s+(?:to\s+me\s+)?in\s+chinese(?:\s+please)?)\s*[.!。！]*\s*$/iu;

/** An explicit switch request, or undefined for an ordinary message. */
export function requestedLocale(text: string): Locale | undefined {
  if (TO_ENGLISH.test(text)) return 'en';
  if (TO_CHINESE.test(text)) return 'zh-CN';
  return undefined;
}

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff]/gu;
const LATIN_WORD = /[a-z]{2,}/gi;
// E-mail addresses, URLs, domains, ticket ids and GUIDs say nothing about the language a customer reads;
// nor does a hyphenated name such as a domain prefix ("contoso-sh"), nor a lone option letter ("A"), as a Latin
// word needs two letters. Tested word by word (split on
// white space), so a long unbroken word costs one pass.
const IDENTIFIER = /^(?:https?:\/\/|[^@]*@|T-\d+$|[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}$|[a-z0-9]+(?:-[a-z0-9]+)+$)/iu;

function withoutIdentifiers(text: string): string {
  return text
    .split(/\s+/u)
    .filter((word) => !IDENTIFIER.test(word) && !(word.length <= 256 && isDomain(word.replace(/^\W+|\W+$/gu, ''))))
    .join(' ');
}

interface Evidence {
  readonly locale: Locale | undefined;
  /** A short answer ("yes", "Lei Wang", "王小明", "Contoso 上海 Ltd") that should not flip a conversation's language. */
  readonly weak: boolean;
}

function evidence(message: string): Evidence {
  const text = understood(message);
  const han = text.match(HAN)?.length ?? 0;
  const words = withoutIdentifiers(text).match(LATIN_WORD)?.length ?? 0;
  if (han > 0) return { locale: 'zh-CN', weak: han <= 4 };
  if (words > 0) return { locale: 'en', weak: words <= 2 };
  return { locale: undefined, weak: true };
}

/** Han characters mean Chinese; Latin words mean English; "T-1024", "contoso.cn" or "👍" say nothing. */
export function detectLocale(text: string): Locale | undefined {
  return evidence(text).locale;
}

/** The reply language for this message, and the state to store afterwards. */
export function resolveLocale(
  state: LanguageState,
  text: string,
  channelLocale: Locale | undefined,
  /** The bot asked a question and this message answers it. */
  answering = false,
): { locale: Locale; state: LanguageState; switched: boolean } {
  const requested = requestedLocale(text);
  if (requested) return { locale: requested, state: { ...state, chosen: requested, lastDetected: requested }, switched: true };
  const found = evidence(text);
  // A short answer to the bot's question keeps the conversation's language; a new message decides afresh.
  const detected = answering && found.weak && state.lastDetected ? undefined : found.locale;
  const next = detected ? { ...state, lastDetected: detected } : state;
  const locale = state.chosen ?? detected ?? state.lastDetected ?? channelLocale ?? 'en';
  return { locale, state: next, switched: false };
}
