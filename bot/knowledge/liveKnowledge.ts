import { watch, type FSWatcher } from 'node:fs';
import { dirname, relative } from 'node:path';
import type { Article, KnowledgeProblem } from './article.js';
import { ArticleSearch, type Hit } from './articleSearch.js';
import { loadKnowledge } from './loadKnowledge.js';
import type { Section } from './section.js';

/**
 * The search the bot answers from, swappable at run time: in development, editing an article (or
 * re-importing documentation) re-indexes without a restart. An edit that breaks the base keeps the last good index.
 */
export class LiveKnowledge {
  private watcher?: FSWatcher;
  /**
   * Searches already done in a turn, by question: the main dialog and the FAQ dialog ask about the same
   * question. Keyed by an object that lives as long as the turn (its TurnContext), so nothing outlives it.
   */
  private turns = new WeakMap<object, Map<string, Hit[]>>();

  /** `dir`: the curated articles; `options.imported`: the imported documentation beside them (`knowledge/imported`). */
  constructor(
    private readonly dir: string,
    private current: ArticleSearch,
    private readonly options: { readonly imported?: string } = {},
  ) {}

  get(id: string, locale: Article['locale']): Article | undefined {
    return this.current.get(id, locale);
  }
  /** `turn`: the turn asking, so that asking again in the same turn does not search again. */
  best(question: string, locale: Article['locale'], turn?: object): Hit | null {
    return this.current.best(question, locale, this.ranked(question, locale, turn));
  }
  /** The best few answers, for a clarifying menu; `score` is each one's confidence (0..1). */
  candidates(question: string, locale: Article['locale'], limit: number): Array<{ article: Article; score: number }> {
    return this.current.search(question, locale, limit).map((h) => ({ article: h.article, score: h.confidence }));
  }
  nextBest(question: string, locale: Article['locale'], exclude: readonly string[]): Hit | null {
    return this.current.nextBest(question, locale, exclude);
  }
  bestScore(question: string, locale: Article['locale'], turn?: object): number {
    return this.current.bestConfidence(question, locale, this.ranked(question, locale, turn));
  }
  followUp(id: string, locale: Article['locale'], question: string): Section | null {
    return this.current.followUp(id, locale, question);
  }

  async reload(): Promise<readonly KnowledgeProblem[]> {
    const { articles, imported, tokens, problems } = await loadKnowledge(this.dir, {
      ...(this.options.imported !== undefined && { imported: this.options.imported }),
    });
    if (problems.length === 0) {
      this.current = new ArticleSearch(articles, { imported, tokens });
      this.turns = new WeakMap();
    }
    return problems;
  }

  /** The question's best candidate (best and bestScore need only the first), searched once per turn. */
  private ranked(question: string, locale: Article['locale'], turn: object | undefined): Hit[] {
    if (!turn) return this.current.search(question, locale, 1);
    let done = this.turns.get(turn);
    if (!done) this.turns.set(turn, (done = new Map()));
    const key = `${locale}\n${question}`;
    let ranked = done.get(key);
    if (!ranked) done.set(key, (ranked = this.current.search(question, locale, 1)));
    return ranked;
  }

  /**
   * Re-indexes shortly after files stop changing; `onReload` hears the outcome. With imports, the folder
   * holding both is watched, as `imported/` may not exist yet; an import is swapped in by a rename, so a
   * reload sees the old one or the new one whole.
   */
  watch(onReload: (problems: readonly KnowledgeProblem[]) => void): void {
    let timer: NodeJS.Timeout | undefined;
    const imported = this.options.imported;
    const root = imported === undefined ? this.dir : dirname(imported);
    const watched = imported === undefined ? [] : [relative(root, this.dir), relative(root, imported)];
    this.watcher = watch(root, { recursive: true }, (_event, file) => {
      if (watched.length > 0 && file && !watched.some((w) => file === w || file.startsWith(`${w}/`) || file.startsWith(`${w}\\`))) return;
      clearTimeout(timer);
      timer = setTimeout(
        () => void this.reload().then(onReload, () => onReload([{ file: this.dir, line: 0, message: 'could not be read' }])),
        200,
      );
    });
  }

  close(): void {
    this.watcher?.close();
  }
}
