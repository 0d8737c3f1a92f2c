import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArticleSearch } from '../../bot/knowledge/articleSearch.js';
import { importSources } from '../../bot/knowledge/import/importSources.js';
import { loadKnowledgeBase } from '../../bot/knowledge/loadKnowledge.js';
import { startBenchProcess } from './benchProcess.js';
import { writeGeneratedDocs } from './generatedDocs.js';
import { quantile } from './loadTest.js';
import { printRows, type Row } from './table.js';

const KNOWLEDGE = join(import.meta.dirname, '../../knowledge');
const DOCUMENTS = 1_000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Milliseconds from starting the bot's process to it listening, with `knowledgeDir` as KNOWLEDGE_DIR. */
async function startUp(knowledgeDir: string, dataDir: string): Promise<number> {
  const t = performance.now();
  const bot = await startBenchProcess('bot', dataDir, knowledgeDir);
  const ms = performance.now() - t;
  await bot.stop();
  return ms;
}

/**
 * knowledge:import of 1,000 generated Markdown documents (beside copying the same files, the floor of any
 * import), and the bot's start-up and per-question search with them (beside the same without them).
 */
export async function runKnowledgeImportBench(options: { quick: boolean }): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-import-'));
  try {
    const docs = join(dir, 'docs');
    await writeGeneratedDocs(docs, DOCUMENTS);
    let t = performance.now();
    await cp(docs, join(dir, 'copy'), { recursive: true });
    const copyMs = performance.now() - t;

    const without = join(dir, 'without');
    const withDocs = join(dir, 'with');
    for (const kb of [without, withDocs]) {
      await cp(join(KNOWLEDGE, 'articles'), join(kb, 'articles'), { recursive: true });
      await cp(join(KNOWLEDGE, 'intents'), join(kb, 'intents'), { recursive: true });
    }
    t = performance.now();
    const result = await importSources({ sources: [docs], name: 'generated', knowledgeDir: withDocs });
    const importMs = performance.now() - t;
    if (result.problems.length > 0 || result.documents !== DOCUMENTS)
      throw new Error(`the generated import failed: ${result.problems[0]?.message ?? result.documents}`);

    // Start-ups alternate, so that a busy machine slows both alike.
    const rounds = options.quick ? 1 : 3;
    const startWith: number[] = [];
    const startWithout: number[] = [];
    for (let r = 0; r < rounds; r++) {
      startWithout.push(await startUp(without, join(dir, `data-without-${r}`)));
      startWith.push(await startUp(withDocs, join(dir, `data-with-${r}`)));
    }

    const plain = await loadKnowledgeBase(without);
    const full = await loadKnowledgeBase(withDocs);
    const searches = [
      new ArticleSearch(plain.articles),
      new ArticleSearch(full.articles, { imported: full.imported, tokens: full.tokens }),
    ] as const;
    const queries = plain.articles.flatMap((a) => a.questions.map((text) => ({ text, locale: a.locale })));
    const p50 = searches.map((search) => {
      for (const q of queries.slice(0, 50)) search.best(q.text, q.locale); // warm up the JIT
      const samples = queries.map((q) => {
        const s = performance.now();
        search.best(q.text, q.locale);
        return performance.now() - s;
      });
      return quantile(
        samples.sort((a, b) => a - b),
        0.5,
      );
    });

    const rows: Row[] = [
      { name: `import ${DOCUMENTS} docs (vs copying them)`, ours: importMs / 1000, baseline: copyMs / 1000, unit: 's', better: 'lower' },
      {
        name: `bot start-up (vs without them)`,
        ours: median(startWith) / 1000,
        baseline: median(startWithout) / 1000,
        unit: 's',
        better: 'lower',
      },
      { name: `search p50 (vs without them)`, ours: p50[1]!, baseline: p50[0]!, unit: 'ms', better: 'lower' },
    ];
    printRows(
      `Knowledge import: ${DOCUMENTS} generated Markdown documents (zh-CN and en, ${result.documents} imported), start-ups × ${rounds}`,
      'baseline',
      rows,
    );
    console.log(`start-up with ${DOCUMENTS} imported documents: +${((median(startWith) - median(startWithout)) / 1000).toFixed(2)} s`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
