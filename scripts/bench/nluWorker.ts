// Child process for the NLU comparison: trains ONE system (ours or NLP.js) on knowledge/intents,
// then measures it and sends the figures to the parent over IPC. One process per system, so the
// memory figures are not mixed. argv: system, knowledge/intents dir, latency samples, eval files...
import { loadUtterances, type TrainingUtterance } from '../../bot/nlu/utteranceFiles.js';
import { readLabelledUtterances } from '../lib/labelledUtterances.js';

export interface MemoryFigures {
  readonly heapUsed: number;
  /** Off-heap buffers (typed arrays) belong to the model too. */
  readonly external: number;
  readonly rss: number;
}

export interface WorkerReport {
  readonly trainMs: number;
  /** CPU time of the training (all threads of this process): what other load on the machine does not inflate. */
  readonly trainCpuMs: number;
  readonly idle: MemoryFigures;
  readonly trained: MemoryFigures;
  readonly latencyMs: readonly number[];
  readonly predictions: ReadonlyArray<{ gold: string; predicted: string; lang: 'zh' | 'en' }>;
}

type Classify = (text: string) => Promise<string>;

function memory(): MemoryFigures {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 3; i++) gc?.();
  const { heapUsed, external, rss } = process.memoryUsage();
  return { heapUsed, external, rss };
}

type Trainer = (utterances: readonly TrainingUtterance[]) => Promise<Classify>;

/** Imported only in its own worker, so the other system's code never loads. Loading is not training time. */
async function load(system: string): Promise<Trainer> {
  if (system === 'ours') {
    const { LocalRecognizer } = await import('../../bot/nlu/localRecognizer.js');
    return async (utterances) => {
      const recognizer = LocalRecognizer.train(utterances);
      return async (text) => (await recognizer.recognize(text)).intent;
    };
  }
  const { NlpjsClassifier } = await import('./nlpjsClassifier.js');
  return async (utterances) => {
    const classifier = await NlpjsClassifier.train(utterances);
    return (text) => classifier.classify(text);
  };
}

const [system, intentsDir, samplesArg, ...evalFiles] = process.argv.slice(2);
const utterances = await loadUtterances(intentsDir!);
const items = await readLabelledUtterances(evalFiles);
const idle = memory();
const train = await load(system!);
const started = performance.now();
const cpuBefore = process.cpuUsage();
const classify = await train(utterances);
const cpu = process.cpuUsage(cpuBefore);
const trainMs = performance.now() - started;
const trainCpuMs = (cpu.user + cpu.system) / 1000;
const trained = memory();

// NLP.js caches each text's tokens for an hour: every timed text is one that system has not seen yet.
// Warm-up on training texts with a "!" added (a new text, the same words), then time distinct eval texts.
for (const u of utterances.slice(0, 200)) await classify(`${u.text}!`);
const timed = [...new Set(items.length > 0 ? items.map((i) => i.text) : utterances.map((u) => `${u.text}?`))].slice(0, Number(samplesArg));
const latencyMs: number[] = [];
for (const text of timed) {
  const t = performance.now();
  await classify(text);
  latencyMs.push(performance.now() - t);
}
const predictions: WorkerReport['predictions'][number][] = [];
for (const item of items) predictions.push({ gold: item.intent, predicted: await classify(item.text), lang: item.lang });

const report: WorkerReport = { trainMs, trainCpuMs, idle, trained, latencyMs, predictions };
process.send!(report, () => process.exit(0));
