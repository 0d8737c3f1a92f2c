import type { Locale } from './locale.js';
import type { Intent } from '../nlu/intents.js';
import type { FaqMessages } from './faqMessages.js';
import type { FollowUpMessages } from './followUpMessages.js';
import type { RepairMessages } from './repairMessages.js';
import type { CustomerMessages } from './customerMessages.js';
import type { WebChatPageMessages } from './webChatPageMessages.js';
import type { HealthMessages } from './healthMessages.js';
import type { TeamsMessages } from './teamsMessages.js';
import type { EscalationMessages } from './escalationMessages.js';
import type { ReliabilityMessages } from './reliabilityMessages.js';
import { en } from './en.js';
import { zhCN } from './zhCN.js';

/** Everything the bot says. Both locales implement the whole interface, so the compiler keeps them in step. */
export interface Messages {
  readonly welcomeTitle: string;
  readonly welcomeIntro: string;
  readonly capabilities: readonly string[];
  readonly examplesHeading: string;
  readonly examples: readonly string[];
  readonly languageHint: string;
  readonly helpMenu: string;
  readonly notYet: string;
  readonly outOfScope: string;
  readonly greeting: string;
  readonly thanks: string;
  readonly goodbye: string;
  readonly cancelled: string;
  readonly nothingToCancel: string;
  readonly startOver: string;
  readonly languageSwitched: string;
  /** A message longer than the bot reads: it answered from the beginning. */
  readonly onlyBeginningRead: (chars: number) => string;
  readonly emptyMessage: string;
  readonly nonTextMessage: string;
  /** Short names for intents, shown on "did you mean" buttons. */
  readonly intentNames: Readonly<Record<Intent, string>>;
  readonly whichOne: string;
  readonly noneOfThese: string;
  readonly offerHandoff: string;
  readonly handoffDeclined: string;
  readonly followUp: FollowUpMessages;
  readonly repair: RepairMessages;
  readonly faq: FaqMessages;
  readonly customer: CustomerMessages;
  readonly webChatPage: WebChatPageMessages;
  readonly health: HealthMessages;
  readonly teams: TeamsMessages;
  readonly escalation: EscalationMessages;
  readonly reliability: ReliabilityMessages;
  readonly yes: string;
  readonly no: string;
  readonly yesNoHint: string;
  errorApology(referenceId: string): string;
}

const CATALOG: Readonly<Record<Locale, Messages>> = { 'zh-CN': zhCN, en };

export function messages(locale: Locale): Messages {
  return CATALOG[locale];
}
