import { TestAdapter, type Activity } from 'botbuilder';
import { WaterfallDialog } from 'botbuilder-dialogs';
import type { SetAsideTask } from '../../bot/conversation/task.js';
import type { CustomerRef } from '../../bot/directory/types.js';
import { EmbeddedHealthSource } from '../../bot/health/embeddedHealthSource.js';
import { HealthNoticeStore } from '../../bot/health/healthNoticeStore.js';
import { HealthWatchStore } from '../../bot/health/healthWatchStore.js';
import type { HealthSource } from '../../bot/health/types.js';
import type { Locale } from '../../bot/i18n/locale.js';
import { createLogger } from '../../bot/log.js';
import { extractEntities } from '../../bot/nlu/entities.js';
import type { Recognizer, RecognizerResult } from '../../bot/nlu/types.js';
import { SupportBot } from '../../bot/supportBot.js';
import { turnErrorHandler } from '../../bot/turnErrorHandler.js';
import { turnLocale } from '../../bot/turnLocale.js';
import type { ArticleSource, ArticleSummary } from '../../dialogs/customerDialogDeps.js';
import { InterruptibleDialog } from '../../dialogs/interruptibleDialog.js';
import { MainDialog } from '../../dialogs/mainDialog.js';
import { ServiceHealthDialog } from '../../dialogs/serviceHealthDialog.js';
import { runHealthCommand } from '../../scripts/lib/healthCommand.js';
import { FakeRecognizer, type FakeRule } from './fakeRecognizer.js';
import { demoDataDir } from './demoDataDir.js';

/** Stands in for the escalation feature's dialog: says which language it was started in. */
export class EscalationStub extends InterruptibleDialog {
  static readonly id = 'escalationStub';
  constructor() {
    super(EscalationStub.id);
    this.addDialog(
      new WaterfallDialog('escalationStubSteps', [
        async (step) => (await step.context.sendActivity(`ESCALATION ${turnLocale(step.context)}`), step.endDialog()),
      ]),
    );
    this.initialDialogId = 'escalationStubSteps';
  }
}

/** The slow-service article with three steps in each language (the first is the incident check the dialog skips). */
export class ChecksArticle implements ArticleSource {
  get(id: string, locale: Locale): ArticleSummary | undefined {
    if (id !== 'performance/slow-service-troubleshooting') return undefined;
    const steps =
      locale === 'en'
        ? ['Look for an incident.', 'Is it one person or everyone?', 'Check the VPN and proxy.']
        : ['先看有没有服务事件。', '是一个人慢还是所有人都慢？', '检查 VPN 和代理。'];
    return { id, title: id, summary: '', steps };
  }
}

class EntityRecognizer implements Recognizer {
  constructor(private readonly inner: Recognizer) {}
  async recognize(text: string): Promise<RecognizerResult> {
    return { ...(await this.inner.recognize(text)), entities: extractEntities(text) };
  }
}

export interface HealthHarness {
  readonly dataDir: string;
  readonly adapter: TestAdapter;
  readonly watches: HealthWatchStore;
  say(text: string, extra?: Partial<Activity>): Promise<Partial<Activity>[]>;
  /** `npm run health -- …` against this DATA_DIR, at the harness clock. */
  health(...args: string[]): Promise<void>;
  remove(): Promise<void>;
}

export const NOW = new Date('2026-11-23T08:30:00Z');

/** The real SupportBot, MainDialog and ServiceHealthDialog over a temp DATA_DIR with the demo directory. */
export async function healthHarness(options: { source?: (embedded: HealthSource) => HealthSource } = {}): Promise<HealthHarness> {
  const { temp, directory, store, conversationState, userState } = await demoDataDir('health-');
  const watches = new HealthWatchStore(store);
  const notices = new HealthNoticeStore(store);
  const embedded = new EmbeddedHealthSource(notices);
  // As in bot/dialogTree.ts: the check prompts share the main dialog's recognizer.
  const rules: FakeRule[] = [[/down|挂|slow|慢|status|状态|outage|incident|故障|working|正常/i, 'service_health']];
  const recognizer = new EntityRecognizer(new FakeRecognizer(rules));
  const dialog = new ServiceHealthDialog({
    source: options.source ? options.source(embedded) : embedded,
    watches,
    identity: { directory, customerRef: conversationState.createProperty<CustomerRef | undefined>('customerRef') },
    articles: new ChecksArticle(),
    recognizer,
    now: () => NOW,
  });
  const setAside = conversationState.createProperty<SetAsideTask | undefined>('setAside');
  const children = { service_health: dialog, escalate_human: new EscalationStub() };
  const main = new MainDialog(recognizer, { children, setAside, now: () => NOW });
  const logger = createLogger('error', () => undefined);
  const bot = new SupportBot(conversationState, userState, main, logger);
  const adapter = new TestAdapter((context) => bot.run(context));
  adapter.onTurnError = turnErrorHandler(conversationState, logger);
  return {
    dataDir: temp.path,
    adapter,
    watches,
    async say(text, extra = {}) {
      adapter.activeQueue.splice(0);
      await adapter.receiveActivity({ type: 'message', text, ...extra });
      return adapter.activeQueue.splice(0);
    },
    async health(...args) {
      await runHealthCommand(args, notices, { out: () => undefined, now: () => NOW });
    },
    async remove() {
      await temp.remove();
    },
  };
}
