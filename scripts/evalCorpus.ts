// The --corpus mode of npm run eval:faq: imports a folder of documentation into a temporary knowledge folder,
// then asks it the questions of a JSON Lines file and reports how often the right document and section come first.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArticleSearch } from '../bot/knowledge/articleSearch.js';
import { importSources } from '../bot/knowledge/import/importSources.js';
import { loadImported } from '../bot/knowledge/loadImported.js';

/**
 * One line of QUESTIONS.jsonl. `expected`: the document (its path in the corpus without extension, or its full
 * articleId), or null when the corpus cannot answer.
 */
interface CorpusQuestion {
  readonly question: string;
  readonly lang: 'zh' | 'en';
  readonly expected: string | null;
  /** The heading of the section that answers (null: the document's opening); left out when any section will do. */
  readonly section?: string | null;
}

interface Tally {
  answerable: number;
  first: number;
  top3: number;
  withSection: number;
  sectionFirst: number;
  unanswerable: number;
  noAnswer: number;
}

const empty = (): Tally => ({ answerable: 0, first: 0, top3: 0, withSection: 0, sectionFirst: 0, unanswerable: 0, noAnswer: 0 });
/** An articleId without its `imported/<name>/`, so that expectations need not know the import's name. */
const docOf = (id: string) => id.replace(/^imported\/[^/]+\//, '');
const sameHeading = (a: string | null | undefined, b: string | null | undefined) =>
  (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();

export async function evalCorpus(corpusDir: string, questionsFile: string, options: { json: boolean; verbose: boolean }): Promise<number> {
  const questions = (await readFile(questionsFile, 'utf8'))
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as CorpusQuestion);
  const knowledge = await mkdtemp(join(tmpdir(), 'eval-corpus-'));
  try {
    const started = performance.now();
    const result = await importSources({ sources: [corpusDir], name: 'corpus', knowledgeDir: knowledge });
    if (result.problems.length > 0) {
      for (const p of result.problems) process.stderr.write(`${p.file}:${p.line}: ${p.message}\n`);
      return 1;
    }
    const importSeconds = (performance.now() - started) / 1000;
    const { articles, tokens } = await loadImported(join(knowledge, 'imported'));
    const search = new ArticleSearch([], { imported: articles, tokens });
    const tallies = new Map<string, Tally>([
      ['zh', empty()],
      ['en', empty()],
    ]);
    for (const q of questions) {
      const t = tallies.get(q.lang)!;
      const locale = q.lang === 'zh' ? 'zh-CN' : 'en';
      const ranked = search.search(q.question, locale, 3);
      const best = search.best(q.question, locale, ranked);
      if (q.expected === null) {
        t.unanswerable++;
        if (best === null) t.noAnswer++;
        else if (options.verbose) process.stderr.write(`answered (should not): ${q.question} → ${best.article.id}\n`);
        continue;
      }
      t.answerable++;
      const right = best !== null && docOf(best.article.id) === docOf(q.expected);
      if (right) t.first++;
      else if (options.verbose) process.stderr.write(`wrong first: ${q.question} → ${best?.article.id ?? 'none'} (want ${q.expected})\n`);
      if (ranked.some((h) => docOf(h.article.id) === docOf(q.expected!))) t.top3++;
      if (q.section !== undefined) {
        t.withSection++;
        if (right && sameHeading(best.section?.heading, q.section)) t.sectionFirst++;
        else if (right && options.verbose)
          process.stderr.write(`wrong section: ${q.question} → ${best.section?.heading ?? 'null'} (want ${q.section})\n`);
      }
    }
    const overall = [...tallies.values()].reduce((a, b) => {
      for (const k of Object.keys(a) as Array<keyof Tally>) a[k] += b[k];
      return a;
    }, empty());
    const rates = (t: Tally) => ({
      ...t,
      firstRate: t.answerable ? t.first / t.answerable : null,
      top3Rate: t.answerable ? t.top3 / t.answerable : null,
      sectionFirstRate: t.withSection ? t.sectionFirst / t.withSection : null,
      noAnswerRate: t.unanswerable ? t.noAnswer / t.unanswerable : null,
    });
    const report = {
      documents: result.documents,
      pairs: result.pairs,
      importSeconds: Number(importSeconds.toFixed(1)),
      zh: rates(tallies.get('zh')!),
      en: rates(tallies.get('en')!),
      overall: rates(overall),
    };
    if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else {
      const pct = (r: number | null) => (r === null ? 'n/a' : `${(100 * r).toFixed(1)}%`);
      process.stdout.write(
        `corpus: ${result.documents} document(s), ${result.pairs} question-answer pair(s), imported in ${report.importSeconds} s\n`,
      );
      for (const lang of ['zh', 'en', 'overall'] as const) {
        const r = report[lang];
        process.stdout.write(
          `${lang}: answerable ${r.answerable}: right document first ${pct(r.firstRate)}, in top 3 ${pct(r.top3Rate)}, ` +
            `right section first ${pct(r.sectionFirstRate)} (of ${r.withSection}); ` +
            `unanswerable ${r.unanswerable}: no answer ${pct(r.noAnswerRate)}\n`,
        );
      }
    }
    return 0;
  } finally {
    await rm(knowledge, { recursive: true, force: true });
  }
}
