import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeTempDir } from '../support/tempDir.js';
import { writeTree } from '../support/writeTree.js';

const ROOT = join(import.meta.dirname, '../..');
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

/** Runs a project script as npm would, in `cwd` (outside the project, so tsx is named by its path), feeding `input` on stdin. */
function run(script: string, args: string[], cwd: string, input = ''): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', TSX, join(ROOT, 'scripts', script), ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.once('exit', (code) => resolve({ code, out, err }));
    child.stdin.end(input);
  });
}

const DOCS = {
  'Help Docs/storage/faq.md':
    '---\ntitle: Storage account questions\ndescription: Naming and redundancy of storage accounts.\n---\n' +
    'Storage accounts hold blobs, files, queues and tables.\n\n' +
    '## Account names\n\nA storage account name has 3 to 24 lowercase letters and digits.\n\n' +
    '## Redundancy\n\nLRS keeps three copies in one datacenter; GRS adds a copy in the paired region.\n',
  'Help Docs/faq.tsv': 'Question\tAnswer\tQnaId\nCan we pay by bank transfer?\tYes, bank transfer is accepted for all invoices.\t1\n',
};

describe('npm run knowledge:import and ask --knowledge (the DESIGN.md contract)', function () {
  this.timeout(60_000);

  it('imports to DIR/imported/NAME (default: SOURCE folder, made safe); ask --knowledge DIR answers with its ids, sections', async () => {
    const dir = await makeTempDir('import-cli-');
    try {
      await writeTree(dir.path, DOCS);
      const imported = await run(
        'knowledgeImport.ts',
        ['Help Docs', '--knowledge', 'kb', '--base-url', 'https://help.example.cn/'],
        dir.path,
      );
      expect(imported.err).to.equal('');
      expect(imported.code).to.equal(0);
      expect(imported.out).to.match(/^imported "help-docs": 1 document\(s\), 1 question-answer pair\(s\)/);
      expect(await readdir(join(dir.path, 'kb/imported'))).to.deep.equal(['help-docs']);

      const asked = await run(
        'ask.ts',
        ['--knowledge', 'kb'],
        dir.path,
        'how many letters can a storage account name have\ncan we pay by bank transfer\nrecommend a good restaurant nearby\n',
      );
      expect(asked.code).to.equal(0);
      const rows = asked.out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(rows.map((r) => Object.keys(r))).to.deep.equal(Array(3).fill(['question', 'articleId', 'score', 'lang', 'section']));
      expect(rows.map((r) => [r.articleId, r.section, r.lang])).to.deep.equal([
        ['imported/help-docs/storage/faq', 'Account names', 'en'],
        ['imported/help-docs/faq#2', null, 'en'],
        [null, null, 'en'],
      ]);
    } finally {
      await dir.remove();
    }
  });

  it('reports bad input as file:line and exits 1 with nothing written; --remove NAME deletes an import', async () => {
    const dir = await makeTempDir('import-cli-bad-');
    try {
      await writeTree(dir.path, { ...DOCS, 'bad/faq.csv': 'question,answer\nHow do I pay?,\n' });
      const bad = await run('knowledgeImport.ts', ['bad', '--knowledge', 'kb'], dir.path);
      expect(bad.code).to.equal(1);
      expect(bad.err).to.include('bad/faq.csv:2: empty answer for "How do I pay?"');
      expect(await readdir(join(dir.path, 'kb')).catch(() => [])).to.deep.equal([]);

      expect((await run('knowledgeImport.ts', ['Help Docs', '--name', 'docs', '--knowledge', 'kb'], dir.path)).code).to.equal(0);
      const removed = await run('knowledgeImport.ts', ['--remove', 'docs', '--knowledge', 'kb'], dir.path);
      expect([removed.code, removed.out]).to.deep.equal([0, 'removed import "docs"\n']);
      expect(await readdir(join(dir.path, 'kb/imported'))).to.deep.equal([]);
      expect((await run('knowledgeImport.ts', ['--remove', 'docs', '--knowledge', 'kb'], dir.path)).code).to.equal(1);
      expect((await run('knowledgeImport.ts', ['Help Docs', '--name', '../escape', '--knowledge', 'kb'], dir.path)).code).to.equal(1);
    } finally {
      await dir.remove();
    }
  });
});
