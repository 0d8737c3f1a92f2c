import { Ajv } from 'ajv';
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { INTENTS } from '../../bot/nlu/intents.js';
import { loadUtterances } from '../../bot/nlu/utteranceFiles.js';
import { makeTempDir } from '../support/tempDir.js';

const ROOT = join(import.meta.dirname, '../..');
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

function run(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const env = { PATH: process.env.PATH ?? '', KNOWLEDGE_DIR: join(ROOT, 'knowledge') };
    execFile(
      process.execPath,
      ['--import', TSX, join(ROOT, 'scripts/exportClu.ts'), ...args],
      { cwd, env, maxBuffer: 64 << 20 },
      (err, stdout, stderr) => resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** The import-project shape of the CLU authoring API 2023-04-01 (Conversation project), as documented. */
const SCHEMA = {
  type: 'object',
  required: ['projectFileVersion', 'stringIndexType', 'metadata', 'assets'],
  properties: {
    projectFileVersion: { const: '2023-04-01' },
    stringIndexType: { const: 'Utf16CodeUnit' },
    metadata: {
      type: 'object',
      required: ['projectKind', 'projectName', 'multilingual', 'language'],
      properties: {
        projectKind: { const: 'Conversation' },
        projectName: { type: 'string', minLength: 1 },
        multilingual: { const: true },
        description: { type: 'string' },
        language: { enum: ['zh-hans', 'en-us'] },
        settings: { type: 'object', properties: { confidenceThreshold: { type: 'number', minimum: 0, maximum: 1 } } },
      },
    },
    assets: {
      type: 'object',
      required: ['projectKind', 'intents', 'entities', 'utterances'],
      properties: {
        projectKind: { const: 'Conversation' },
        intents: {
          type: 'array',
          items: { type: 'object', required: ['category'], properties: { category: { type: 'string' } }, additionalProperties: false },
        },
        entities: { type: 'array' },
        utterances: {
          type: 'array',
          items: {
            type: 'object',
            required: ['text', 'intent', 'language', 'dataset'],
            properties: {
              // CLU rejects utterances over 500 characters.
              text: { type: 'string', minLength: 1, maxLength: 500 },
              intent: { type: 'string' },
              language: { enum: ['zh-hans', 'en-us'] },
              dataset: { enum: ['Train', 'Test'] },
            },
            additionalProperties: false,
          },
        },
      },
    },
  },
} as const;

interface ProjectFile {
  metadata: { projectName: string; language: string };
  assets: { intents: Array<{ category: string }>; utterances: Array<{ text: string; intent: string; language: string; dataset: string }> };
}

describe('npm run export:clu', function () {
  this.timeout(60_000);
  let dir: { path: string; remove: () => Promise<void> };
  before(async () => (dir = await makeTempDir('export-clu-')));
  after(() => dir.remove());

  it('writes an import-project file of the documented shape, with every intent and every utterance', async () => {
    const out = join(dir.path, 'project.json');
    const r = await run([out, '--project', 'csp-test'], dir.path);
    expect(r.code, r.stderr).to.equal(0);
    const file = JSON.parse(await readFile(out, 'utf8')) as ProjectFile;

    const validate = new Ajv({ allErrors: true }).compile(SCHEMA);
    expect(validate(file), JSON.stringify(validate.errors?.slice(0, 5))).to.equal(true);
    expect(file.metadata.projectName).to.equal('csp-test');

    expect(file.assets.intents.map((i) => i.category)).to.have.members([...INTENTS]);
    expect(new Set(file.assets.utterances.map((u) => u.intent))).to.deep.equal(new Set(INTENTS));

    const expected = await loadUtterances(join(ROOT, 'knowledge/intents'));
    const key = (intent: string, language: string) => `${intent}|${language}`;
    const counts = (pairs: Array<[string, string]>) =>
      pairs.reduce((m, [i, l]) => m.set(key(i, l), (m.get(key(i, l)) ?? 0) + 1), new Map<string, number>());
    const fromFiles = counts(expected.map((u) => [u.intent, u.locale === 'zh-CN' ? 'zh-hans' : 'en-us']));
    const exported = counts(file.assets.utterances.map((u) => [u.intent, u.language]));
    expect(exported.size).to.equal(INTENTS.length * 2);
    expect([...exported].sort()).to.deep.equal([...fromFiles].sort());
    expect(file.assets.utterances.map((u) => u.text).sort()).to.deep.equal(expected.map((u) => u.text).sort());
  });

  it('prints to stdout without a path, with no utterance twice in one language', async () => {
    const r = await run([], dir.path);
    expect(r.code, r.stderr).to.equal(0);
    const file = JSON.parse(r.stdout) as ProjectFile;
    expect(file.metadata.projectName).to.equal('csp-support-bot');
    const seen = new Set<string>();
    const duplicates = file.assets.utterances
      .map((u) => `${u.language}:${u.text.trim().toLowerCase()}`)
      .filter((k) => seen.size === seen.add(k).size);
    expect(duplicates).to.deep.equal([]);
  });
});
