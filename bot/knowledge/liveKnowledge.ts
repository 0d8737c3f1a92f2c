import { watch, type FSWatcher } from 'node:fs';
import type { Article, KnowledgeProblem } from './article.js';
import { ArticleSearch, type Hit } from './articleSearch.js';
import { loadKnowledge } from './loadKnowledge.js';

/**
 * The search the bot answers from, swappable at run time: in development, editing an article
 * re-indexes without a restart. An edit that breaks the base keeps the last good index.
 */
export class LiveKnowledge {
  private watcher?: FSWatcher;

  constructor(
    private readonly dir: string,
    private current: ArticleSearch,
  ) {}

  get(id: string, locale: Article['locale']): Article | undefined {
    return this.current.get(id, locale);
  }
  best(question: string, locale: Article['locale']): Hit | null {
    return this.current.best(question, locale);
  }
  nextBest(question: string, locale: Article['locale'], exclude: readonly string[]): Hit | null {
    return this.current.nextBest(question, locale, exclude);
  }
  bestScore(question: string, locale: Article['locale']): number {
    return this.current.bestConfidence(question, locale);
  }

  async reload(): Promise<readonly KnowledgeProblem[]> {
    const { articles, problems } = await loadKnowledge(this.dir);
    if (problems.length === 0) this.current = new ArticleSearch(articles);
    return problems;
  }

  /** Re-indexes shortly after files stop changing; `onReload` hears the outcome. */
  watch(onReload: (problems: readonly KnowledgeProblem[]) => void): void {
    let timer: NodeJS.Timeout | undefined;
    this.watcher = watch(this.dir, { recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(() => void this.reload().then(onReload, () => onReload([{ file: this.dir, line: 0, message: 'could not be read' }])), 200);
    });
  }

  close(): void {
    this.watcher?.close();
  }
}
