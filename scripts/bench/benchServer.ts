// Child process for the HTTP benchmarks: starts the real bot, a bare botbuilder echo bot on the same server
// stack, or the core-bot-shaped peer; prints "ready <url>", and answers "mem" IPC messages with heap figures.
import { ConversationState, MemoryStorage, type TurnContext } from 'botbuilder';
import { startApp } from '../../bot/app.js';
import { createAdapter } from '../../bot/adapter.js';
import { loadConfig } from '../../bot/config.js';
import { createLogger } from '../../bot/log.js';
import { createRecognizer } from '../../bot/nlu/createRecognizer.js';
import { createServer } from '../../bot/server.js';
import { startPeer } from './peerBot.js';

const [mode, dataDir, knowledgeDir] = process.argv.slice(2);
const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'error', ...(knowledgeDir && { KNOWLEDGE_DIR: knowledgeDir }) });
const logger = createLogger('error', (line) => process.stderr.write(line + '\n'));

let url: string;
if (mode === 'echo') {
  const adapter = createAdapter(config, new ConversationState(new MemoryStorage()), logger);
  const logic = async (context: TurnContext) => {
    await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
  };
  url = await createServer({ adapter, logic, logger }).listen(0, '127.0.0.1');
} else if (mode === 'peer') {
  url = (await startPeer(0, '127.0.0.1')).url;
} else {
  url = (await startApp({ config, logger, recognizer: await createRecognizer(config, logger) })).url;
}

process.on('message', (msg) => {
  if (msg !== 'mem') return;
  (globalThis as { gc?: () => void }).gc?.();
  const { heapUsed, rss } = process.memoryUsage();
  process.send?.({ heapUsed, rss });
});
// A plain exit on SIGTERM, so that --cpu-prof can write its profile.
process.on('SIGTERM', () => process.exit(0));
process.stdout.write(`ready ${url}\n`);
