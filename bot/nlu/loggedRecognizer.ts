import type { Logger } from '../log.js';
import type { Recognizer } from './types.js';

/** Logs each recognition's intent, score and language (never the text): the `intent` event telemetry counts. */
export function loggedRecognizer(inner: Recognizer, logger: Logger): Recognizer {
  return {
    recognize: async (text, locale) => {
      const result = await inner.recognize(text, locale);
      logger.info('intent', { intent: result.intent, score: Math.round(result.score * 1000) / 1000, lang: result.lang });
      return result;
    },
  };
}
