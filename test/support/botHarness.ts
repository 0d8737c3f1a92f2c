import { ConversationState, MemoryStorage, TestAdapter, UserState, type Activity, type Attachment, type Storage } from 'botbuilder';
import type { Dialog } from 'botbuilder-dialogs';
import { MainDialog, type MainDialogOptions } from '../../dialogs/mainDialog.js';
import { createLogger } from '../../bot/log.js';
import type { Intent } from '../../bot/nlu/intents.js';
import type { Recognizer } from '../../bot/nlu/types.js';
import { SupportBot } from '../../bot/supportBot.js';
import { turnErrorHandler } from '../../bot/turnErrorHandler.js';
import { FakeRecognizer } from './fakeRecognizer.js';
import type { FocusRecord } from '../../bot/conversation/focus.js';
import { FocusTracker } from '../../dialogs/focusTracker.js';
import type { FollowUps } from '../../dialogs/followUps.js';

export interface Harness {
  readonly adapter: TestAdapter;
  readonly logLines: string[];
  /** Sends a message and returns the bot's replies for that turn. */
  say(text: string, extra?: Partial<Activity>): Promise<Partial<Activity>[]>;
}

/** The real SupportBot and MainDialog on botbuilder's TestAdapter, with the real error handler. */
export function botHarness(
  options: {
    /** The child dialogs; a function gets the conversation's focus tracker, for dialogs that note what they show. */
    children?: Partial<Record<Intent, Dialog>> | ((focus: FocusTracker) => Partial<Record<Intent, Dialog>>);
    recognizer?: Recognizer;
    storage?: Storage;
    faq?: MainDialogOptions['faq'];
    /** Answers follow-ups from the focus, as in the app. */
    followUps?: FollowUps;
  } = {},
): Harness {
  const storage = options.storage ?? new MemoryStorage();
  const conversationState = new ConversationState(storage);
  const focus = new FocusTracker(conversationState.createProperty<FocusRecord | undefined>('focus'));
  const children = typeof options.children === 'function' ? options.children(focus) : options.children;
  const logLines: string[] = [];
  const logger = createLogger('info', (line) => logLines.push(line));
  const dialog = new MainDialog(options.recognizer ?? new FakeRecognizer(), {
    ...(children && { children }),
    ...(options.faq && { faq: options.faq }),
    ...(options.followUps && { focus, followUps: options.followUps }),
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
