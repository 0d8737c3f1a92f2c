import {
  ActivityHandler,
  type ConversationState,
  type InvokeResponse,
  type StatePropertyAccessor,
  type TurnContext,
  type UserState,
} from 'botbuilder';
import { runDialog, type Dialog, type DialogState } from 'botbuilder-dialogs';
import { welcomeCard } from './cards/welcomeCard.js';
import { messages } from './i18n/messages.js';
import { normalizeLocale } from './i18n/locale.js';
import { resolveLocale, type LanguageState } from './languagePreference.js';
import { messageText } from './messageText.js';
import { understood, UNDERSTOOD_CHARS } from './text/understood.js';
import { setTurnLocale } from './turnLocale.js';
import type { Logger } from './log.js';

/** The activity handler: welcome, language, then the main dialog; state is saved at the end of every turn. */
export class SupportBot extends ActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly language: StatePropertyAccessor<LanguageState>;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
    private readonly dialog: Dialog,
    private readonly logger: Logger,
  ) {
    super();
    this.dialogState = conversationState.createProperty<DialogState>('dialogState');
    this.language = userState.createProperty<LanguageState>('language');

    this.onMembersAdded(async (context, next) => {
      const first = normalizeLocale(context.activity.locale) ?? 'zh-CN';
      const added = context.activity.membersAdded ?? [];
      const isBot = (member: { id: string }) => member.id === context.activity.recipient?.id;
      // Teams announces the bot when the app is installed (personal, group chat or team) and every later
      // joiner of a team or chat: greet the install, not each new colleague. Elsewhere greet the users
      // added, once per activity however many it lists (one card serves them all).
      const greet = context.activity.channelId === 'msteams' ? added.some(isBot) : added.some((m) => !isBot(m));
      if (greet) await context.sendActivity({ attachments: [welcomeCard(first)] });
      await next();
    });

    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
  }

  /** Invokes we do not implement are acknowledged; a 501 shows up in Teams as an error to the user. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const response = await super.onInvokeActivity(context);
    return response.status === 501 ? { status: 200 } : response;
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    // Both stores at once: the turn waits for one round of writes, not two.
    await Promise.all([this.conversationState.saveChanges(context, false), this.userState.saveChanges(context, false)]);
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const text = messageText(context.activity);
    const stored = await this.language.get(context, {});
    const answering = ((await this.dialogState.get(context))?.dialogStack.length ?? 0) > 0;
    const { locale, state, switched } = resolveLocale(stored, text, normalizeLocale(context.activity.locale), answering);
    await this.language.set(context, state);
    setTurnLocale(context, locale);
    const m = messages(locale);
    this.logger.info('turn', { conversation: context.activity.conversation?.id, channel: context.activity.channelId, locale });

    if (switched) {
      await context.sendActivity(m.languageSwitched);
      return;
    }
    if (text === '') {
      await context.sendActivity((context.activity.attachments?.length ?? 0) > 0 ? m.nonTextMessage : m.emptyMessage);
      return;
    }
    if (text.length > UNDERSTOOD_CHARS) await context.sendActivity(m.onlyBeginningRead(UNDERSTOOD_CHARS));
    // Dialogs read activity.text; card clicks arrive as value only.
    context.activity.text = understood(text);
    await runDialog(this.dialog, context, this.dialogState);
  }
}
