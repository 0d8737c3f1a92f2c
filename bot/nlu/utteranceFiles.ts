import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { isIntent, type Intent } from './intents.js';

export interface TrainingUtterance {
  readonly text: string;
  readonly intent: Intent;
  readonly locale: 'zh-CN' | 'en';
}

export class UtteranceFileError extends Error {
  override readonly name = 'UtteranceFileError';
  constructor(
    readonly file: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${reason}`, options);
  }
}

/** Reads knowledge/intents/<intent>.<locale>.yaml: `intent`, `locale`, `utterances: [...]`. */
export async function loadUtterances(dir: string): Promise<TrainingUtterance[]> {
  const names = (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort();
  const out: TrainingUtterance[] = [];
  for (const name of names) {
    const file = join(dir, name);
    let doc: unknown;
    try {
      doc = parse(await readFile(file, 'utf8'));
    } catch (err) {
      throw new UtteranceFileError(file, 'is not valid YAML', { cause: err });
    }
    const d = doc as { intent?: unknown; locale?: unknown; utterances?: unknown };
    if (!isIntent(d?.intent)) throw new UtteranceFileError(file, `has unknown intent "${String(d?.intent)}"`);
    if (d.locale !== 'zh-CN' && d.locale !== 'en') throw new UtteranceFileError(file, 'needs locale zh-CN or en');
    if (name !== `${d.intent}.${d.locale}.yaml`) throw new UtteranceFileError(file, `should be named ${d.intent}.${d.locale}.yaml`);
    if (!Array.isArray(d.utterances) || !d.utterances.every((u) => typeof u === 'string' || typeof u === 'number')) {
      throw new UtteranceFileError(file, 'needs a list of utterances');
    }
    for (const u of d.utterances) out.push({ text: String(u), intent: d.intent, locale: d.locale });
  }
  if (out.length === 0) throw new UtteranceFileError(dir, 'has no utterance files');
  return out;
}
