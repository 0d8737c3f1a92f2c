import { join } from 'node:path';
import { TestAdapter, type Activity } from 'botbuilder';
import type { Dialog } from 'botbuilder-dialogs';
import type { SetAsideTask } from '../../bot/conversation/task.js';
import { CustomerDirectory } from '../../bot/directory/customerDirectory.js';
import type { CustomerRef } from '../../bot/directory/types.js';
import { createLogger } from '../../bot/log.js';
import { extractEntities } from '../../bot/nlu/entities.js';
import type { Intent } from '../../bot/nlu/intents.js';
import type { Recognizer, RecognizerResult } from '../../bot/nlu/types.js';
import { FileStore } from '../../bot/store/fileStore.js';
import { SupportBot } from '../../bot/supportBot.js';
import { turnErrorHandler } from '../../bot/turnErrorHandler.js';
import type { CustomerDialogDeps } from '../../dialogs/customerDialogDeps.js';
import { MainDialog } from '../../dialogs/mainDialog.js';
import { FakeRecognizer, type FakeRule } from './fakeRecognizer.js';
import { MemoryTicketStore } from './memoryTicketStore.js';
import { FakeArticles } from './fakeArticles.js';
import { demoDataDir } from './demoDataDir.js';

export interface CustomerHarness {
  readonly dataDir: string;
  readonly adapter: TestAdapter;
  readonly tickets: MemoryTicketStore;
  readonly directory: CustomerDirectory;
  readonly store: FileStore;
  readonly logLines: string[];
  say(text: string, extra?: Partial<Activity>): Promise<Partial<Activity>[]>;
  remove(): Promise<void>;
}

export const CUSTOMER_RULES: readonly FakeRule[] = [
  [/sign ?up|注册|开户|password|密码|mfa|多重|custom domain|自定义域名|add users|添加用户|account help|账号问题/i, 'account_setup'],
  [/invoice|bill|charge|fapiao|发票|账单|费用|退款|refund|付款|pay|owe|应付/i, 'billing'],
  [/license|subscription|订阅|许可证|auto-?renew|自动续|trial|试用/i, 'subscription'],
];

/** Fixed intents from the rules, real entities from bot/nlu, as the embedded recognizer would give them. */
class EntityRecognizer implements Recognizer {
  constructor(private readonly inner: Recognizer) {}
  async recognize(text: string): Promise<RecognizerResult> {
    return { ...(await this.inner.recognize(text)), entities: extractEntities(text) };
  }
}

/**
 * The real SupportBot and MainDialog (wired as bot/dialogTree.ts wires them) with file-backed state in a temp DATA_DIR seeded with the demo
 * directory, so tests can check state and ticket files on disk.
 */
export async function customerHarness(children: (deps: CustomerDialogDeps) => Partial<Record<Intent, Dialog>>): Promise<CustomerHarness> {
  const { temp, directory, store, conversationState, userState } = await demoDataDir('customer-');
  const tickets = new MemoryTicketStore(join(temp.path, 'tickets.json'));
  // As in bot/dialogTree.ts: the dialogs' prompts use the same recognizer to tell a new request from an answer.
  const recognizer = new EntityRecognizer(new FakeRecognizer(CUSTOMER_RULES));
  const deps: CustomerDialogDeps = {
    identity: { directory, customerRef: conversationState.createProperty<CustomerRef | undefined>('customerRef') },
    tickets,
    articles: new FakeArticles(),
    recognizer,
    now: () => new Date('2026-11-23T08:00:00Z'),
  };
  const logLines: string[] = [];
  const logger = createLogger('info', (line) => logLines.push(line));
  const setAside = conversationState.createProperty<SetAsideTask | undefined>('setAside');
  const dialog = new MainDialog(recognizer, { children: children(deps), setAside, now: deps.now });
  const bot = new SupportBot(conversationState, userState, dialog, logger);
  const adapter = new TestAdapter((context) => bot.run(context));
  adapter.onTurnError = turnErrorHandler(conversationState, logger);
  return {
    dataDir: temp.path,
    adapter,
    tickets,
    directory,
    store,
    logLines,
    async say(text, extra = {}) {
      adapter.activeQueue.splice(0);
      await adapter.receiveActivity({ type: 'message', text, ...extra });
      return adapter.activeQueue.splice(0);
    },
    async remove() {
      await temp.remove();
    },
  };
}

/** Every reply's text of one turn, joined, for substring checks. */
export const joined = (replies: Partial<Activity>[]) => replies.map((r) => r.text ?? '').join('\n');
