import { expect } from 'chai';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { importSources } from '../../../../bot/knowledge/import/importSources.js';
import { removeImport } from '../../../../bot/knowledge/import/writeImport.js';
import { loadImported } from '../../../../bot/knowledge/loadImported.js';
import { makeTempDir } from '../../../support/tempDir.js';
import { readTree, writeTree } from '../../../support/writeTree.js';

// A small documentation folder in the docs.azure.cn shape, written for this test.
const DOCS = {
  'storage/create-account.md': [
    '---',
    'title: 创建存储帐户',
    'description: 在门户中创建存储帐户。',
    'ms.date: 03/11/2024',
    '---',
    '# 创建存储帐户',
    '',
    '<!-- 截图待更新',
    '[!INCLUDE [gone](includes/not-there.md)] -->',
    '存储帐户为数据提供命名空间。参阅[冗余](redundancy.md#lrs)和[门户](https://portal.azure.cn)。',
    '',
    '> [!NOTE]',
    '> 终结点后缀是 `core.chinacloudapi.cn`。',
    '',
    '[!INCLUDE [prereq](../includes/prereq.md)]',
    '',
    '![截图](media/shot.png)',
    '',
    '> [!div class="nextstepaction"]',
    '> [下一步](redundancy.md)',
    '',
    '## 在门户中创建',
    '',
    '::: zone pivot="portal"',
    '选择“存储帐户”>“创建”。',
    '::: zone-end',
    '',
    '### 名称规则',
    '',
    '名称长度为 3 到 24 个字符。',
    '',
    '```bash',
    '# 这一行不是标题',
    'az storage account create --name demo',
    '```',
  ].join('\n'),
  'storage/redundancy.md':
    '---\ntitle: Storage redundancy\nms.locale: en-us\n---\n' +
    '## LRS\n\nThree copies in one datacenter.\n\n## GRS\n\nA copy in the paired region.\n',
  'includes/prereq.md':
    '---\ntitle: include\n---\n> [!TIP]\n> 需要“参与者”角色，详见[角色](../storage/redundancy.md)。\n\n[!INCLUDE [nested](nested.md)]\n',
  'includes/nested.md': '嵌套的包含文件也会展开。\n',
  'storage/includes/local.md': '只被包含，不是文档。\n',
};

