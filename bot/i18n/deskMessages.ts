import { deskEn } from './deskEn.js';
import { deskZhCN } from './deskZhCN.js';
import type { Locale } from './locale.js';

/**
 * What the agent desk says: to the customer (in their language), and to the reseller's agents in the desk
 * (both languages, the desk's first). Names and message text arrive already made literal by the caller.
 */
export interface DeskMessages {
  // To the customer.
  /** The desk has the request and people are at work: a person joins here. */
  handedOver(ticketId: string, team: string): string;
  /** No desk is set up: the request waits as a ticket; says truthfully when and how the team replies. */
  ticketOnly(ticketId: string, team: string, nextOpen: string | undefined): string;
  agentJoined(agent: string, team: string): string;
  agentSays(agent: string, text: string): string;
  queued(ticketId: string): string;
  resolved(agent: string, ticketId: string): string;
  backToBot(agent: string, ticketId: string): string;
  endedByCustomer(ticketId: string): string;
  /** A desk command or a desk card's button used outside the desk. */
  deskOnly: string;
  csatTitle: string;
  csatPrompt(ticketId: string): string;
  csatScale: readonly [string, string, string, string, string];
  csatCommentLabel: string;
  csatThanks: string;
  /** "the support team" or "Contoso's support team". */
  team(reseller: string | undefined): string;
  agentFallback: string;

  // To the desk.
  registered: string;
  registrationRefused: string;
  notAgent: string;
  channelOnly: string;
  tokenRefused: string;
  tokenOff: string;
  deskOff: string;
  help: string;
  cardTitle: string;
  factTicket: string;
  factCustomer: string;
  factCompany: string;
  factContact: string;
  factLanguage: string;
  factChannel: string;
  factHours: string;
  factHealth: string;
  factStatus: string;
  asked: string;
  topic: string;
  lastMessages: string;
  fullSummary: string;
  notIdentified: string;
  notGiven: string;
  inHours: string;
  outOfHours(next: string | undefined): string;
  languageName(locale: Locale): string;
  channelName(channelId: string): string;
  statusWaiting: string;
  statusQueued: string;
  statusTaken(agent: string): string;
  statusResolved(agent: string): string;
  statusBack(agent: string): string;
  statusCustomerEnded: string;
  statusClosed: string;
  customerLine: string;
  botLine: string;
  take: string;
  resolve: string;
  back: string;
  escalate: string;
  taken(ticketId: string, agent: string): string;
  alreadyTaken(ticketId: string, agent: string): string;
  ended(ticketId: string): string;
  unknownTicket(ticketId: string): string;
  customerSays(ticketId: string, customer: string, text: string): string;
  customerEnded(ticketId: string): string;
  resolvedBy(ticketId: string, agent: string): string;
  backBy(ticketId: string, agent: string): string;
  escalated(ticketId: string, serviceRequestId: string): string;
  escalateFailed(ticketId: string, reason: string): string;
  reminder(ticketId: string, minutes: number): string;
  queueEmpty: string;
  queueHeading(count: number): string;
  queueLine(ticketId: string, minutes: number, language: string, who: string, status: string): string;
  notDelivered(ticketId: string): string;
  csatReceived(ticketId: string, rating: number): string;
  attachment(name: string, url: string): string;
}

const CATALOG: Readonly<Record<Locale, DeskMessages>> = { 'zh-CN': deskZhCN, en: deskEn };

export function deskMessages(locale: Locale): DeskMessages {
  return CATALOG[locale];
}

/** A desk notice in both languages, `first` on top: the desk's agents may read either. */
export function bothLanguages(first: Locale, pick: (m: DeskMessages) => string): string {
  const second: Locale = first === 'zh-CN' ? 'en' : 'zh-CN';
  return `${pick(CATALOG[first])}\n\n${pick(CATALOG[second])}`;
}

/** A button or label as the issue names them, English first: "Take / 接手". */
export function pairLabel(pick: (m: DeskMessages) => string): string {
  return `${pick(deskEn)} / ${pick(deskZhCN)}`;
}
