import { readFile } from 'node:fs/promises';
import { detectLang } from '../../bot/nlu/detectLang.js';
import type { Lang } from '../../bot/nlu/types.js';

export interface LabelledUtterance {
  readonly text: string;
  readonly intent: string;
  readonly lang: Lang;
}

/** JSON Lines with `text` and `intent` (and optionally `lang`); lines that are not JSON are reported and skipped. */
export async function readLabelledUtterances(
  files: readonly string[],
  warn: (line: string) => void = () => {},
): Promise<LabelledUtterance[]> {
  const out: LabelledUtterance[] = [];
  for (const file of files) {
    const lines = (await readFile(file, 'utf8')).split('\n');
    for (const [i, line] of lines.entries()) {
      if (line.trim() === '') continue;
      let item: { text?: unknown; intent?: unknown; lang?: unknown };
      try {
        item = JSON.parse(line) as typeof item;
      } catch {
        warn(`${file}:${i + 1}: not JSON, skipped`);
        continue;
      }
      if (typeof item.text !== 'string' || typeof item.intent !== 'string') continue;
      out.push({
        text: item.text,
        intent: item.intent,
        lang: item.lang === 'zh' || item.lang === 'en' ? item.lang : detectLang(item.text),
      });
    }
  }
  return out;
}
