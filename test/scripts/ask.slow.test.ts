import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');

function ask(lines: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/ask.ts')], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`ask exited ${code}`))));
    child.stdin.end(lines.join('\n') + '\n');
  });
}

describe('npm run ask (the DESIGN.md contract)', function () {
  this.timeout(30_000);

  it('writes one {"question","articleId","score","lang","section"} per question line, with null when there is no good answer', async () => {
    const out = await ask(['怎么开增值税发票', '', 'how do I add our company domain', 'recommend a good restaurant nearby']);
    const rows = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { question: string; articleId: string | null; score: number; lang: string; section: string | null });
    expect(rows.map((r) => Object.keys(r))).to.deep.equal(Array(3).fill(['question', 'articleId', 'score', 'lang', 'section']));
    expect(rows[2]!.section).to.equal(null);
    expect(rows.map((r) => [r.question, r.articleId, r.lang])).to.deep.equal([
      ['怎么开增值税发票', 'billing/fapiao', 'zh'],
      ['how do I add our company domain', 'account/custom-domain', 'en'],
      ['recommend a good restaurant nearby', null, 'en'],
    ]);
    for (const r of rows) expect(r.score).to.be.within(0, 1);
  });
});
