import type { Activity, TurnContext } from 'botbuilder';
import { BadInputError } from '../errors.js';
import { bothLanguages, deskMessages, type DeskMessages } from '../i18n/deskMessages.js';
import { errorFields } from '../log.js';
import { wasClipped } from '../messageBound.js';
import { literalForMessage } from '../text/literal.js';
import { TRUNCATED_MARK } from '../tickets/cleanText.js';
import { csatCard } from './csatCard.js';
import { agentName, statusText, type DeskAction } from './deskCard.js';
import type { DeskHandoff } from './deskHandoffs.js';
import { relayedText, shownAgent, teamName, type DeskParts } from './deskParts.js';
import type { DeskAgent, DeskRegistration } from './deskRegistry.js';

/** One agent's turn in the desk: who, in which desk. Replies go back to where they wrote (their thread). */
export interface AgentTurn {
  readonly context: TurnContext;
  readonly desk: DeskRegistration;
  readonly agent: DeskAgent;
}

const say = (turn: AgentTurn, pick: (m: DeskMessages) => string) => turn.context.sendActivity(bothLanguages(turn.desk.locale, pick));

/** The handoff, when it was posted to this desk. */
async function handoffOn(parts: DeskParts, turn: AgentTurn, ticketId: string): Promise<DeskHandoff | undefined> {
  const h = await parts.handoffs.get(ticketId);
  if (h && h.desk.channelId === turn.desk.channelId && h.desk.conversationId === turn.desk.conversationId) return h;
  await say(turn, (m) => m.unknownTicket(ticketId));
  return undefined;
}

/** Sends to the customer's chat; tells the desk when that fails. */
async function toCustomer(parts: DeskParts, turn: AgentTurn, h: DeskHandoff, activity: Partial<Activity>): Promise<boolean> {
  try {
    await parts.sender.send(h.customer.reference, activity);
    return true;
  } catch (err) {
    parts.logger.warn('desk_relay_failed', { ticket: h.ticketId, direction: 'to_customer', ...errorFields(err) });
    await say(turn, (m) => m.notDelivered(h.ticketId));
    return false;
  }
}

const note = (parts: DeskParts, h: DeskHandoff, text: string, status?: 'resolved') =>
  parts.tickets
    .update(h.ticketId, { by: 'reseller', note: text, ...(status && { status }) })
    .catch((err: unknown) => parts.logger.warn('desk_ticket_note_failed', { ticket: h.ticketId, ...errorFields(err) }));

/** Take: one agent wins (a conditional write); the customer hears who joined; the card shows it. */
export async function take(parts: DeskParts, turn: AgentTurn, ticketId: string, quiet = false): Promise<DeskHandoff | undefined> {
  const h = await handoffOn(parts, turn, ticketId);
  if (!h) return undefined;
  const { won, handoff } = await parts.handoffs.take(ticketId, turn.agent);
  if (!won || !handoff) {
    if (handoff?.state === 'taken' && handoff.takenBy?.id === turn.agent.id) return handoff;
    await say(turn, (m) => (handoff?.state === 'taken' ? m.alreadyTaken(ticketId, agentName(m, handoff.takenBy)) : m.ended(ticketId)));
    return undefined;
  }
  parts.logger.info('desk_taken', { ticket: ticketId });
  const cm = deskMessages(h.locale);
  await toCustomer(parts, turn, h, { text: cm.agentJoined(shownAgent(cm, turn.agent), teamName(parts, cm)) });
  await parts.board.refresh(handoff);
  if (!quiet) await say(turn, (m) => m.taken(ticketId, agentName(m, turn.agent)));
  await note(parts, h, `Taken in the desk by ${turn.agent.name ?? turn.agent.id}`);
  return handoff;
}

