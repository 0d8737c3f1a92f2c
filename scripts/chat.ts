// npm run chat: talk to the real bot from a terminal. Uses a running bot on PORT if there is one,
// otherwise starts one in this process on a free port. Type a number to press a card button.
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline/promises';
import { startApp, type RunningApp } from '../bot/app.js';
import { loadConfig, readEnvironment } from '../bot/config.js';
import { createLogger } from '../bot/log.js';
import { createRecognizer } from '../bot/nlu/createRecognizer.js';
import { renderActivities } from './lib/renderActivity.js';

const config = loadConfig(readEnvironment());
const logger = createLogger('warn', (line) => process.stderr.write(line + '\n'));

async function findRunningBot(): Promise<string | undefined> {
  const url = `http://127.0.0.1:${config.port}`;
  try {
    const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(500) });
    return res.ok ? url : undefined;
  } catch {
    return undefined;
  }
}

let app: RunningApp | undefined;
let url = await findRunningBot();
if (!url) {
  app = await startApp({ config: { ...config, port: 0, host: '127.0.0.1' }, logger, recognizer: await createRecognizer(config, logger) });
  url = app.url;
}
const conversation = { id: `chat-${randomUUID()}` };
const user = { id: 'terminal-user', name: 'You' };
const post = async (activity: Record<string, unknown>) => {
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      channelId: 'terminal',
      serviceUrl: 'http://127.0.0.1:9',
      conversation,
      from: user,
      recipient: { id: 'bot', name: 'Bot' },
      deliveryMode: 'expectReplies',
      ...activity,
    }),
  });
  const body = (await res.json().catch(() => ({}))) as { activities?: [] };
  return renderActivities(body.activities ?? []);
};

let choices: string[] = [];
const show = (rendered: { lines: string[]; choices: string[] }) => {
  for (const line of rendered.lines) console.log(`bot> ${line.replace(/\n/g, '\n     ')}`);
  choices = rendered.choices;
};

console.log(`Connected to ${url}. Type in Chinese or English; Ctrl+D to quit.`);
show(await post({ type: 'conversationUpdate', membersAdded: [user] }));
const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: 'you> ' });
rl.prompt();
for await (const line of rl) {
  const picked = /^\d+$/.test(line.trim()) ? choices[Number(line.trim()) - 1] : undefined;
  if (line.trim() !== '') show(await post({ type: 'message', text: picked ?? line, locale: 'zh-CN' }));
  rl.prompt();
}
await app?.stop();
