import type { Locale } from '../../bot/i18n/locale.js';
import type { ArticleSource, ArticleSummary } from '../../dialogs/customerDialogDeps.js';

/** Every article id exists, titled "<id> (<locale>)" so tests can see which one was shown. */
export class FakeArticles implements ArticleSource {
  readonly asked: string[] = [];
  get(id: string, locale: Locale): ArticleSummary | undefined {
    this.asked.push(id);
    if (id === 'missing/article') return undefined;
    return { id, title: `${id} (${locale})`, summary: `Summary of ${id}`, steps: ['First step', 'Second step'] };
  }
}
