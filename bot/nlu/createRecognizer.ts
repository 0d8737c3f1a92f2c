import { join } from 'node:path';
import type { BotConfig } from '../config.js';
import type { Logger } from '../log.js';
import { LocalRecognizer } from './localRecognizer.js';
import type { Recognizer } from './types.js';

/** The recognizer the configuration asks for: the embedded one, trained from knowledge/intents. */
export async function createRecognizer(config: BotConfig, logger: Logger): Promise<Recognizer> {
  const started = performance.now();
  const local = await LocalRecognizer.fromDirectory(join(config.knowledgeDir, 'intents'));
  logger.info('recognizer_trained', { kind: 'embedded', ms: Math.round(performance.now() - started) });
  return local;
}
