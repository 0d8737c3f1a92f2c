import type { SourcePair } from './sourcePair.js';
import { detectLocale, localeOf, type SourceProblem } from './sourceText.js';

interface RawQna {
  id?: unknown;
  answer?: unknown;
  source?: unknown;
  questions?: unknown;
  metadata?: unknown;
  language?: unknown;
}

/** name/value pairs (QnA Maker) or an object (custom question answering) as one flat map. */
function metadataOf(raw: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(raw)) {
    for (const m of raw as Array<{ name?: unknown; value?: unknown }>) {
      if (typeof m?.name === 'string' && m.value !== undefined && m.value !== null) out[m.name.toLowerCase()] = String(m.value);
    }
  } else if (raw && typeof raw === 'object') {
    for (const [k, v] of Object.entries(raw as Record<string, unknown>))
      if (v !== undefined && v !== null) out[k.toLowerCase()] = String(v);
  }
  return out;
}

/**
 * The pairs of a QnA Maker or custom question answering JSON export: `qnaList` (QnA Maker), `qnas`,
 * `qnaDocuments` or `value` (the authoring API), or a bare list; each with `questions`, `answer`,
 * `source` and `metadata`. Problems name the line of the pair's first question.
 */
export function qnaJson(text: string, file: string): { pairs: SourcePair[]; problems: SourceProblem[] } {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const at = /position (\d+)/.exec((err as Error).message);
    const line = at ? text.slice(0, Number(at[1])).split('\n').length : 1;
    return { pairs: [], problems: [{ file, line, message: `not valid JSON: ${(err as Error).message}` }] };
  }
  const root = data as Record<string, unknown>;
  const list = Array.isArray(data) ? data : (root?.qnaList ?? root?.qnas ?? root?.qnaDocuments ?? root?.value);
  if (!Array.isArray(list))
    return { pairs: [], problems: [{ file, line: 1, message: 'no question-answer list (qnaList, qnas, qnaDocuments or value)' }] };
  const lineOf = (s: string) => {
    const at = text.indexOf(JSON.stringify(s).slice(1, -1));
    return at < 0 ? 1 : text.slice(0, at).split('\n').length;
  };
  const pairs: SourcePair[] = [];
  const problems: SourceProblem[] = [];
  (list as RawQna[]).forEach((raw, i) => {
    const questions = (Array.isArray(raw?.questions) ? raw.questions : []).filter(
      (q): q is string => typeof q === 'string' && q.trim() !== '',
    );
    const answer = typeof raw?.answer === 'string' ? raw.answer.trim() : '';
    const id = typeof raw?.id === 'number' || (typeof raw?.id === 'string' && raw.id.trim()) ? String(raw.id).trim() : String(i + 1);
    const line = questions[0] ? lineOf(questions[0]) : 1;
    if (questions.length === 0) return void problems.push({ file, line, message: `pair ${id} has no question` });
    if (!answer) return void problems.push({ file, line, message: `empty answer for "${questions[0]}"` });
    const metadata = metadataOf(raw.metadata);
    const language = typeof raw.language === 'string' ? raw.language : (metadata.language ?? metadata.lang ?? metadata.locale);
    const locale = language ? localeOf(language) : detectLocale(`${questions.join('\n')}\n${answer}`);
    if (!locale) return void problems.push({ file, line, message: `unknown language "${language}" (use zh-CN or en)` });
    const source = typeof raw.source === 'string' ? raw.source : '';
    pairs.push({
      id,
      locale,
      questions: questions.map((q) => ({ text: q, line: lineOf(q) })),
      answer,
      url: /^https?:\/\//i.test(source) ? source : null,
      metadata,
    });
  });
  return { pairs, problems };
}
