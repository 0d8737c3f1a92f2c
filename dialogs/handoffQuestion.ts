import { detectInterruption } from '../bot/interruption.js';
import type { TranscriptLine } from '../bot/handoff/transcript.js';
import { LOCALES } from '../bot/i18n/locale.js';
import { messages } from '../bot/i18n/messages.js';
import { extractEntities } from '../bot/nlu/entities.js';
import type { Intent } from '../bot/nlu/intents.js';
import { parseYesNo } from '../bot/yesNo.js';

/** Button titles and commands, which say nothing about what the customer needs. */
const NOISE = new Set(
  LOCALES.flatMap((l) => {
    const m = messages(l);
    return [m.faq.talkToSupport, m.faq.helped, m.faq.notHelped, m.faq.fullArticle, m.noneOfThese, ...Object.values(m.intentNames)];
  }).map((t) => t.toLowerCase()),
);

function substantive(text: string): boolean {
  const t = text.trim();
  return t.length >= 4 && !detectInterruption(t) && parseYesNo(t) === undefined && !NOISE.has(t.toLowerCase());
}

/** A Chinese character says about as much as two Latin letters. */
const weight = (t: string) => [...t].reduce((n, c) => n + (/\p{Script=Han}/u.test(c) ? 2 : 1), 0);

/**
 * What the customer wanted help with: the message that started the handoff when it says more than
 * "I want a person" (it names a service, or is long), else their latest earlier message that does.
 * Undefined: ask them.
 */
export function substantiveQuestion(
  trigger: string,
  triggerIntent: Intent | undefined,
  recent: readonly TranscriptLine[],
): string | undefined {
  const t = trigger.trim();
  const saysMore = extractEntities(t).some((e) => e.type === 'service') || weight(t) >= 40;
  if (triggerIntent !== undefined && substantive(t) && (triggerIntent !== 'escalate_human' || saysMore)) return t;
  const earlier = recent.filter((l) => l.role === 'user').map((l) => l.text);
  // The trigger itself is the last user line; look before it.
  if (earlier.at(-1)?.trim() === trigger.trim()) earlier.pop();
  return earlier.reverse().find(substantive)?.trim();
}
