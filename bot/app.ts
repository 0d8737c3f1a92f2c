import { join } from 'node:path';
import { ConversationState, UserState, type TurnContext } from 'botbuilder';
import { KnowledgeError } from './knowledge/article.js';
import { ArticleSearch } from './knowledge/articleSearch.js';
import { loadKnowledgeBase } from './knowledge/loadKnowledge.js';
import { LiveKnowledge } from './knowledge/liveKnowledge.js';
import { createAdapter } from './adapter.js';
import { BotStorage } from './botStorage.js';
import { buildDialogTree } from './dialogTree.js';
import type { BotConfig } from './config.js';
import type { Logger } from './log.js';
import type { Recognizer } from './nlu/types.js';
import { createServer } from './server.js';
import { EmulatorStateTrace } from './emulatorStateTrace.js';
import { registerAdminRoutes } from './http/adminRoutes.js';
import { registerLocalWebChat } from './webchat/registerLocalWebChat.js';
import { createEscalationServices } from './escalation/escalationServices.js';
import { ticketHealthSummary } from './health/ticketHealthSummary.js';
import { createHealthSource } from './health/createHealthSource.js';
import { HealthWatchStore } from './health/healthWatchStore.js';
import { IncidentWatcher } from './health/incidentWatcher.js';
import { ConversationRecorder } from './proactive/conversationRecorder.js';
import { ProactiveNotifier } from './proactive/proactiveNotifier.js';
import { openStorage } from './storage/openStorage.js';
import { PrefixedStore } from './storage/prefixedStore.js';
import { startPrivacy } from './privacy/startPrivacy.js';
import { SupportBot } from './supportBot.js';

export interface AppDeps {
  readonly config: BotConfig;
  readonly logger: Logger;
  readonly recognizer: Recognizer;
  /** How often subscribed incidents are checked for resolution (default one minute). */
  readonly healthPollMs?: number;
}

export interface RunningApp {
  readonly url: string;
  /** Graceful stop: no new requests, in-flight turns finish, storage is flushed, the lock is released. */
  stop(): Promise<void>;
}

/** Wires the bot together and starts listening. index.ts, the chat CLI and the tests all start it this way. */
export async function startApp({ config, logger, recognizer, healthPollMs = 60_000 }: AppDeps): Promise<RunningApp> {
  const stores = await openStorage(config, logger);
  try {
    const store = stores.store;
    const storage = new BotStorage(store);
    const conversationState = new ConversationState(storage);
    const userState = new UserState(storage);
    // Curated articles and imported documentation (npm run knowledge:import) are answered from together.
    const { articles, imported, tokens, problems } = await loadKnowledgeBase(config.knowledgeDir);
    if (problems.length > 0) throw new KnowledgeError(problems);
    const answers = new LiveKnowledge(join(config.knowledgeDir, 'articles'), new ArticleSearch(articles, { imported, tokens }), {
      imported: join(config.knowledgeDir, 'imported'),
    });
    if (config.watchKnowledge) {
      answers.watch((found) =>
        found.length === 0 ? logger.info('knowledge_reloaded') : logger.warn('knowledge_reload_rejected', { problems: found.length, first: `${found[0]!.file}:${found[0]!.line}: ${found[0]!.message}` }),
      );
    }
    const { feedback, directory } = stores;
    const { adapter, turns } = createAdapter(config, conversationState, logger);
    adapter.use(new EmulatorStateTrace(conversationState, userState));
    // Same UserState instance as the bot: the recorder and the bot save one user document.
    adapter.use(new ConversationRecorder(userState));
    // Proactive messages: ticket updates and incident-resolved notices.
    const notifier = new ProactiveNotifier(adapter, storage, config.auth?.appId ?? '', logger);
    const healthSource = createHealthSource(stores.healthNotices, config.graph, logger);
    const healthWatches = await HealthWatchStore.open(store, config.dataDir);
    const watcher = new IncidentWatcher({ source: healthSource, watches: healthWatches, notifier, logger, intervalMs: healthPollMs });
    const escalation = await createEscalationServices({
      config, logger, conversationState, directory, tickets: stores.tickets, notifier, health: ticketHealthSummary(healthSource),
      // On Blob the outbox is shared by every instance; on files it is DATA_DIR/outbox, where the console finds it.
      ...(config.storage === 'blob' && { outboxStore: new PrefixedStore(store, 'outbox/') }),
    });
    const tickets = escalation.tickets;
    const { main } = buildDialogTree({ recognizer, conversationState, userState, answers, feedback, directory, tickets, health: { source: healthSource, watches: healthWatches }, escalation });
    const bot = new SupportBot(conversationState, userState, main, logger);
    for (const middleware of escalation.middleware) adapter.use(middleware);
    const privacy = startPrivacy({ config, logger, adapter, feedback, tickets: stores.tickets });
    const adminToken = config.adminToken;
    const logic = (context: TurnContext) => bot.run(context);
    const http = createServer({
      adapter,
      logic,
      logger,
      extraRoutes: (server) => {
        if (adminToken) registerAdminRoutes(server, { token: adminToken, desk: escalation.desk, logger });
        if (config.localWebChat) registerLocalWebChat(server, { adapter, logic, logger, ...(config.auth && { appId: config.auth.appId }) });
      },
    });
    const url = await http.listen(config.port, config.host);
    logger.info('listening', { url, cloud: config.cloud, auth: config.auth ? config.auth.appType : 'off' });
    watcher.start();
    await escalation.start(Number(new URL(url).port));

    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        answers.close();
        await http.close();
        await watcher.stop();
        await turns.idle();
        await escalation.stop();
        await privacy.stop();
        await stores.close();
        logger.info('stopped');
      })());
    return { url, stop };
  } catch (err) {
    await stores.close();
    throw err;
  }
}
