import type { TurnContext } from 'botbuilder';
import type { Locale } from './i18n/locale.js';
import { normalizeLocale } from './i18n/locale.js';
import { detectLocale } from './languagePreference.js';

const KEY = Symbol('turnLocale');

/** The reply language chosen for this turn; dialogs read it instead of re-detecting. */
export function setTurnLocale(context: TurnContext, locale: Locale): void {
  context.turnState.set(KEY, locale);
}

export function turnLocale(context: TurnContext): Locale {
  const set = context.turnState.get(KEY) as Locale | undefined;
  if (set) return set;
  const text = typeof context.activity?.text === 'string' ? context.activity.text : '';
  return detectLocale(text) ?? normalizeLocale(context.activity?.locale) ?? 'en';
}
