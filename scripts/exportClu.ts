// npm run --silent export:clu -- [OUT.json] [--project NAME]
// Writes a CLU "import project" file (API 2023-04-01) built from knowledge/intents, to OUT.json or stdout.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig, readEnvironment } from '../bot/config.js';
import { loadUtterances } from '../bot/nlu/utteranceFiles.js';
import { buildCluProject } from './lib/cluProject.js';

const args = process.argv.slice(2);
const at = args.indexOf('--project');
const projectArg = at >= 0 ? args[at + 1] : undefined;
const out = args.filter((a, i) => !a.startsWith('--') && (at < 0 || i !== at + 1))[0];

// `| head` closing the pipe early is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit(0);
});

const config = loadConfig(readEnvironment());
const projectName = projectArg ?? config.clu?.project ?? 'csp-support-bot';
const utterances = await loadUtterances(join(config.knowledgeDir, 'intents'));
const json = JSON.stringify(buildCluProject(utterances, projectName), null, 2) + '\n';
if (out) {
  await writeFile(out, json);
  process.stderr.write(`wrote ${out}: project ${projectName}, ${utterances.length} utterances\n`);
} else {
  process.stdout.write(json);
}
