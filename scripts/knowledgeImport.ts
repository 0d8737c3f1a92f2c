// npm run knowledge:import -- SOURCE… [--name NAME] [--knowledge DIR] [--base-url URL] | --remove NAME
// Imports Markdown documentation folders, saved HTML pages, QnA Maker / custom question answering exports
// (TSV, JSON) and FAQ sheets (xlsx, CSV) under <knowledge>/imported/NAME/; prints file:line for bad input.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, readEnvironment } from '../bot/config.js';
import { importSources, SAFE_NAME } from '../bot/knowledge/import/importSources.js';
import { removeImport } from '../bot/knowledge/import/writeImport.js';

const USAGE =
  'usage: npm run knowledge:import -- SOURCE... [--name NAME] [--knowledge DIR] [--base-url URL]\n' +
  '       npm run knowledge:import -- --remove NAME [--knowledge DIR]\n';

let parsed;
try {
  parsed = parseArgs({
    options: {
      name: { type: 'string' },
      knowledge: { type: 'string' },
      'base-url': { type: 'string' },
      remove: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n${USAGE}`);
  process.exit(2);
}
const { values, positionals } = parsed;
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const knowledgeDir = values.knowledge ?? loadConfig(readEnvironment()).knowledgeDir;

if (values.remove !== undefined) {
  if (!SAFE_NAME.test(values.remove) || positionals.length > 0) {
    process.stderr.write(`--remove takes one import name and no SOURCE\n${USAGE}`);
    process.exit(2);
  }
  const removed = await removeImport(join(knowledgeDir, 'imported'), values.remove);
  process.stdout.write(removed ? `removed import "${values.remove}"\n` : '');
  if (!removed) process.stderr.write(`no import named "${values.remove}" in ${join(knowledgeDir, 'imported')}\n`);
  process.exit(removed ? 0 : 1);
}
if (positionals.length === 0) {
  process.stderr.write(USAGE);
  process.exit(2);
}
const baseUrl = values['base-url'];
if (baseUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(baseUrl)) {
  process.stderr.write(`--base-url must be an http(s) address, not "${baseUrl}"\n`);
  process.exit(2);
}
const started = performance.now();
const result = await importSources({
  sources: positionals,
  knowledgeDir,
  ...(values.name !== undefined && { name: values.name }),
  baseUrl: baseUrl ?? null,
});
if (result.problems.length > 0) {
  for (const p of result.problems) process.stderr.write(`${p.file}:${p.line}: ${p.message}\n`);
  process.stderr.write(`${result.problems.length} problem(s): nothing was imported.\n`);
  process.exit(1);
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
process.stdout.write(
  `imported "${result.name}": ${result.documents} document(s), ${result.pairs} question-answer pair(s) ` +
    `into ${join(knowledgeDir, 'imported', result.name)} (${seconds} s)\n`,
);
