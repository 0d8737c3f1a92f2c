import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { CorpusError, parseScenario, type Scenario } from './scenario.js';

/** Every scenario in the corpus folder's *.yaml files (each file a list of scenarios), in file order. */
export async function loadCorpus(dir: string, root = process.cwd()): Promise<Scenario[]> {
  const files = (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort();
  if (files.length === 0) throw new CorpusError(`${dir}: no scenario files (*.yaml)`);
  const scenarios: Scenario[] = [];
  for (const name of files) {
    const path = join(dir, name);
    const file = relative(root, path);
    let raw: unknown;
    try {
      raw = parse(await readFile(path, 'utf8'));
    } catch (err) {
      throw new CorpusError(`${file}: ${(err as Error).message}`);
    }
    if (!Array.isArray(raw)) throw new CorpusError(`${file}: expected a list of scenarios`);
    scenarios.push(...raw.map((s, i) => parseScenario(s, file, i)));
  }
  const seen = new Map<string, string>();
  for (const s of scenarios) {
    const other = seen.get(s.id);
    if (other) throw new CorpusError(`${s.file}: id ${s.id} is also used in ${other}`);
    seen.set(s.id, s.file);
  }
  return scenarios;
}
