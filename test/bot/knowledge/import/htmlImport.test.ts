import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { importSources } from '../../../../bot/knowledge/import/importSources.js';
import { loadImported } from '../../../../bot/knowledge/loadImported.js';
import { makeTempDir } from '../../../support/tempDir.js';
import { writeTree } from '../../../support/writeTree.js';

// A saved help page as a browser stores it: page furniture around the content.
const PAGE = `<!DOCTYPE html>
<html lang="zh-CN"><head>
<title>重置密码 - 帮助中心</title>
<link rel="canonical" href="https://help.example.cn/account/reset-password">
<meta name="description" content="忘记密码时如何重置。">
<script>window.analytics = { track() {} };</script>
<style>body { color: red }</style>
</head><body>
<header><nav><a href="/">首页</a> <a href="/billing">账单</a></nav></header>
<main>
  <h1>重置密码</h1>
  <p>如果忘记了密码，可以自己重置。请参阅<a href="../account/mfa">多重身份验证</a>。</p>
  <h2>自助重置</h2>
  <ol><li>打开登录页。</li><li>选择<strong>忘记密码</strong>。</li></ol>
  <h3>收不到验证码</h3>
  <p>检查手机是否拦截了短信。<img src="sms.png" alt="短信"></p>
  <h2>请管理员重置</h2>
  <table><tr><th>角色</th><th>可以重置</th></tr><tr><td>全局管理员</td><td>所有用户</td></tr></table>
  <pre>Set-MsolUserPassword -UserPrincipalName user@contoso.cn</pre>
</main>
<footer>© 帮助中心 <script>track()</script></footer>
</body></html>`;

describe('knowledge:import of saved HTML help pages', function () {
  this.timeout(20_000);

  it('keeps title, canonical URL, language and main content, h2/h3 as sections; drops scripts, navigation and footer', async () => {
    const dir = await makeTempDir('import-html-');
    try {
      await writeTree(dir.path, {
        'help/account/reset-password.html': PAGE,
        'help/og.htm':
          '<html><head><meta property="og:url" content="https://help.example.cn/og"></head><body><article><h1>Opening hours</h1><p>We answer on working days.</p></article></body></html>',
      });
      const result = await importSources({ sources: [join(dir.path, 'help')], knowledgeDir: join(dir.path, 'kb'), cwd: dir.path });
      expect(result.problems).to.deep.equal([]);
      const text = await readFile(join(dir.path, 'kb/imported/help/account/reset-password.md'), 'utf8');
      expect(text).to.match(
        /^---\ntitle: 重置密码\nlocale: zh-CN\nurl: https:\/\/help\.example\.cn\/account\/reset-password\ndescription: 忘记密码时如何重置。\nsource: account\/reset-password\.html\n---\n/,
      );
      expect(text).to.include('请参阅[多重身份验证](https://help.example.cn/account/mfa)。');
      expect(text).to.include('## 自助重置\n\n1. 打开登录页。\n1. 选择**忘记密码**。');
      expect(text).to.include('### 收不到验证码');
      expect(text).to.include('角色 | 可以重置\n全局管理员 | 所有用户');
      expect(text).to.include('```\nSet-MsolUserPassword -UserPrincipalName user@contoso.cn\n```');
      expect(text).to.not.match(/analytics|track\(|color: red|首页|帮助中心|sms\.png|<\w+/);

      const { articles } = await loadImported(join(dir.path, 'kb/imported'));
      const page = articles.find((a) => a.id === 'imported/help/account/reset-password')!;
      expect(page.imported?.sections.map((s) => s.path.join(' > '))).to.deep.equal([
        '',
        '自助重置',
        '自助重置 > 收不到验证码',
        '请管理员重置',
      ]);
      const og = articles.find((a) => a.id === 'imported/help/og')!;
      expect(og).to.include({ title: 'Opening hours', locale: 'en' });
      expect(og.imported?.url).to.equal('https://help.example.cn/og');
    } finally {
      await dir.remove();
    }
  });
});
