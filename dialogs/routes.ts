import type { Intent } from '../bot/nlu/intents.js';
import type { Messages } from '../bot/i18n/messages.js';

/** What the main dialog does with an intent: start a child dialog, or answer with one message. */
export type Route = { readonly dialog: string } | { readonly reply: (m: Messages) => string };

const notYet: Route = { reply: (m) => `${m.notYet}\n\n${m.helpMenu}` };

/** The routing table. A child dialog registered for an intent replaces its fallback here. */
export const DEFAULT_ROUTES: Readonly<Record<Intent, Route>> = {
  account_setup: notYet,
  billing: notYet,
  subscription: notYet,
  howto_faq: notYet,
  service_health: notYet,
  escalate_human: notYet,
  report_problem: notYet,
  ticket_status: notYet,
  greeting: { reply: (m) => m.greeting },
  thanks: { reply: (m) => m.thanks },
  goodbye: { reply: (m) => m.goodbye },
  help: { reply: (m) => m.helpMenu },
  out_of_scope: { reply: (m) => `${m.outOfScope}\n\n${m.helpMenu}` },
};
