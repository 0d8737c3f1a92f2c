import { CardFactory, type Attachment } from 'botbuilder';
import { formatOpening } from '../escalation/supportHours.js';
import type { TranscriptLine } from '../handoff/transcript.js';
import { deskMessages, pairLabel, type DeskMessages } from '../i18n/deskMessages.js';
import { LOCALES, type Locale } from '../i18n/locale.js';
import { messages } from '../i18n/messages.js';
import { isIntent } from '../nlu/intents.js';
import { literalForCard } from '../text/literal.js';
import type { Ticket } from '../tickets/types.js';
import type { DeskHandoff } from './deskHandoffs.js';
import type { DeskAgent } from './deskRegistry.js';

/** The buttons' data: the bot routes on these ids, never on the buttons' text. */
export type DeskAction = 'take' | 'resolve' | 'back' | 'escalate';
export const DESK_ACTIONS: readonly DeskAction[] = ['take', 'resolve', 'back', 'escalate'];
export interface DeskActionData {
  readonly deskAction: DeskAction;
  readonly ticketId: string;
}

/** Lines of the conversation on the card, each cut short: the whole transcript is in the ticket's summary. */
const LAST_LINES = 6;
const LINE_CHARS = 300;
/** Each language's summary behind the button, so the card stays well under Teams' 28 KB; the ticket keeps all of it. */
const SUMMARY_CHARS = 2000;

const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);
export const agentName = (m: DeskMessages, agent: DeskAgent | undefined) => agent?.name ?? m.agentFallback;

/** The handoff's state as the desk reads it. */
export function statusText(m: DeskMessages, h: DeskHandoff): string {
  if (h.state === 'waiting') return h.queuedAt ? m.statusQueued : m.statusWaiting;
  if (h.state === 'taken') return m.statusTaken(agentName(m, h.takenBy));
  if (h.end === 'resolved') return m.statusResolved(agentName(m, h.endedBy));
  if (h.end === 'back') return m.statusBack(agentName(m, h.endedBy));
  return h.end === 'customer' ? m.statusCustomerEnded : m.statusClosed;
}

export interface DeskCardView {
  readonly ticket: Ticket;
  readonly handoff: DeskHandoff;
  /** The directory company of an identified customer. */
  readonly company?: string;
  /** The desk's first language. */
  readonly first: Locale;
  readonly timeZone?: string;
}

/**
 * The handoff card (Adaptive Card 1.5) in both languages: who asks, in which language and channel, whether
 * it is within support hours, service health, the question and its topic, the last messages, the full
 * bilingual summary behind a button, and the actions the handoff's state allows. Customer text is literal.
 */
export function deskCard(view: DeskCardView): Attachment {
  const { ticket, handoff: h } = view;
  const langs: Locale[] = view.first === 'zh-CN' ? ['zh-CN', 'en'] : ['en', 'zh-CN'];
  const both = (pick: (m: DeskMessages) => string) => [...new Set(langs.map((l) => pick(deskMessages(l))))].join(' / ');
  const d = ticket.details;
  const name = str(d.contactName) ?? h.customer.name;
  const contact = str(d.contactEmail) ?? str(d.contactPhone);
  const company = view.company;
  const next = h.nextOpen ? (l: Locale) => formatOpening(new Date(h.nextOpen!), l, view.timeZone) : () => undefined;
  const intent = isIntent(d.intent) ? d.intent : undefined;
  const transcript = (Array.isArray(d.transcript) ? (d.transcript as TranscriptLine[]) : []).slice(-LAST_LINES);
  const m1 = deskMessages(langs[0]!);
  const fact = (pick: (m: DeskMessages) => string, value: string) => ({ title: both(pick), value });
  const facts = [
    fact((m) => m.factTicket, ticket.id),
    fact((m) => m.factCustomer, name ? literalForCard(name) : both((m) => m.notIdentified)),
    fact((m) => m.factCompany, company ? literalForCard(company) : both((m) => m.notIdentified)),
    fact((m) => m.factContact, contact ? literalForCard(contact) : both((m) => m.notGiven)),
    fact(
      (m) => m.factLanguage,
      both((m) => m.languageName(ticket.locale)),
    ),
    fact(
      (m) => m.factChannel,
      both((m) => m.channelName(String(d.channel ?? h.customer.reference.channelId ?? ''))),
    ),
    fact((m) => m.factHours, h.outOfHours ? langs.map((l) => deskMessages(l).outOfHours(next(l))).join(' / ') : both((m) => m.inHours)),
    fact((m) => m.factHealth, langs.map((l) => literalForCard(h.health[l])).join(' / ')),
    fact(
      (m) => m.factStatus,
      both((m) => statusText(m, h)),
    ),
  ];
  const actions =
    h.state === 'ended'
      ? []
      : DESK_ACTIONS.filter((a) => (a !== 'take' || h.state === 'waiting') && (a !== 'escalate' || !ticket.links?.escalatedTo));
  const summary = {
    type: 'Action.ShowCard',
    title: pairLabel((m) => m.fullSummary),
    card: {
      type: 'AdaptiveCard',
      body: LOCALES.map((l, i) => ({
        type: 'TextBlock',
        text: literalForCard(clip(ticket.summary[l], SUMMARY_CHARS)),
        wrap: true,
        separator: i > 0,
      })),
    },
  };
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: `${both((m) => m.cardTitle)} · ${ticket.id}`, weight: 'Bolder', size: 'Medium', wrap: true },
      ...(h.outOfHours
        ? [{ type: 'TextBlock', text: langs.map((l) => deskMessages(l).outOfHours(next(l))).join(' / '), color: 'Attention', wrap: true }]
        : []),
      { type: 'FactSet', facts },
      { type: 'TextBlock', text: both((m) => m.asked), weight: 'Bolder', wrap: true, spacing: 'Medium' },
      { type: 'TextBlock', text: literalForCard(clip(String(d.question ?? ''), 1000)), wrap: true },
      ...(intent
        ? [
            {
              type: 'TextBlock',
              text: `${both((m) => m.topic)}: ${langs.map((l) => messages(l).intentNames[intent]).join(' / ')}`,
              wrap: true,
              isSubtle: true,
            },
          ]
        : []),
      ...(transcript.length > 0
        ? [
            { type: 'TextBlock', text: both((m) => m.lastMessages), weight: 'Bolder', wrap: true, spacing: 'Medium' },
            ...transcript.map((l) => ({
              type: 'TextBlock',
              text: `${l.role === 'user' ? m1.customerLine : m1.botLine}: ${literalForCard(clip(l.text, LINE_CHARS))}`,
              wrap: true,
              spacing: 'Small',
            })),
          ]
        : []),
    ],
    actions: [
      ...actions.map((a) => ({
        type: 'Action.Submit',
        title: pairLabel((m) => m[a]),
        data: { deskAction: a, ticketId: ticket.id } satisfies DeskActionData,
      })),
      summary,
    ],
  });
}

/** A desk button's data, or undefined for anything else in `value`. */
export function deskActionOf(value: unknown): DeskActionData | undefined {
  const v = value as { deskAction?: unknown; ticketId?: unknown } | undefined;
  if (typeof v?.ticketId !== 'string' || !(DESK_ACTIONS as readonly unknown[]).includes(v.deskAction)) return undefined;
  return { deskAction: v.deskAction as DeskAction, ticketId: v.ticketId };
}
