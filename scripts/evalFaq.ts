// npm run --silent eval:faq [-- --json]: how often the knowledge search finds the right article (or rightly finds none)
// on ../shared/eval/docs-faq-questions.jsonl, using the hand-written mapping in test/knowledge/faqMapping.json.
// The mapping is keyed by faqKey(question) (first 16 hex of SHA-256 of the question's UTF-8 text), never the text itself.
// npm run --silent eval:faq -- --corpus DIR QUESTIONS.jsonl [--json] [--verbose]: imports DIR into a temporary
// knowledge folder and reports right document first, top 3, right section first and no-answer rates (scripts/evalCorpus.ts).
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { loadConfig, readEnvironment } from '../bot/config.js';
import { ArticleSearch } from '../bot/knowledge/articleSearch.js';
import { loadKnowledge } from '../bot/knowledge/loadKnowledge.js';
import { evalCorpus } from './evalCorpus.js';

const ROOT = join(import.meta.dirname, '..');
const json = process.argv.includes('--json');
const corpusAt = process.argv.indexOf('--corpus');
if (corpusAt >= 0) {
  const [corpus, questions] = process.argv.slice(corpusAt + 1).filter((a) => !a.startsWith('--'));
  if (!corpus || !questions) {
    process.stderr.write('usage: npm run --silent eval:faq -- --corpus DIR QUESTIONS.jsonl [--json] [--verbose]\n');
    process.exit(2);
  }
  process.exit(await evalCorpus(corpus, questions, { json, verbose: process.argv.includes('--verbose') }));
}
/** The shared evaluation file sits next to the project, or next to a parent folder when the project is a worktree. */
function findEvalFile(): string {
  for (let dir = ROOT; ; dir = dirname(dir)) {
    const candidate = join(dir, '../shared/eval/docs-faq-questions.jsonl');
    if (existsSync(candidate) || dirname(dir) === dir) return candidate;
  }
}
/** The mapping's key for a question: the evaluation questions themselves are not copied into the project. */
function faqKey(question: string): string {
  return createHash('sha256').update(question, 'utf8').digest('hex').slice(0, 16);
}
const evalFile = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? findEvalFile();
const { mapping } = JSON.parse(await readFile(join(ROOT, 'test/knowledge/faqMapping.json'), 'utf8')) as { mapping: Record<string, string> };

const config = loadConfig(readEnvironment());
const search = new ArticleSearch((await loadKnowledge(join(config.knowledgeDir, 'articles'))).articles);
const stats = new Map<string, { covered: number; top1: number; top3: number; uncovered: number; nulls: number }>();
for (const line of (await readFile(evalFile, 'utf8')).split('\n').filter((l) => l.trim() !== '')) {
  const { question, lang } = JSON.parse(line) as { question: string; lang: 'zh' | 'en' };
  const key = faqKey(question);
  const expected = mapping[key];
  if (expected === undefined) {
    process.stderr.write(`no mapping for ${key}: ${question.slice(0, 40)}…\n`);
    continue;
  }
  const s = stats.get(lang) ?? { covered: 0, top1: 0, top3: 0, uncovered: 0, nulls: 0 };
  stats.set(lang, s);
  const locale = lang === 'zh' ? 'zh-CN' : 'en';
  if (expected === 'none') {
    s.uncovered++;
    if (search.best(question, locale) === null) s.nulls++;
  } else {
    s.covered++;
    const best = search.best(question, locale);
    if (best?.article.id === expected) s.top1++;
    if (search.search(question, locale, 3).some((h) => h.article.id === expected)) s.top3++;
  }
}
const pct = (a: number, b: number) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`);
const report = Object.fromEntries(
  [...stats].map(([lang, s]) => [
    lang,
    {
      ...s,
      top1Rate: s.covered ? s.top1 / s.covered : null,
      top3Rate: s.covered ? s.top3 / s.covered : null,
      nullRate: s.uncovered ? s.nulls / s.uncovered : null,
    },
  ]),
);
if (json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
else {
  for (const [lang, s] of stats) {
    process.stdout.write(
      `${lang}: covered ${s.covered}: right article first ${pct(s.top1, s.covered)}, in top 3 ${pct(s.top3, s.covered)}; ` +
        `not covered ${s.uncovered}: no answer ${pct(s.nulls, s.uncovered)}\n`,
    );
  }
}
