import { join } from 'node:path';
import { ConversationState, UserState, type TurnContext } from 'botbuilder';
import { KnowledgeError } from './knowledge/article.js';
import { ArticleSearch } from './knowledge/articleSearch.js';
import { loadArticleTokens } from './knowledge/articleTokens.js';
import { loadParsedArticles } from './knowledge/parsedArticles.js';
import { loadKnowledgeBase } from './knowledge/loadKnowledge.js';
import { LiveKnowledge } from './knowledge/liveKnowledge.js';
import { createAdapter } from './adapter.js';
import { buildDialogTree } from './dialogTree.js';
import { exposesUnauthenticatedTurns, type BotConfig } from './config.js';
import type { Logger } from './log.js';
import type { Recognizer } from './nlu/types.js';
import { buildPipeline } from './pipeline.js';
import { createServer } from './server.js';
import { registerLocalWebChat } from './webchat/registerLocalWebChat.js';
import { createEscalationServices } from './escalationServices.js';
import { ticketHealthSummary } from './health/ticketHealthSummary.js';
import { createHealthSource } from './health/createHealthSource.js';
import { IncidentWatcher } from './health/incidentWatcher.js';
import { ProactiveNotifier } from './proactive/proactiveNotifier.js';
import { BotStorage } from './store/botStorage.js';
import { openStorage } from './store/openStorage.js';
import { PrefixedStore } from './store/prefixedStore.js';
import { startPrivacy } from './privacy/startPrivacy.js';
import { SupportBot } from './supportBot.js';
import { STARTUP_CACHE_DIR } from './startupCache.js';
import { LimitedTicketStore } from './tickets/anonymousLimits.js';
import { createDesk } from './desk/createDesk.js';
import { OutcomeRecorder } from './outcomes/outcomeRecorder.js';
import { registerReportPage } from './outcomes/reportPage.js';
import { MarkingTicketStore, markingFeedback } from './outcomes/turnMarks.js';

export interface AppDeps {
  readonly config: BotConfig;
  readonly logger: Logger;
  readonly recognizer: Recognizer;
  /**
   * Background work that watches the store, for tests to shorten: incidents checked for resolution
   * (default one minute), and notices and escalations `npm run tickets` queued (15 s and one minute).
   */
  readonly pollMs?: { readonly health?: number; readonly queuedNotices?: number; readonly outbox?: number; readonly desk?: number };
  /** The desk's and the outcomes' clock (handoff times, DESK_TAKE_MINUTES, support hours), for tests. */
  readonly now?: () => Date;
}

export interface RunningApp {
  readonly url: string;
  /** Graceful stop: no new requests, in-flight turns finish, timers stop. */
  stop(): Promise<void>;
}

