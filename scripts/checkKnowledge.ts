// npm run check:knowledge: prints file:line: problem for every problem in knowledge/articles, exit 1 if any.
import { join } from 'node:path';
import { loadConfig, readEnvironment } from '../bot/config.js';
import { loadKnowledge } from '../bot/knowledge/loadKnowledge.js';

const config = loadConfig(readEnvironment());
const dir = process.argv[2] ?? join(config.knowledgeDir, 'articles');
const { articles, problems } = await loadKnowledge(dir);
for (const p of problems) process.stderr.write(`${p.file}:${p.line}: ${p.message}\n`);
if (problems.length > 0) {
  process.stderr.write(`${problems.length} problem(s) in the knowledge base.\n`);
  process.exit(1);
}
const ids = new Set(articles.map((a) => a.id));
process.stdout.write(`knowledge OK: ${ids.size} articles in zh-CN and en (${articles.length} files)\n`);
