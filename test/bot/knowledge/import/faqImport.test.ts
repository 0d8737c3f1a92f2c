import { expect } from 'chai';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import writeExcelFile from 'write-excel-file/node';
import { importSources } from '../../../../bot/knowledge/import/importSources.js';
import { loadImported } from '../../../../bot/knowledge/loadImported.js';
import { makeTempDir } from '../../../support/tempDir.js';
import { readTree, writeTree } from '../../../support/writeTree.js';

// QnA Maker exports one row per question; rows of one pair share the answer and the QnaId.
const TSV = [
  'Question\tAnswer\tSource\tMetadata\tSuggestedQuestions\tIsContextOnly\tPrompts\tQnaId',
  'Who issues our invoices?\tThe partner issues them every month.\\nAsk its billing team.\thttps://example.com/billing\tcategory:billing|audience:admins\t[]\tfalse\t[]\t7',
  'who sends the bill\tThe partner issues them every month.\\nAsk its billing team.\thttps://example.com/billing\tcategory:billing|audience:admins\t[]\tfalse\t[]\t7',
  '发票找谁开？\t由合作伙伴开具。\tEditorial\tcategory:billing\t[]\tfalse\t[]\t8',
].join('\n');

const CQA_JSON = JSON.stringify(
  {
    qnaList: [
      {
        id: 11,
        answer: 'Use the Reset password page of the VM.',
        source: 'faq.docx',
        questions: ['How do I reset a VM password?', 'forgot vm password'],
        metadata: [{ name: 'Product', value: 'VM' }],
      },
      { id: 12, answer: '在 Microsoft 365 管理中心的“计费”中查看。', questions: ['许可证在哪里看'], metadata: {} },
    ],
  },
  null,
  2,
);

async function run(files: Record<string, string | Uint8Array>, sources: string[] = ['faq']) {
  const dir = await makeTempDir('import-faq-');
  await writeTree(dir.path, files);
  const result = await importSources({
    sources: sources.map((s) => join(dir.path, s)),
    knowledgeDir: join(dir.path, 'kb'),
    cwd: dir.path,
    name: 'faq',
  });
  return { dir, result };
}

