// npm run --silent classify: one utterance per stdin line → one JSON line {"text","intent","score","lang"}.
import { createInterface } from 'node:readline';
import { loadConfig, readEnvironment } from '../bot/config.js';
import { createLogger } from '../bot/log.js';
import { createRecognizer } from '../bot/nlu/createRecognizer.js';

const config = loadConfig(readEnvironment());
const recognizer = await createRecognizer(
  config,
  createLogger('error', (l) => process.stderr.write(l + '\n')),
);
for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  if (line.trim() === '') continue;
  const r = await recognizer.recognize(line);
  process.stdout.write(JSON.stringify({ text: line, intent: r.intent, score: Number(r.score.toFixed(4)), lang: r.lang }) + '\n');
}