describe('knowledge:import of a Markdown documentation folder', function () {
  this.timeout(20_000);

  async function imported(baseUrl: string | null) {
    const dir = await makeTempDir('import-md-');
    await writeTree(join(dir.path, 'docs'), DOCS);
    const result = await importSources({ sources: [join(dir.path, 'docs')], knowledgeDir: join(dir.path, 'kb'), baseUrl, cwd: dir.path });
    return { dir, result };
  }

  it('keeps title, URL, date and locale, resolves includes, turns notes into text, drops markup that means nothing in a chat', async () => {
    const { dir, result } = await imported('https://docs.azure.cn/zh-cn/');
    try {
      expect(result.problems).to.deep.equal([]);
      expect(result).to.include({ name: 'docs', documents: 2, pairs: 0 });
      const text = await readFile(join(dir.path, 'kb/imported/docs/storage/create-account.md'), 'utf8');
      expect(text).to.match(/^---\ntitle: 创建存储帐户\nlocale: zh-CN\nurl: https:\/\/docs\.azure\.cn\/zh-cn\/storage\/create-account\n/);
      expect(text).to.include('updated: 2024-03-11');
      expect(text).to.include('source: storage/create-account.md');
      expect(text).to.include('[冗余](https://docs.azure.cn/zh-cn/storage/redundancy#lrs)');
      expect(text).to.include('[门户](https://portal.azure.cn)');
      expect(text).to.include('**注意：** 终结点后缀是 `core.chinacloudapi.cn`。');
      // The include's own link is resolved from the include's folder.
      expect(text).to.include('**提示：** 需要“参与者”角色，详见[角色](https://docs.azure.cn/zh-cn/storage/redundancy)。');
      expect(text).to.include('嵌套的包含文件也会展开。');
      expect(text).to.include('下一步');
      expect(text).to.include('## 在门户中创建\n\n选择“存储帐户”>“创建”。');
      expect(text).to.include('### 名称规则');
      expect(text).to.include('# 这一行不是标题');
      expect(text).to.not.match(/INCLUDE|\[!NOTE\]|\[!div|:::|<!--|!\[|截图待更新|^# 创建/m);

      const { articles, problems } = await loadImported(join(dir.path, 'kb/imported'));
      expect(problems).to.deep.equal([]);
      expect(articles.map((a) => [a.id, a.locale]).sort()).to.deep.equal([
        ['imported/docs/storage/create-account', 'zh-CN'],
        ['imported/docs/storage/redundancy', 'en'],
      ]);
      const create = articles.find((a) => a.id.endsWith('create-account'))!;
      expect(create.imported?.sections.map((s) => [s.heading, s.path.join(' > ')])).to.deep.equal([
        [null, ''],
        ['在门户中创建', '在门户中创建'],
        ['名称规则', '在门户中创建 > 名称规则'],
      ]);
    } finally {
      await dir.remove();
    }
  });

  it('without a base URL, relative links become their text and the document has no URL', async () => {
    const { dir, result } = await imported(null);
    try {
      expect(result.problems).to.deep.equal([]);
      const text = await readFile(join(dir.path, 'kb/imported/docs/storage/create-account.md'), 'utf8');
      expect(text).to.not.match(/^url:/m);
      expect(text).to.include('参阅冗余和[门户](https://portal.azure.cn)');
    } finally {
      await dir.remove();
    }
  });

  it('gives byte-identical output for the same input, and --remove takes it away', async () => {
    const { dir } = await imported('https://docs.azure.cn/zh-cn/');
    try {
      const first = await readTree(join(dir.path, 'kb/imported'));
      expect([...first.keys()]).to.include('docs/.search-tokens.json');
      await importSources({
        sources: [join(dir.path, 'docs')],
        knowledgeDir: join(dir.path, 'kb'),
        baseUrl: 'https://docs.azure.cn/zh-cn/',
        cwd: dir.path,
      });
      const second = await readTree(join(dir.path, 'kb/imported'));
      expect([...second.keys()].sort()).to.deep.equal([...first.keys()].sort());
      for (const [path, bytes] of first) expect(second.get(path)!.equals(bytes), path).to.equal(true);

      expect(await removeImport(join(dir.path, 'kb/imported'), 'docs')).to.equal(true);
      expect(await readdir(join(dir.path, 'kb/imported'))).to.deep.equal([]);
      expect(await removeImport(join(dir.path, 'kb/imported'), 'docs')).to.equal(false);
    } finally {
      await dir.remove();
    }
  });

  it('reports a missing include and an include cycle with file and line, and writes nothing', async () => {
    const dir = await makeTempDir('import-md-bad-');
    try {
      await writeTree(join(dir.path, 'docs'), {
        'a.md': '---\ntitle: A\n---\nText.\n\n[!INCLUDE [x](includes/missing.md)]\n',
        'b.md': '---\ntitle: B\n---\n[!INCLUDE [loop](includes/loop.md)]\n',
        'includes/loop.md': 'Looping.\n\n[!INCLUDE [again](loop.md)]\n',
      });
      const result = await importSources({ sources: [join(dir.path, 'docs')], knowledgeDir: join(dir.path, 'kb'), cwd: dir.path });
      expect(result.problems.map((p) => `${p.file}:${p.line}`)).to.deep.equal(['docs/a.md:6', 'docs/includes/loop.md:3']);
      expect(result.problems[0]!.message).to.include('included file not found: docs/includes/missing.md');
      expect(result.problems[1]!.message).to.match(/include cycle: .*loop\.md → .*loop\.md/);
      expect(await readdir(join(dir.path, 'kb')).catch(() => [])).to.deep.equal([]);
    } finally {
      await dir.remove();
    }
  });
});
