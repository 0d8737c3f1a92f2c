import { join } from 'node:path';
import type { BotConfig } from '../config.js';
import type { Logger } from '../log.js';
import { STARTUP_CACHE_DIR } from '../startupCache.js';
import { CluRecognizer } from './cluRecognizer.js';
import { LocalRecognizer } from './localRecognizer.js';
import type { Recognizer } from './types.js';

/**
 * The recognizer the configuration asks for: the embedded one, trained from knowledge/intents, or
 * CLU when its keys are set, with the embedded one still trained to answer when CLU cannot.
 */
export async function createRecognizer(config: BotConfig, logger: Logger, options: { now?: () => number } = {}): Promise<Recognizer> {
  const started = performance.now();
  const local = await LocalRecognizer.fromDirectory(join(config.knowledgeDir, 'intents'), { cacheDir: STARTUP_CACHE_DIR });
  const ms = Math.round(performance.now() - started);
  if (!config.clu) {
    logger.info('recognizer_trained', { kind: 'embedded', ms });
    return local;
  }
  logger.info('recognizer_trained', {
    kind: 'clu',
    fallback: 'embedded',
    ms,
    project: config.clu.project,
    deployment: config.clu.deployment,
  });
  return new CluRecognizer({ config: config.clu, fallback: local, logger, ...options });
}