/** Wires the bot together and starts listening. index.ts, the chat CLI and the tests all start it this way. */
export async function startApp({ config, logger, recognizer, pollMs = {}, now }: AppDeps): Promise<RunningApp> {
  const stores = await openStorage(config, logger);
  try {
    const stateStore = new PrefixedStore(stores.store, 'state/');
    const storage = new BotStorage(stateStore);
    const conversationState = new ConversationState(storage);
    const userState = new UserState(storage);
    // Curated articles and imported documentation (npm run knowledge:import) are answered from together.
    const [parsed, articleTokens] = await Promise.all([loadParsedArticles(STARTUP_CACHE_DIR), loadArticleTokens(STARTUP_CACHE_DIR)]);
    const { articles, imported, tokens, problems } = await loadKnowledgeBase(config.knowledgeDir, { ...(parsed && { parsed }) });
    if (problems.length > 0) throw new KnowledgeError(problems);
    const search = new ArticleSearch(articles, { imported, tokens, ...(articleTokens && { articleTokens }) });
    const answers = new LiveKnowledge(join(config.knowledgeDir, 'articles'), search, {
      imported: join(config.knowledgeDir, 'imported'),
    });
    if (config.watchKnowledge) {
      answers.watch((found) =>
        found.length === 0
          ? logger.info('knowledge_reloaded')
          : logger.warn('knowledge_reload_rejected', {
              problems: found.length,
              first: `${found[0]!.file}:${found[0]!.line}: ${found[0]!.message}`,
            }),
      );
    }
    const adapter = createAdapter(config, conversationState, logger);
    // Proactive messages: ticket updates and incident-resolved notices.
    const notifier = new ProactiveNotifier(adapter, storage, config.auth?.appId ?? '', logger);
    const healthSource = createHealthSource(stores.healthNotices, config.graph, logger);
    const watcher = new IncidentWatcher({
      source: healthSource,
      watches: stores.watches,
      notifier,
      logger,
      intervalMs: pollMs.health ?? 60_000,
    });
    const escalation = createEscalationServices({
      config,
      logger,
      conversationState,
      directory: stores.directory,
      tickets: stores.tickets,
      notifier,
      health: ticketHealthSummary(healthSource),
      outboxStore: stores.outbox,
      pollMs,
    });
    const desk = createDesk({
      config: config.desk,
      store: stores.store,
      adapter,
      appId: config.auth?.appId ?? '',
      tickets: stores.tickets,
      escalator: escalation.escalator,
      directory: stores.directory,
      handoff: escalation.handoff,
      conversationState,
      logger,
      ...(now && { now }),
      ...(pollMs.desk && { checkMs: pollMs.desk }),
    });
    // Dialogs open tickets through the limits on unidentified visitors; the console and the relay do not.
    // The marking stores tell the outcome recorder which turns opened a handoff or found no article.
    const tickets = new MarkingTicketStore(new LimitedTicketStore(escalation.tickets, config.anonymousTickets, logger));
    const { main } = buildDialogTree({
      recognizer,
      conversationState,
      userState,
      answers,
      feedback: markingFeedback(stores.feedback),
      directory: stores.directory,
      tickets,
      health: { source: healthSource, watches: stores.watches },
      escalation: { ...escalation, desk, ...(now && { now }) },
    });
    const privacy = startPrivacy({
      config,
      logger,
      feedback: stores.feedback,
      tickets: stores.tickets,
      desk: desk.handoffs,
      state: stateStore,
    });
    const outcomes = new OutcomeRecorder({
      store: new PrefixedStore(stores.store, 'outcomes/'),
      conversationState,
      handoff: escalation.handoff,
      logger,
      ...(now && { now }),
    });
    const bot = new SupportBot(conversationState, userState, main, logger);

    const [conversationLog, handoffRelay] = escalation.middleware;
    const { middleware, turns } = buildPipeline({
      config,
      logger,
      conversationState,
      userState,
      conversationLog,
      handoffRelay,
      desk,
      outcomes,
      ...(privacy.transcripts && { transcripts: privacy.transcripts }),
    });
    for (const m of middleware) adapter.use(m);
    const logic = (context: TurnContext) => bot.run(context);
    const http = createServer({
      adapter,
      logic,
      logger,
      localHostOnly: !config.allowUnauthenticatedNetwork && (!config.auth || config.localWebChat),
      extraRoutes: (server) => {
        if (config.localWebChat) registerLocalWebChat(server, { adapter, logic, logger, ...(config.auth && { appId: config.auth.appId }) });
        if (config.desk.token) {
          const report = { token: config.desk.token, store: stores.store, feedback: stores.feedback, logger };
          registerReportPage(server, { ...report, ...(now && { now }) });
        }
      },
    });
    const url = await http.listen(config.port, config.host);
    logger.info('listening', { url, cloud: config.cloud, auth: config.auth ? config.auth.appType : 'off', storage: config.storage });
    if (exposesUnauthenticatedTurns(config))
      logger.warn('unauthenticated_network', { host: config.host, localWebChat: config.localWebChat });
    watcher.start();
    await escalation.start();
    desk.start();

    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        answers.close();
        await http.close();
        await watcher.stop();
        await desk.stop();
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
