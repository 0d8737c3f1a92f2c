import { expect } from 'chai';
import { join } from 'node:path';
import { ArticleSearch } from '../../../bot/knowledge/articleSearch.js';
import { importSources } from '../../../bot/knowledge/import/importSources.js';
import { loadKnowledge } from '../../../bot/knowledge/loadKnowledge.js';
import { makeTempDir } from '../../support/tempDir.js';
import { writeTree } from '../../support/writeTree.js';

const ROOT = join(import.meta.dirname, '../../..');
const ARTICLES = join(ROOT, 'knowledge/articles');

// Documentation written for this test: one long document in each language, and a copy of a curated article.
const DOCS = {
  'vm/backup.md': [
    '---',
    'title: Back up virtual machines',
    'description: Daily backups of Azure VMs with a Recovery Services vault.',
    '---',
    'Azure Backup keeps recovery points of your virtual machines in a Recovery Services vault.',
    '## Create a vault',
    'Create a Recovery Services vault in the same region as the virtual machines.',
    '## Retention',
    'The default policy keeps daily recovery points for 30 days; weekly and monthly points can be kept for years.',
    '## Restore a single file',
    'Choose File Recovery, run the script it gives you, and copy the files from the mounted recovery point.',
  ].join('\n\n'),
  'vm/backup-zh.md': [
    '---',
    'title: 备份虚拟机',
    'description: 使用恢复服务保管库每天备份 Azure 虚拟机。',
    '---',
    'Azure 备份把虚拟机的恢复点保存在恢复服务保管库中。',
    '## 创建保管库',
    '在与虚拟机相同的区域创建恢复服务保管库。',
    '## 保留期',
    '默认策略每天备份一次，每日恢复点保留 30 天。',
    '## 还原单个文件',
    '选择“文件恢复”，运行下载的脚本，从装载的恢复点中复制文件。',
  ].join('\n\n'),
  'storage/azcopy.md': [
    '---',
    'title: 使用 AzCopy 复制 Blob',
    '---',
    'AzCopy 是复制 Blob 的命令行工具。',
    '## 使用 SAS 令牌授权',
    '在 URL 后面附加 SAS 令牌，例如 `azcopy copy file.txt "https://acct.blob.core.chinacloudapi.cn/c/file.txt?<SAS>"`。',
  ].join('\n\n'),
};

describe('section-level search', function () {
  this.timeout(30_000);
  let search: ArticleSearch;
  let remove: () => Promise<void>;

  before(async () => {
    const dir = await makeTempDir('section-search-');
    remove = dir.remove;
    await writeTree(join(dir.path, 'docs'), DOCS);
    const result = await importSources({ sources: [join(dir.path, 'docs')], knowledgeDir: join(dir.path, 'kb'), cwd: dir.path });
    expect(result.problems).to.deep.equal([]);
    const kb = await loadKnowledge(ARTICLES, { imported: join(dir.path, 'kb/imported'), cwd: ROOT });
    expect(kb.problems).to.deep.equal([]);
    search = new ArticleSearch(kb.articles, { imported: kb.imported, tokens: kb.tokens });
  });
  after(() => remove());

  it('answers from the section of an imported document that says it, with the document as the unit', () => {
    const cases: Array<[string, 'en' | 'zh-CN', string, string]> = [
      ['how long are daily VM recovery points kept in the backup vault', 'en', 'imported/docs/vm/backup', 'Retention'],
      ['restore just one file from a virtual machine backup', 'en', 'imported/docs/vm/backup', 'Restore a single file'],
      ['虚拟机备份的恢复点保留多久', 'zh-CN', 'imported/docs/vm/backup-zh', '保留期'],
      ['从虚拟机备份里还原单个文件', 'zh-CN', 'imported/docs/vm/backup-zh', '还原单个文件'],
    ];
    for (const [question, locale, id, heading] of cases) {
      const hit = search.best(question, locale);
      expect([hit?.article.id, hit?.section?.heading], question).to.deep.equal([id, heading]);
      expect(hit!.article.locale).to.equal(locale);
    }
  });

  it('keeps the curated article as the unit, and says which of its sections matched', () => {
    const hit = search.best('how do I add our company domain', 'en');
    expect(hit?.article.id).to.equal('account/custom-domain');
    expect(hit?.article.imported).to.equal(undefined);
    const support = search.best("the TXT record still won't verify after two days, who do I contact", 'en');
    // Both the domain and the DNS article cover verification; within the domain article, the part that
    // matches is the support one.
    expect(support?.article.id).to.be.oneOf(['account/custom-domain', 'config/dns-records']);
    expect(support?.section).to.not.equal(undefined);
    const question = "the TXT record still won't verify after two days, who do I contact";
    expect(search.followUp('account/custom-domain', 'en', question)?.heading).to.equal('When to contact support');
  });

  it('lands a follow-up such as "how long does it take?" on the part of a long article that says how long', () => {
    expect(search.followUp('account/custom-domain', 'en', 'how long does it take?')?.heading).to.equal('Steps');
    expect(search.followUp('account/custom-domain', 'zh-CN', '要等多长时间？')?.heading).to.equal('操作步骤');
    expect(search.followUp('imported/docs/vm/backup', 'en', 'how long are they kept?')?.heading).to.equal('Retention');
    expect(search.followUp('account/custom-domain', 'en', 'what is the weather today?')).to.equal(null);
  });

  it("answers from the other language only when nothing in the question's own does", () => {
    // Only the Chinese AzCopy document covers SAS tokens for AzCopy.
    const fallback = search.best('azcopy SAS token', 'en');
    expect([fallback?.article.id, fallback?.article.locale]).to.deep.equal(['imported/docs/storage/azcopy', 'zh-CN']);
    // The English backup document answers English questions even though a Chinese one says the same.
    expect(search.best('recovery services vault retention', 'en')?.article.locale).to.equal('en');
    // A curated article in the question's language is never passed over for an imported one in the other.
    expect(search.best('怎么开增值税发票', 'zh-CN')?.article.id).to.equal('billing/fapiao');
  });
});

describe('curated articles and imported material', function () {
  this.timeout(30_000);

  it('the curated article wins a tie with imported material that says the same', async () => {
    const dir = await makeTempDir('tie-');
    try {
      const curated = (await loadKnowledge(ARTICLES, { cwd: ROOT })).articles.find((a) => a.id === 'billing/fapiao' && a.locale === 'en')!;
      // The same article, imported as documentation: same title, same text.
      const copy = `---\ntitle: ${curated.title}\ndescription: ${curated.summary}\n---\n${curated.body}\n`;
      await writeTree(join(dir.path, 'docs'), { 'fapiao.md': copy });
      await importSources({ sources: [join(dir.path, 'docs')], knowledgeDir: join(dir.path, 'kb'), cwd: dir.path });
      const kb = await loadKnowledge(ARTICLES, { imported: join(dir.path, 'kb/imported'), cwd: ROOT });
      const search = new ArticleSearch(kb.articles, { imported: kb.imported, tokens: kb.tokens });
      for (const question of [curated.title, 'how do I get a fapiao', 'VAT invoice for our company']) {
        const ids = search.search(question, 'en', 3).map((h) => h.article.id);
        expect(ids[0], question).to.equal('billing/fapiao');
        expect(ids, question).to.include('imported/docs/fapiao');
      }
    } finally {
      await dir.remove();
    }
  });
});