describe('knowledge:import of FAQs (QnA Maker / custom question answering exports, sheets)', function () {
  this.timeout(20_000);

  it('reads a TSV export: alternate questions by QnaId, metadata, source URL, one id per first row', async () => {
    const { dir, result } = await run({ 'faq/export.tsv': TSV });
    try {
      expect(result.problems).to.deep.equal([]);
      expect(result.pairs).to.equal(2);
      const { articles } = await loadImported(join(dir.path, 'kb/imported'));
      const en = articles.find((a) => a.id === 'imported/faq/export#2')!;
      expect(en).to.include({
        title: 'Who issues our invoices?',
        locale: 'en',
        body: 'The partner issues them every month.\nAsk its billing team.',
      });
      expect(en.questions).to.deep.equal(['who sends the bill']);
      expect(en.tags).to.deep.equal(['billing', 'admins']);
      expect(en.imported?.url).to.equal('https://example.com/billing');
      const zh = articles.find((a) => a.id === 'imported/faq/export#4')!;
      expect(zh).to.include({ title: '发票找谁开？', locale: 'zh-CN' });
      expect(zh.imported?.url).to.equal(null);
    } finally {
      await dir.remove();
    }
  });

  it('reads a custom question answering JSON export (qnaList or qnas) with its ids', async () => {
    for (const key of ['qnaList', 'qnas']) {
      const { dir, result } = await run({ 'faq/kb.json': CQA_JSON.replace('"qnaList"', `"${key}"`) });
      try {
        expect(result.problems).to.deep.equal([]);
        const { articles } = await loadImported(join(dir.path, 'kb/imported'));
        expect(articles.map((a) => [a.id, a.locale, a.title, a.questions]).sort()).to.deep.equal([
          ['imported/faq/kb#11', 'en', 'How do I reset a VM password?', ['forgot vm password']],
          ['imported/faq/kb#12', 'zh-CN', '许可证在哪里看', []],
        ]);
      } finally {
        await dir.remove();
      }
    }
  });

  it('reads an xlsx sheet with Chinese headers and a CSV with English ones, splitting alternative questions', async () => {
    const cell = (value: string) => ({ value, type: String });
    const sheet = [
      ['问题', '答案', '相似问题', '语言'],
      ['可以开专票吗？', '可以，请提供开票信息。', '能开增值税专用发票吗\n专票怎么开', '中文'],
      ['Do you work weekends?', 'Our phone line is open on working days.', 'weekend support; saturday hours', 'English'],
    ].map((r) => r.map(cell));
    const xlsx = await writeExcelFile(sheet as never).toBuffer();
    const csv =
      'QUESTION,Answer,Alternative Questions,Language\n"Where is the admin center, again?","At https://portal.partner.microsoftonline.cn, ""Admin"" tile.",admin portal url,en\n';
    const { dir, result } = await run({ 'faq/sheet.xlsx': new Uint8Array(xlsx), 'faq/more.csv': csv });
    try {
      expect(result.problems).to.deep.equal([]);
      const { articles } = await loadImported(join(dir.path, 'kb/imported'));
      expect(articles.map((a) => [a.id, a.locale, a.title, a.questions]).sort()).to.deep.equal([
        ['imported/faq/more#2', 'en', 'Where is the admin center, again?', ['admin portal url']],
        ['imported/faq/sheet#2', 'zh-CN', '可以开专票吗？', ['能开增值税专用发票吗', '专票怎么开']],
        ['imported/faq/sheet#3', 'en', 'Do you work weekends?', ['weekend support', 'saturday hours']],
      ]);
      expect(articles.find((a) => a.id === 'imported/faq/more#2')!.body).to.equal(
        'At https://portal.partner.microsoftonline.cn, "Admin" tile.',
      );
    } finally {
      await dir.remove();
    }
  });

  it('reports an empty answer, a question with two answers, an unreadable file (with file and line); the old import stays', async () => {
    const { dir, result } = await run({ 'faq/export.tsv': TSV });
    try {
      expect(result.problems).to.deep.equal([]);
      const before = await readTree(join(dir.path, 'kb/imported'));
      await writeTree(dir.path, {
        'bad/a.csv': 'Question,Answer\nHow do I pay?,By bank transfer.\nWhat is a fapiao?,\n',
        'bad/b.csv': 'question,answer\n"how do I pay",Only by card.\n',
        'bad/c.xlsx': 'this is not a workbook',
      });
      const bad = await importSources({ sources: [join(dir.path, 'bad')], knowledgeDir: join(dir.path, 'kb'), cwd: dir.path, name: 'faq' });
      expect(bad.problems.map((p) => `${p.file}:${p.line}: ${p.message}`)).to.deep.equal([
        'bad/a.csv:3: empty answer for "What is a fapiao?"',
        'bad/c.xlsx:1: cannot read the workbook ' + bad.problems[1]!.message.slice('cannot read the workbook '.length),
        'bad/b.csv:2: the question "how do I pay" has a different answer at bad/a.csv:2',
      ]);
      const after = await readTree(join(dir.path, 'kb/imported'));
      expect([...after.keys()].sort()).to.deep.equal([...before.keys()].sort());
      for (const [path, bytes] of before) expect(after.get(path)!.equals(bytes), path).to.equal(true);
      // No temporary folder is left behind either.
      expect((await readdir(join(dir.path, 'kb/imported'))).sort()).to.deep.equal(['faq']);
    } finally {
      await dir.remove();
    }
  });

  it('names a missing SOURCE and a file type it cannot read', async () => {
    const { dir, result } = await run({ 'notes.txt': 'hello' }, ['nowhere', 'notes.txt']);
    try {
      expect(result.problems.map((p) => `${p.file}:${p.line}`)).to.deep.equal(['nowhere:0', 'notes.txt:0']);
      expect(await readFile(join(dir.path, 'notes.txt'), 'utf8')).to.equal('hello');
    } finally {
      await dir.remove();
    }
  });
});
