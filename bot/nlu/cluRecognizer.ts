import type { AnalyzeConversationResponse, ConversationAnalysisClient, ConversationIntent } from '@azure/ai-language-conversations';
import type { CluConfig } from '../integrationConfig.js';
import type { Logger } from '../log.js';
import { detectLang } from './detectLang.js';
import { extractEntities } from './entities.js';
import { understood } from '../text/understood.js';
import { isIntent, type Intent } from './intents.js';
import type { Recognizer, RecognizerResult, ScoredIntent } from './types.js';

/** The GA runtime API; the beta client defaults to a preview version. */
export const CLU_API_VERSION = '2023-04-01';
/** At most one degradation line per this many milliseconds, however many turns fall back. */
export const DEGRADED_LOG_INTERVAL_MS = 60_000;
/** After a failure, turns skip CLU for this long: an outage should not cost every turn the full timeout. */
export const COOL_OFF_MS = 15_000;

/** CLU answered with something we cannot use, or did not answer at all. */
export class CluError extends Error {
  override readonly name = 'CluError';
  constructor(
    readonly reason: 'timeout' | 'http' | 'network' | 'response',
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface CluRecognizerOptions {
  readonly config: CluConfig;
  /** Answers the turns CLU cannot: the embedded recognizer. */
  readonly fallback: Recognizer;
  readonly logger: Logger;
  /** Injected so the once-a-minute logging can be tested without waiting. */
  readonly now?: () => number;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Intents from a deployed CLU project (Azure AI Language), entities and language from our own
 * extractors. When CLU times out or fails, that turn is answered by the fallback recognizer.
 */
export class CluRecognizer implements Recognizer {
  /** The SDK loads in the background when CLU is configured, never otherwise. */
  private readonly client: Promise<ConversationAnalysisClient>;
  private readonly now: () => number;
  private lastWarnAt = -Infinity;
  private suppressed = 0;
  private degraded = false;
  private lastFailure: { at: number; error: unknown } | undefined;

  constructor(private readonly options: CluRecognizerOptions) {
    this.now = options.now ?? Date.now;
    this.client = this.connect();
  }

  private async connect(): Promise<ConversationAnalysisClient> {
    const { endpoint, key } = this.options.config;
    const { ConversationAnalysisClient } = await import('@azure/ai-language-conversations');
    return new ConversationAnalysisClient(
      endpoint,
      { key },
      {
        apiVersion: CLU_API_VERSION,
        // The turn has a budget: a retry after a 5xx would only spend it. The fallback is the retry.
        retryOptions: { maxRetries: 0 },
        // Plain http only for a stand-in on this machine; a real key never travels unencrypted.
        allowInsecureConnection: LOOPBACK.has(new URL(endpoint).host.replace(/:\d+$/, '')),
      },
    );
  }

  async recognize(message: string, locale?: string): Promise<RecognizerResult> {
    const text = understood(message);
    if (text.trim() === '') return this.options.fallback.recognize(text, locale);
    const failure = this.lastFailure;
    if (failure && this.now() - failure.at < COOL_OFF_MS) {
      this.noteDegraded(failure.error);
      return this.options.fallback.recognize(text, locale);
    }
    try {
      const result = toResult(text, await this.analyze(text));
      this.lastFailure = undefined;
      if (this.degraded) {
        this.degraded = false;
        this.options.logger.info('clu_recovered', { fallbacks: this.suppressed });
        this.suppressed = 0;
        this.lastWarnAt = -Infinity;
      }
      return result;
    } catch (err) {
      this.lastFailure = { at: this.now(), error: err };
      this.noteDegraded(err);
      return this.options.fallback.recognize(text, locale);
    }
  }

  private async analyze(text: string): Promise<AnalyzeConversationResponse> {
    const { project, deployment, timeoutMs } = this.options.config;
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutMs);
    try {
      return await (
        await this.client
      ).analyzeConversation(
        {
          kind: 'Conversation',
          analysisInput: {
            conversationItem: { id: '1', participantId: 'user', text, language: detectLang(text) === 'zh' ? 'zh-hans' : 'en-us' },
          },
          parameters: { projectName: project, deploymentName: deployment, stringIndexType: 'Utf16CodeUnit' },
        },
        { abortSignal: abort.signal },
      );
    } catch (err) {
      if (abort.signal.aborted) throw new CluError('timeout', `CLU did not answer within ${timeoutMs} ms`, undefined, { cause: err });
      const status = (err as { statusCode?: unknown }).statusCode;
      if (typeof status === 'number' && status >= 400) throw new CluError('http', `CLU answered HTTP ${status}`, status, { cause: err });
      if (typeof status === 'number')
        throw new CluError('response', `CLU answered ${status} with a body we cannot read`, status, { cause: err });
      throw new CluError('network', 'CLU could not be reached', undefined, { cause: err });
    } finally {
      clearTimeout(timer);
    }
  }

  private noteDegraded(err: unknown): void {
    this.degraded = true;
    const now = this.now();
    if (now - this.lastWarnAt < DEGRADED_LOG_INTERVAL_MS) {
      this.suppressed++;
      return;
    }
    const e = err instanceof CluError ? err : new CluError('response', 'CLU response could not be used', undefined, { cause: err });
    this.options.logger.warn('clu_degraded', {
      reason: e.reason,
      status: e.status,
      fallback: 'embedded',
      suppressedSinceLast: this.suppressed,
    });
    this.lastWarnAt = now;
    this.suppressed = 0;
  }
}

/** A CLU category we do not know (its built-in "None", or a renamed intent) means out_of_scope. */
function ourIntent(category: string | undefined): Intent {
  return isIntent(category) ? category : 'out_of_scope';
}

/** Maps a CLU prediction onto our result shape; throws CluError when the body is not a conversation prediction. */
export function toResult(text: string, response: AnalyzeConversationResponse): RecognizerResult {
  const prediction = response.kind === 'ConversationResult' ? response.result?.prediction : undefined;
  if (!prediction || prediction.projectKind !== 'Conversation' || !Array.isArray(prediction.intents)) {
    throw new CluError('response', 'CLU answered without a Conversation prediction');
  }
  // Several CLU categories can collapse into out_of_scope; keep the best score of each of ours.
  const best = new Map<Intent, number>();
  for (const { category, confidence } of prediction.intents as ConversationIntent[]) {
    const intent = ourIntent(category);
    const score = Number.isFinite(confidence) ? Math.min(1, Math.max(0, confidence)) : 0;
    best.set(intent, Math.max(best.get(intent) ?? 0, score));
  }
  const intent = ourIntent(prediction.topIntent);
  const ranked: ScoredIntent[] = [...best].map(([i, score]) => ({ intent: i, score })).sort((a, b) => b.score - a.score);
  return {
    intent,
    score: best.get(intent) ?? 0,
    lang: detectLang(text),
    alternatives: ranked.filter((r) => r.intent !== intent).slice(0, 3),
    entities: extractEntities(text),
  };
}
