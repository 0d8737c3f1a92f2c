// npm run bench [-- --quick | --only http,storage,knowledge,desk | --soak [minutes]]: every figure is printed beside a
// baseline measured in the same run, and all of them are written to bench-results.json.
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { runDeskBench } from './bench/deskBench.js';
import { runHttpBench } from './bench/httpBench.js';
import { runLongMessageBench } from './bench/longMessageBench.js';
import { runKnowledgeImportBench } from './bench/knowledgeImportBench.js';
import { runNluBench } from './bench/nluBench.js';
import { runRecognizerBench } from './bench/recognizerBench.js';
import { runStartupBench } from './bench/startupBench.js';
import { runSoak, runStorageBench } from './bench/storageBench.js';
import { sections } from './bench/table.js';

const BENCHES = {
  nlu: runNluBench,
  http: runHttpBench,
  storage: runStorageBench,
  long: runLongMessageBench,
  startup: runStartupBench,
  recognizer: runRecognizerBench,
  knowledge: runKnowledgeImportBench,
  desk: runDeskBench,
};
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.includes('--only') ? (args[args.indexOf('--only') + 1] ?? '').split(',') : Object.keys(BENCHES);
const unknown = only.filter((name) => !(name in BENCHES));
if (unknown.length > 0) throw new Error(`unknown bench ${unknown.join(', ')}; choose from ${Object.keys(BENCHES).join(', ')}`);

const load = () => loadavg().map((l) => Number(l.toFixed(2)));
const started = { at: new Date().toISOString(), loadavg: load() };
if (args.includes('--soak')) {
  const minutes = Number(args[args.indexOf('--soak') + 1]) || 5;
  await runSoak(minutes);
} else {
  for (const [name, run] of Object.entries(BENCHES)) {
    if (!only.includes(name)) continue;
    const t = performance.now();
    await run({ quick });
    console.log(`(${name}: ${((performance.now() - t) / 1000).toFixed(0)} s)`);
  }
}
// The machine's load beside the figures: on a shared 2-core box it explains most of the noise.
const finished = { at: new Date().toISOString(), loadavg: load() };
const report = { started, finished, quick, node: process.version, cpus: cpus().length, sections };
await writeFile('bench-results.json', `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nload average ${started.loadavg.join(' ')} at the start, ${finished.loadavg.join(' ')} at the end; see bench-results.json`);
