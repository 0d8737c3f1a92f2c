import type { Article } from '../article.js';
import type { ImportedFaq } from '../importedFormat.js';
import type { SourceProblem } from './sourceText.js';

/** A question-answer pair as read from a source, with where each question came from, before the import checks them together. */
export interface SourcePair {
  /** The row number (sheets) or the pair's id (JSON exports): the `#` part of the id. */
  readonly id: string;
  readonly locale: Article['locale'];
  readonly questions: ReadonlyArray<{ readonly text: string; readonly line: number }>;
  readonly answer: string;
  readonly url: string | null;
  readonly metadata: Readonly<Record<string, string>>;
}

/** A FAQ source file read into pairs. */
export interface SourceFaq {
  readonly rel: string;
  readonly source: string;
  /** The file as problems name it. */
  readonly file: string;
  readonly pairs: readonly SourcePair[];
}

const normal = (q: string) =>
  q
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s?？!！.。]+$/, '')
    .trim();

/**
 * The import's FAQ files as stored, after the checks that need them all: the same question (in one
 * language) with two different answers is a problem at both places; the same question with the same
 * answer is kept once.
 */
export function checkPairs(faqs: readonly SourceFaq[]): { faqs: ImportedFaq[]; problems: SourceProblem[] } {
  const problems: SourceProblem[] = [];
  const seen = new Map<string, { answer: string; file: string; line: number }>();
  const out = faqs.map((faq) => ({
    rel: faq.rel,
    source: faq.source,
    pairs: faq.pairs.map((pair) => {
      const questions: string[] = [];
      for (const q of pair.questions) {
        const key = `${pair.locale}\n${normal(q.text)}`;
        const earlier = seen.get(key);
        if (earlier) {
          if (earlier.answer !== pair.answer.trim()) {
            problems.push({
              file: faq.file,
              line: q.line,
              message: `the question "${q.text.trim()}" has a different answer at ${earlier.file}:${earlier.line}`,
            });
          }
          continue;
        }
        seen.set(key, { answer: pair.answer.trim(), file: faq.file, line: q.line });
        questions.push(q.text.trim());
      }
      return { id: pair.id, locale: pair.locale, questions, answer: pair.answer.trim(), url: pair.url, metadata: pair.metadata };
    }),
  }));
  // A pair whose every question was a repeat of an earlier pair with the same answer adds nothing.
  return { faqs: out.map((f) => ({ ...f, pairs: f.pairs.filter((p) => p.questions.length > 0) })), problems };
}
