import { TurnContext, type Middleware } from 'botbuilder';
import { bothLanguages, deskMessages, type DeskMessages } from '../i18n/deskMessages.js';
import { normalizeLocale, type Locale } from '../i18n/locale.js';
import { detectLocale } from '../languagePreference.js';
import { messageText } from '../messageText.js';
import { turnLocale } from '../turnLocale.js';
import { csatAnswerOf } from './csatCard.js';
import { teamsRefusal, tokensMatch } from './deskAccess.js';
import { act, queue, reply, type AgentTurn } from './deskAgent.js';
import { deskActionOf } from './deskCard.js';
import { rate } from './deskCustomer.js';
import type { DeskParts } from './deskParts.js';
import { deskTokenCommand, isDeskRegistration, isQueueCommand, ticketAddressed } from './deskPhrases.js';
import { agentOf, baseConversationId, DeskRegistry, threadRootOf, type DeskRegistration } from './deskRegistry.js';

/**
 * The desk's side of every message turn, before anything else reads it. In the registered desk
 * conversation, from an allowed agent: card buttons, /queue, `T-1001 …` and thread replies; the desk's
 * turns never reach the bot's dialogs. Elsewhere: registering a desk (the Teams phrase, or /desk with the
 * token), and the survey's answers; any other desk command or desk button is refused, so a customer can
 * neither act on the desk nor post into it.
 */
export class DeskCommands implements Middleware {
  constructor(private readonly parts: DeskParts) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const a = context.activity;
    if (a.type !== 'message') return next();
    const text = messageText(a);
    const token = deskTokenCommand(text);
    const registering = isDeskRegistration(text) || token !== undefined;
    if (this.parts.config.mode === 'hub') return registering ? this.reply(context, (m) => m.deskOff) : next();
    const desk = await this.parts.registry.current();
    if (DeskRegistry.isDesk(a, desk)) return this.inDesk(context, desk, text, token);
    if (registering)
      return a.channelId === 'msteams' && token === undefined ? this.registerTeams(context, text) : this.registerLocal(context, token);
    const csat = csatAnswerOf(a.value);
    if (csat) return rate(this.parts, context, csat);
    if (isQueueCommand(text) || deskActionOf(a.value)) {
      this.parts.logger.warn('desk_refused', { what: 'command', channel: a.channelId, conversation: a.conversation?.id });
      await context.sendActivity(deskMessages(turnLocale(context)).deskOnly);
      return;
    }
    return next();
  }

  private async inDesk(context: TurnContext, desk: DeskRegistration, text: string, token: string | undefined): Promise<void> {
    const a = context.activity;
    const refusal = desk.channelId === 'msteams' ? teamsRefusal(a, this.parts.config) : undefined;
    if (refusal) {
      this.parts.logger.warn('desk_refused', { what: 'agent', reason: refusal, conversation: a.conversation?.id });
      return this.reply(context, (m) => (refusal === 'agent' ? m.notAgent : m.registrationRefused), desk.locale);
    }
    const turn: AgentTurn = { context, desk, agent: agentOf(a) };
    const action = deskActionOf(a.value);
    if (action) return act(this.parts, turn, action.deskAction, action.ticketId);
    if (isQueueCommand(text)) return queue(this.parts, turn);
    if (token !== undefined) return this.registerLocal(context, token);
    if (isDeskRegistration(text)) return this.registerTeams(context, text);
    const hasFiles = (a.attachments?.length ?? 0) > 0;
    const addressed = ticketAddressed(text);
    if (addressed && (addressed.text !== '' || hasFiles)) return reply(this.parts, turn, addressed.ticketId, addressed.text);
    const root = threadRootOf(a.conversation?.id) ?? a.replyToId;
    const ticketId = root ? await this.parts.handoffs.ticketOfCard(root) : undefined;
    if (ticketId && (text !== '' || hasFiles)) return reply(this.parts, turn, ticketId, text);
    return this.reply(context, (m) => m.help, desk.locale);
  }

  /** `@bot use this channel as the support desk`: a channel of the reseller's own tenant, by an allowed agent. */
  private async registerTeams(context: TurnContext, text: string): Promise<void> {
    const a = context.activity;
    const locale = detectLocale(text) ?? normalizeLocale(a.locale) ?? 'zh-CN';
    if (a.channelId !== 'msteams') return this.reply(context, (m) => m.registrationRefused, locale);
    const refusal = teamsRefusal(a, this.parts.config);
    if (refusal) {
      this.parts.logger.warn('desk_refused', { what: 'register', reason: refusal, conversation: a.conversation?.id });
      return this.reply(context, (m) => (refusal === 'agent' ? m.notAgent : m.registrationRefused), locale);
    }
    if (a.conversation?.conversationType !== 'channel') return this.reply(context, (m) => m.channelOnly, locale);
    const tenantId = a.channelData?.tenant?.id ?? a.conversation.tenantId;
    await this.register(context, locale, typeof tenantId === 'string' ? tenantId.toLowerCase() : undefined);
  }

  /** `/desk <token>` in the Emulator or local Web Chat (or any non-Teams chat), with DESK_TOKEN set. */
  private async registerLocal(context: TurnContext, token: string | undefined): Promise<void> {
    const a = context.activity;
    const locale = normalizeLocale(a.locale) ?? 'zh-CN';
    const expected = this.parts.config.token;
    if (a.channelId === 'msteams') return this.reply(context, (m) => m.registrationRefused, locale);
    if (!expected) return this.reply(context, (m) => m.tokenOff, locale);
    if (!token || !tokensMatch(token, expected)) {
      this.parts.logger.warn('desk_refused', { what: 'token', channel: a.channelId, conversation: a.conversation?.id });
      return this.reply(context, (m) => m.tokenRefused, locale);
    }
    await this.register(context, locale, undefined);
  }

  private async register(context: TurnContext, locale: Locale, tenantId: string | undefined): Promise<void> {
    const a = context.activity;
    const reference = TurnContext.getConversationReference(a);
    const conversationId = baseConversationId(a.conversation?.id);
    await this.parts.registry.register({
      channelId: a.channelId,
      conversationId,
      reference: { ...reference, conversation: { ...reference.conversation!, id: conversationId } },
      ...(tenantId && { tenantId }),
      locale,
      registeredBy: agentOf(a),
      registeredAt: this.parts.now().toISOString(),
    });
    this.parts.logger.info('desk_registered', { channel: a.channelId, conversation: conversationId });
    await this.reply(context, (m) => m.registered, locale);
  }

  private async reply(context: TurnContext, pick: (m: DeskMessages) => string, locale?: Locale): Promise<void> {
    await context.sendActivity(bothLanguages(locale ?? turnLocale(context), pick));
  }
}