/** Resolve or Back to bot: the relay ends once; after Resolve the customer gets the survey. */
export async function finish(parts: DeskParts, turn: AgentTurn, ticketId: string, how: 'resolved' | 'back'): Promise<void> {
  const h = await handoffOn(parts, turn, ticketId);
  if (!h) return;
  const { won, handoff } = await parts.handoffs.end(ticketId, how, turn.agent);
  if (!won || !handoff) {
    await say(turn, (m) => m.ended(ticketId));
    return;
  }
  parts.logger.info('desk_ended', { ticket: ticketId, by: how });
  const cm = deskMessages(h.locale);
  const agent = shownAgent(cm, turn.agent);
  await note(
    parts,
    h,
    `${how === 'resolved' ? 'Resolved' : 'Handed back to the bot'} in the desk by ${turn.agent.name ?? turn.agent.id}`,
    how === 'resolved' ? 'resolved' : undefined,
  );
  if (how === 'resolved') {
    if (await toCustomer(parts, turn, h, { text: cm.resolved(agent, ticketId) }))
      await toCustomer(parts, turn, h, { attachments: [csatCard(ticketId, h.locale)] });
  } else {
    await toCustomer(parts, turn, h, { text: cm.backToBot(agent, ticketId) });
  }
  await parts.board.refresh(handoff);
  await say(turn, (m) =>
    how === 'resolved' ? m.resolvedBy(ticketId, agentName(m, turn.agent)) : m.backBy(ticketId, agentName(m, turn.agent)),
  );
}

/** Escalate to 21Vianet: a service request as `npm run tickets -- escalate` makes it; the chat goes on. */
export async function escalate(parts: DeskParts, turn: AgentTurn, ticketId: string): Promise<void> {
  const h = await handoffOn(parts, turn, ticketId);
  if (!h) return;
  try {
    const { serviceRequest } = await parts.escalator.escalate(ticketId, {
      note: `Escalated from the desk by ${turn.agent.name ?? turn.agent.id}`,
    });
    parts.logger.info('desk_escalated', { ticket: ticketId, serviceRequest: serviceRequest.id });
    await say(turn, (m) => m.escalated(ticketId, serviceRequest.id));
    await parts.board.refresh((await parts.handoffs.get(ticketId)) ?? h);
  } catch (err) {
    if (!(err instanceof BadInputError)) throw err;
    await say(turn, (m) => m.escalateFailed(ticketId, err.message));
  }
}

/** An agent's message for the customer: only from the agent who has the handoff (a reply to a waiting one takes it). */
export async function reply(parts: DeskParts, turn: AgentTurn, ticketId: string, text: string): Promise<void> {
  let h = await handoffOn(parts, turn, ticketId);
  if (!h) return;
  if (h.state === 'waiting') h = await take(parts, turn, ticketId, true);
  if (!h) return;
  if (h.state === 'ended') {
    await say(turn, (m) => m.ended(ticketId));
    return;
  }
  if (h.takenBy?.id !== turn.agent.id) {
    await say(turn, (m) => m.alreadyTaken(ticketId, agentName(m, h!.takenBy)));
    return;
  }
  const cm = deskMessages(h.locale);
  const body = relayedText(text, turn.context.activity, cm);
  if (body === '') return;
  if (!(await toCustomer(parts, turn, h, { text: cm.agentSays(shownAgent(cm, turn.agent), body) }))) return;
  parts.logger.info('desk_relayed', { ticket: ticketId, direction: 'to_customer' });
  const words = wasClipped(turn.context.activity) ? `${text}${TRUNCATED_MARK}` : text;
  await note(parts, h, `${turn.agent.name ?? turn.agent.id}: ${words}`);
}

/** /queue: the open handoffs, oldest first, with their age, language and state. */
export async function queue(parts: DeskParts, turn: AgentTurn): Promise<void> {
  const open = (await parts.handoffs.open()).filter((h) => h.desk.conversationId === turn.desk.conversationId);
  const now = parts.now().getTime();
  const lines = (m: DeskMessages) =>
    open.length === 0
      ? m.queueEmpty
      : [
          m.queueHeading(open.length),
          ...open.map((h) =>
            m.queueLine(
              h.ticketId,
              Math.max(0, Math.floor((now - Date.parse(h.createdAt)) / 60_000)),
              m.languageName(h.locale),
              h.customer.name ? literalForMessage(h.customer.name) : m.notIdentified,
              statusText(m, h),
            ),
          ),
        ].join('\n');
  await say(turn, lines);
}

export async function act(parts: DeskParts, turn: AgentTurn, action: DeskAction, ticketId: string): Promise<void> {
  if (action === 'take') await take(parts, turn, ticketId);
  else if (action === 'escalate') await escalate(parts, turn, ticketId);
  else await finish(parts, turn, ticketId, action === 'resolve' ? 'resolved' : 'back');
}
