/** Intent labels shared by the embedded recognizer, CLU and the router (see DESIGN.md). */
export const INTENTS = [
  'account_setup',
  'billing',
  'subscription',
  'howto_faq',
  'service_health',
  'escalate_human',
  'report_problem',
  'ticket_status',
  'greeting',
  'thanks',
  'goodbye',
  'help',
  'out_of_scope',
] as const;

export type Intent = (typeof INTENTS)[number];

export function isIntent(value: unknown): value is Intent {
  return typeof value === 'string' && (INTENTS as readonly string[]).includes(value);
}
