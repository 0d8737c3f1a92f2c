// npm run bench [-- --quick | --soak [minutes] | --only knowledge]: every figure is printed beside a baseline measured in the same run.
import { runHttpBench } from './bench/httpBench.js';
import { runKnowledgeImportBench } from './bench/knowledgeImportBench.js';
import { runNluBench } from './bench/nluBench.js';
import { runRecognizerBench } from './bench/recognizerBench.js';
import { runSoak, runStorageBench } from './bench/storageBench.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');

if (args.includes('--only') && args[args.indexOf('--only') + 1] === 'knowledge') {
  await runKnowledgeImportBench({ quick });
} else if (args.includes('--soak')) {
  const minutes = Number(args[args.indexOf('--soak') + 1]) || 5;
  await runSoak(minutes);
} else {
  await runNluBench({ quick });
  await runHttpBench({ quick });
  await runStorageBench({ quick });
  await runRecognizerBench({ quick });
  await runKnowledgeImportBench({ quick });
}
