import type { Reseller } from '../directory/types.js';
import type { ReportField, ServiceRequestDraft, Severity } from '../escalation/serviceRequest.js';
import type { Ticket, TicketStatus } from '../tickets/types.js';
import type { Locale } from './locale.js';
import type { HandoffSummary } from '../handoff/transcript.js';

export interface HandoffMessages {
  askName: string;
  nameHint: string;
  askContact: string;
  /** Why we ask for a contact, and the names of the answers in a correction. */
  contactHelp: string;
  nameLabel: string;
  contactLabel: string;
  questionLabel: string;
  contactHint: string;
  askQuestion: string;
  questionHint: string;
  /** During support hours, or when the reseller's hours are unknown. */
  handedOver(ticketId: string, reseller: Reseller | undefined): string;
  handedOverAfterHours(ticketId: string, reseller: Reseller, nextOpen: string): string;
  accepted: string;
  completed(ticketId: string): string;
  failed(ticketId: string, reseller: Reseller | undefined): string;
  ticketTitle(question: string): string;
  ticketSummary(s: HandoffSummary): string;
  healthUnknown: string;
  notGiven: string;
}

export interface ReportMessages {
  intro: string;
  askService: string;
  serviceHint: string;
  otherService: string;
  /** Names for the service ids of bot/nlu/serviceNames.ts. */
  serviceName(id: string): string;
  askSeverity: string;
  severityNames: Readonly<Record<Severity, string>>;
  severityHint: string;
  askTitle: string;
  titleHint: string;
  askDescription: string;
  descriptionHint: string;
  askStartedAt: string;
  startedAtHint: string;
  askCorrelationId: string;
  correlationIdHint: string;
  askSubscriptionId: string;
  subscriptionIdHint: string;
  skip: string;
  askContactName: string;
  contactNameHint: string;
  askEmail: string;
  emailHint: string;
  askPhone: string;
  phoneHint: string;
  languageName(locale: Locale): string;
  /** What each question means or why we ask, for "what's a correlation id?" at that question. */
  fieldHelp: Readonly<Record<ReportField, string>>;
  /** How each answer is named in "I've changed the … to …". */
  fieldLabels: Readonly<Record<ReportField, string>>;
  confirm(d: ServiceRequestDraft): string;
  declined: string;
  submitted(ticketId: string, partnerCenterId: string): string;
  queued(ticketId: string): string;
  manual(ticketId: string, reseller: Reseller | undefined): string;
  rejected(ticketId: string, reseller: Reseller | undefined): string;
  /** Proactive messages when a queued request goes through, or is refused, later. */
  laterSubmitted(ticketId: string, partnerCenterId: string): string;
  laterFailed(ticketId: string, reseller: Reseller | undefined): string;
  ticketSummary(d: ServiceRequestDraft): string;
}

export interface TicketStatusMessages {
  statusNames: Readonly<Record<TicketStatus, string>>;
  list(tickets: readonly Ticket[]): string;
  none: string;
  notFound(id: string): string;
  detail(ticket: Ticket): string;
  /**
   * "How long will it take?" about a ticket still with the team: when the team works, the next opening
   * when it is closed now, and that the customer hears here of each change.
   */
  whatNext(ticket: Ticket, reseller: Reseller, nextOpen: string | undefined): string;
  /** Proactive message after the reseller changed a ticket's status. */
  changed(ticket: Ticket, note: string | undefined): string;
}

/** Strings of the handoff, report-a-problem and ticket status dialogs. */
export interface EscalationMessages {
  readonly handoff: HandoffMessages;
  readonly report: ReportMessages;
  readonly status: TicketStatusMessages;
}
