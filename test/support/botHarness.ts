import { ConversationState, MemoryStorage, TestAdapter, UserState, type Activity, type Attachment, type Storage } from 'botbuilder';
import type { Dialog } from 'botbuilder-dialogs';
import { MainDialog, type MainDialogOptions } from '../../dialogs/mainDialog.js';
import { createLogger } from '../../bot/log.js';
import type { Intent } from '../../bot/nlu/intents.js';
import type { Recognizer } from '../../bot/nlu/types.js';
import { SupportBot } from '../../bot/supportBot.js';
import { turnErrorHandler } from '../../bot/turnErrorHandler.js';
import { FakeRecognizer } from './fakeRecognizer.js';

export interface Harness {
  readonly adapter: TestAdapter;
  readonly logLines: string[];
  /** Sends a message and returns the bot's replies for that turn. */
  say(text: string, extra?: Partial<Activity>): Promise<Partial<Activity>[]>;
}

/** The real SupportBot and MainDialog on botbuilder's TestAdapter, with the real error handler. */
export function botHarness(
  options: { children?: Partial<Record<Intent, Dialog>>; recognizer?: Recognizer; storage?: Storage; faq?: MainDialogOptions['faq'] } = {},
): Harness {
  const storage = options.storage ?? new MemoryStorage();
  const conversationState = new ConversationState(storage);
  const logLines: string[] = [];
  const logger = createLogger('info', (line) => logLines.push(line));
  const dialog = new MainDialog(options.recognizer ?? new FakeRecognizer(), {
    ...(options.children && { children: options.children }),
    ...(options.faq && { faq: options.faq }),
    lowConfidenceStreak: conversationState.createProperty<number>('lowConfidenceStreak'),
  });
  const bot = new SupportBot(conversationState, new UserState(storage), dialog, logger);
  const adapter = new TestAdapter((context) => bot.run(context));
  adapter.onTurnError = turnErrorHandler(conversationState, logger);
  return {
    adapter,
    logLines,
    async say(text, extra = {}) {
      adapter.activeQueue.splice(0);
      await adapter.receiveActivity({ type: 'message', text, ...extra });
      return adapter.activeQueue.splice(0);
    },
  };
}

export function textsOf(replies: Partial<Activity>[]): string[] {
  return replies.map((r) => r.text ?? '');
}

export function cardTexts(attachment: Attachment): string {
  return JSON.stringify(attachment.content);
}
