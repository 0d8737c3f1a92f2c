import { join } from 'node:path';
import { ConversationState, UserState } from 'botbuilder';
import { KnowledgeError } from './knowledge/article.js';
import { ArticleSearch } from './knowledge/articleSearch.js';
import { loadKnowledge } from './knowledge/loadKnowledge.js';
import { LiveKnowledge } from './knowledge/liveKnowledge.js';
import { createAdapter } from './adapter.js';
import { BotStorage } from './botStorage.js';
import { buildDialogTree } from './dialogTree.js';
import type { BotConfig } from './config.js';
import type { Logger } from './log.js';
import type { Recognizer } from './nlu/types.js';
import { createServer } from './server.js';
import { registerAdminRoutes } from './http/adminRoutes.js';
import { openStorage } from './storage/openStorage.js';
import { startPrivacy } from './privacy/startPrivacy.js';
import { SupportBot } from './supportBot.js';

export interface AppDeps {
  readonly config: BotConfig;
  readonly logger: Logger;
  readonly recognizer: Recognizer;
}

export interface RunningApp {
  readonly url: string;
  /** Graceful stop: no new requests, in-flight turns finish, storage is flushed, the lock is released. */
  stop(): Promise<void>;
}

/** Wires the bot together and starts listening. index.ts, the chat CLI and the tests all start it this way. */
export async function startApp({ config, logger, recognizer }: AppDeps): Promise<RunningApp> {
  const stores = await openStorage(config, logger);
  try {
    const store = stores.store;
    const storage = new BotStorage(store);
    const conversationState = new ConversationState(storage);
    const userState = new UserState(storage);
    const { articles, problems } = await loadKnowledge(join(config.knowledgeDir, 'articles'));
    if (problems.length > 0) throw new KnowledgeError(problems);
    const answers = new LiveKnowledge(join(config.knowledgeDir, 'articles'), new ArticleSearch(articles));
    if (config.watchKnowledge) {
      answers.watch((found) =>
        found.length === 0 ? logger.info('knowledge_reloaded') : logger.warn('knowledge_reload_rejected', { problems: found.length, first: `${found[0]!.file}:${found[0]!.line}: ${found[0]!.message}` }),
      );
    }
    const { feedback, directory, tickets } = stores;
    const { main } = buildDialogTree({ recognizer, conversationState, userState, answers, feedback, directory, tickets });
    const bot = new SupportBot(conversationState, userState, main, logger);
    const { adapter, turns } = createAdapter(config, conversationState, logger);
    const privacy = startPrivacy({ config, logger, adapter, feedback, tickets });
    const adminToken = config.adminToken;
    const http = createServer({
      adapter,
      logic: (context) => bot.run(context),
      logger,
      ...(adminToken && { extraRoutes: (server) => registerAdminRoutes(server, { token: adminToken, tickets, logger }) }),
    });
    const url = await http.listen(config.port, config.host);
    logger.info('listening', { url, cloud: config.cloud, auth: config.auth ? config.auth.appType : 'off' });

    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        answers.close();
        await http.close();
        await turns.idle();
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
