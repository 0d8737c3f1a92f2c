import { LOCALES } from '../../../bot/i18n/locale.js';
import { messages, type Messages } from '../../../bot/i18n/messages.js';
import type { Reply } from './replies.js';

/** Why a reply leaves the customer stuck. */
export type DeadEnd = 'fallback' | 'yes-no' | 'buttons' | 'empty';

/**
 * The bot's own dead-end sentences, taken from the catalogs so that rewording them does not blind the check:
 * not understood (or nothing found), "please answer yes or no", and "please pick one of the buttons".
 * Hints for a malformed value (a domain, a mobile number) are not dead ends: they say what a good answer is.
 */
const KINDS: ReadonlyArray<readonly [DeadEnd, (m: Messages) => readonly string[]]> = [
  ['fallback', (m) => [m.outOfScope, m.offerHandoff, m.notYet, m.customer.giveUp, m.faq.noAnswer]],
  ['yes-no', (m) => [m.yesNoHint]],
  [
    'buttons',
    (m) => [
      m.customer.setup.taskHint,
      m.customer.subscription.changeHint,
      m.escalation.report.serviceHint,
      m.escalation.report.severityHint,
      m.health.checkHint,
    ],
  ],
];

const normal = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim();

const SENTENCES: ReadonlyArray<readonly [DeadEnd, string]> = KINDS.flatMap(([kind, pick]) =>
  LOCALES.flatMap((l) => pick(messages(l)).map((s) => [kind, normal(s)] as const)),
);

/** The first dead end among a turn's replies, or undefined when the customer got somewhere. */
export function deadEndOf(replies: readonly Reply[]): { kind: DeadEnd; sentence?: string } | undefined {
  if (replies.length === 0 || replies.every((r) => r.text.trim() === '')) return { kind: 'empty' };
  for (const reply of replies) {
    const text = normal(reply.text);
    const hit = SENTENCES.find(([, s]) => text.includes(s));
    if (hit) return { kind: hit[0], sentence: hit[1] };
  }
  return undefined;
}
