import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { computeMetrics } from '../../bot/nlu/metrics.js';
import type { WorkerReport } from './nluWorker.js';
import { printRows, type Row } from './table.js';

const ROOT = resolve(import.meta.dirname, '../..');
const WORKER = join(import.meta.dirname, 'nluWorker.ts');

/** The labelled evaluation set (measuring only): --eval-dir, else ../shared/eval next to the checkout. */
async function evalFiles(args: readonly string[]): Promise<string[]> {
  const at = args.indexOf('--eval-dir');
  const candidates = at >= 0 ? [resolve(args[at + 1] ?? '.')] : [resolve(ROOT, '../shared/eval'), resolve(ROOT, '../../shared/eval')];
  const dir = candidates.find((d) => existsSync(d));
  if (!dir) return [];
  return (await readdir(dir))
    .filter((f) => f.endsWith('-mapped.jsonl'))
    .sort()
    .map((f) => join(dir, f));
}

function runWorker(system: 'ours' | 'nlpjs', samples: number, files: readonly string[]): Promise<WorkerReport> {
  return new Promise((resolvePromise, reject) => {
    const child = fork(WORKER, [system, join(ROOT, 'knowledge/intents'), String(samples), ...files], {
      execArgv: ['--import', 'tsx', '--expose-gc'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'], // NLP.js talks on stdout while training
    });
    let stderr = '';
    let report: WorkerReport | undefined;
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('message', (m) => (report = m as WorkerReport));
    child.once('exit', (code) =>
      report ? resolvePromise(report) : reject(new Error(`NLU bench worker (${system}) exited with ${code}: ${stderr.slice(-2000)}`)),
    );
  });
}

const quantile = (values: readonly number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};
const MB = 2 ** 20;

/** Our embedded recognizer against NLP.js v4, both trained on knowledge/intents, each in its own process. */
export async function runNluBench(options: { quick: boolean }): Promise<void> {
  const files = await evalFiles(process.argv.slice(2));
  const samples = options.quick ? 300 : 2_000;
  // One after the other: two trainings at once would compete for the same cores.
  const ours = await runWorker('ours', samples, files);
  const nlpjs = await runWorker('nlpjs', samples, files);

  const rows: Row[] = [
    { name: 'training time (wall clock)', ours: ours.trainMs, baseline: nlpjs.trainMs, unit: 'ms', better: 'lower' },
    // Wall clock grows with whatever else the machine runs; CPU time does not.
    { name: 'training time (CPU)', ours: ours.trainCpuMs, baseline: nlpjs.trainCpuMs, unit: 'ms', better: 'lower' },
    {
      name: 'classification latency p50',
      ours: quantile(ours.latencyMs, 0.5),
      baseline: quantile(nlpjs.latencyMs, 0.5),
      unit: 'ms',
      better: 'lower',
    },
    {
      name: 'classification latency p99',
      ours: quantile(ours.latencyMs, 0.99),
      baseline: quantile(nlpjs.latencyMs, 0.99),
      unit: 'ms',
      better: 'lower',
    },
    {
      name: 'heap used after training',
      ours: ours.trained.heapUsed / MB,
      baseline: nlpjs.trained.heapUsed / MB,
      unit: 'MB',
      better: 'lower',
    },
    {
      name: 'heap + buffers after training',
      ours: (ours.trained.heapUsed + ours.trained.external) / MB,
      baseline: (nlpjs.trained.heapUsed + nlpjs.trained.external) / MB,
      unit: 'MB',
      better: 'lower',
    },
    { name: 'rss after training', ours: ours.trained.rss / MB, baseline: nlpjs.trained.rss / MB, unit: 'MB', better: 'lower' },
    // Node, tsx, YAML and the texts, before either library loads: the floor under the row above.
    { name: 'rss of the idle worker', ours: ours.idle.rss / MB, baseline: nlpjs.idle.rss / MB, unit: 'MB', better: 'lower' },
    {
      name: 'rss above the idle worker',
      ours: (ours.trained.rss - ours.idle.rss) / MB,
      baseline: (nlpjs.trained.rss - nlpjs.idle.rss) / MB,
      unit: 'MB',
      better: 'lower',
    },
  ];
  const quality: Array<{ lang: 'zh' | 'en'; ours: ReturnType<typeof computeMetrics>; nlpjs: ReturnType<typeof computeMetrics> }> = [];
  for (const lang of ['zh', 'en'] as const) {
    const o = computeMetrics(ours.predictions.filter((p) => p.lang === lang));
    const n = computeMetrics(nlpjs.predictions.filter((p) => p.lang === lang));
    if (o.count === 0) continue;
    quality.push({ lang, ours: o, nlpjs: n });
    rows.push(
      { name: `accuracy ${lang} (n=${o.count})`, ours: o.accuracy * 100, baseline: n.accuracy * 100, unit: '%', better: 'higher' },
      { name: `macro-F1 ${lang}`, ours: o.macroF1 * 100, baseline: n.macroF1 * 100, unit: '%', better: 'higher' },
    );
  }
  printRows(
    `NLU: embedded recognizer vs NLP.js 4 (@nlpjs/basic + lang-zh), same knowledge/intents, ${ours.latencyMs.length} timed texts each`,
    'NLP.js',
    rows,
  );
  console.log(
    [
      'NLP.js rejects out-of-scope with its own "None" intent: below its default threshold (0.5) it answers None, which is',
      'counted as out_of_scope; both systems also train on our out_of_scope utterances. NLP.js sentiment is off (not used),',
      'its language comes from our detector (one model per language there, one model for both here).',
      files.length > 0
        ? `Accuracy on ${files.length} files (measuring only, never training): ${files.map((f) => f.split('/').pop()).join(', ')}`
        : 'No ../shared/eval found: accuracy rows left out (use --eval-dir DIR).',
    ].join('\n'),
  );
  const memoryRatio = ours.trained.rss / nlpjs.trained.rss;
  const checks = [
    ...quality.map((q) => [`accuracy ${q.lang} higher`, q.ours.accuracy > q.nlpjs.accuracy] as const),
    ['median latency no higher', quantile(ours.latencyMs, 0.5) <= quantile(nlpjs.latencyMs, 0.5)] as const,
    ['training time no longer (wall clock and CPU)', ours.trainMs <= nlpjs.trainMs && ours.trainCpuMs <= nlpjs.trainCpuMs] as const,
    [`rss after training at most 1/4 (${memoryRatio.toFixed(2)})`, memoryRatio <= 0.25] as const,
    [
      'heap + buffers after training at most 1/4',
      ours.trained.heapUsed + ours.trained.external <= (nlpjs.trained.heapUsed + nlpjs.trained.external) / 4,
    ] as const,
  ];
  console.log(`targets: ${checks.map(([name, ok]) => `${ok ? 'met' : 'MISSED'}: ${name}`).join('; ')}`);
}
