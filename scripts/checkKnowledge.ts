// npm run check:knowledge [-- DIR] [--stale DAYS]: prints file:line: problem for every problem in the
// knowledge base, exit 1 if any. --stale DAYS also lists articles whose `updated` date is older than DAYS.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, readEnvironment } from '../bot/config.js';
import { loadKnowledge } from '../bot/knowledge/loadKnowledge.js';

const { values, positionals } = parseArgs({ options: { stale: { type: 'string' } }, allowPositionals: true });
const staleDays = values.stale === undefined ? undefined : Number(values.stale);
if (staleDays !== undefined && !(Number.isInteger(staleDays) && staleDays >= 0)) {
  process.stderr.write(`--stale needs a whole number of days, not "${values.stale}"\n`);
  process.exit(2);
}
const config = loadConfig(readEnvironment());
const dir = positionals[0] ?? join(config.knowledgeDir, 'articles');
const { articles, problems } = await loadKnowledge(dir);
for (const p of problems) process.stderr.write(`${p.file}:${p.line}: ${p.message}\n`);
if (problems.length > 0) {
  process.stderr.write(`${problems.length} problem(s) in the knowledge base.\n`);
  process.exit(1);
}
const ids = new Set(articles.map((a) => a.id));
process.stdout.write(`knowledge OK: ${ids.size} articles in zh-CN and en (${articles.length} files)\n`);
if (staleDays !== undefined) {
  const cutoff = new Date(Date.now() - staleDays * 86_400_000).toISOString().slice(0, 10);
  const stale = articles.filter((a) => a.updated < cutoff).sort((a, b) => a.updated.localeCompare(b.updated));
  for (const a of stale) process.stdout.write(`stale: ${a.file} (updated ${a.updated})\n`);
  process.stdout.write(`${stale.length} article(s) not updated in the last ${staleDays} days\n`);
}
