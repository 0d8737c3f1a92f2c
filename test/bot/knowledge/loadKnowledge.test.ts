import { expect } from 'chai';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REQUIRED_ARTICLE_IDS } from '../../../bot/knowledge/article.js';
import { loadKnowledge } from '../../../bot/knowledge/loadKnowledge.js';
import { makeTempDir } from '../../support/tempDir.js';

const ROOT = join(import.meta.dirname, '../../..');

function article(id: string, locale: 'zh-CN' | 'en', overrides: Record<string, string> = {}): string {
  const heading = locale === 'en' ? '## Steps' : '## 操作步骤';
  const fields = {
    id,
    locale,
    title: 'A title',
    summary: 'A summary.',
    questions: '\n  - q1\n  - q2\n  - q3\n  - q4\n  - q5',
    tags: '[t]',
    related: '\n  - other/one',
    sources: '\n  - https://docs.azure.cn/zh-cn/',
    updated: '2026-11-23',
    ...overrides,
  };
  const front = Object.entries(fields)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
  return `---\n${front}\n---\nIntro.\n\n${heading}\n1. Do this.\n2. Then that.\n`;
}

async function base(files: Record<string, string>): Promise<string> {
  const dir = await makeTempDir('kb-');
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(dir.path, path, '..'), { recursive: true });
    await writeFile(join(dir.path, path), text);
  }
  return dir.path;
}

const good = {
  'area/slug.en.md': article('area/slug', 'en', { related: '\n  - other/one' }),
  'area/slug.zh-CN.md': article('area/slug', 'zh-CN'),
  'other/one.en.md': article('other/one', 'en', { related: '\n  - area/slug' }),
  'other/one.zh-CN.md': article('other/one', 'zh-CN', { related: '\n  - area/slug' }),
};

async function problemsOf(files: Record<string, string>, required: string[] = []) {
  const dir = await base(files);
  return (await loadKnowledge(dir, { required, cwd: dir })).problems;
}

describe('knowledge validation', () => {
  it('the real knowledge base has every required article in both languages and no problem', async () => {
    const { articles, problems } = await loadKnowledge(join(ROOT, 'knowledge/articles'), { cwd: ROOT });
    expect(problems).to.deep.equal([]);
    // Exactly the required articles, each in both languages: a stray or missing file shows up here.
    expect(articles).to.have.length(REQUIRED_ARTICLE_IDS.length * 2);
    for (const a of articles) {
      expect(a.steps.length, a.file).to.be.at.least(3);
      expect(a.questions.length, a.file).to.be.at.least(5);
    }
  });

  it('accepts a small valid base', async () => {
    expect(await problemsOf(good, ['area/slug'])).to.deep.equal([]);
  });

  it('reports missing front matter at line 1', async () => {
    const problems = await problemsOf({ ...good, 'area/slug.en.md': 'no front matter here' });
    expect(problems).to.deep.include({
      file: 'area/slug.en.md',
      line: 1,
      message: 'missing front matter (a block between --- lines at the top)',
    });
  });

  it('reports broken YAML with its line', async () => {
    const broken = article('area/slug', 'en').replace('title: A title', 'title: [unclosed');
    const [problem] = await problemsOf({ ...good, 'area/slug.en.md': broken });
    expect(problem!.file).to.equal('area/slug.en.md');
    expect(problem!.line).to.equal(5);
    expect(problem!.message).to.match(/not valid YAML/);
  });

  it('reports a missing field with the line of the field before it was expected', async () => {
    const problems = await problemsOf({ ...good, 'area/slug.en.md': article('area/slug', 'en', { title: '' }) });
    expect(problems.map((p) => p.message)).to.include('"title" must be a non-empty string');
  });

  it('refuses an article without sources or without an updated date', async () => {
    const noSources = await problemsOf({ ...good, 'area/slug.en.md': article('area/slug', 'en', { sources: '' }) });
    expect(noSources.map((p) => p.message)).to.include('"sources" must be a list of strings');
    const notPublic = await problemsOf({
      ...good,
      'area/slug.en.md': article('area/slug', 'en', { sources: '\n  - file:///C:/notes.txt' }),
    });
    expect(notPublic.map((p) => p.message)).to.include('source "file:///C:/notes.txt" is not a public https URL');
    const noDate = await problemsOf({ ...good, 'area/slug.en.md': article('area/slug', 'en', { updated: '' }) });
    expect(noDate.map((p) => p.message)).to.include('"updated" must be a date (YYYY-MM-DD)');
  });

  it('reports too few questions on the questions line', async () => {
    const problems = await problemsOf({ ...good, 'area/slug.en.md': article('area/slug', 'en', { questions: '\n  - only one' }) });
    expect(problems).to.deep.include({ file: 'area/slug.en.md', line: 6, message: '"questions" needs at least 5 entries (has 1)' });
  });

  it('reports an id missing in one locale', async () => {
    const { 'other/one.zh-CN.md': _dropped, ...rest } = good;
    const problems = await problemsOf(rest);
    expect(problems.map((p) => p.message)).to.include('id "other/one" has no zh-CN version');
  });

  it('reports a broken related link', async () => {
    const problems = await problemsOf({
      ...good,
      'area/slug.zh-CN.md': article('area/slug', 'zh-CN', { related: '\n  - nowhere/at-all' }),
    });
    // Line 14: the related entry itself (front matter starts on line 2, related: is on line 13).
    expect(problems).to.deep.include({
      file: 'area/slug.zh-CN.md',
      line: 14,
      message: 'related link "nowhere/at-all" points to no article',
    });
  });

  it('reports a second file claiming an existing id (ids must match their path, so duplicates cannot hide)', async () => {
    const problems = await problemsOf({ ...good, 'area/copy.en.md': article('area/slug', 'en') });
    expect(problems).to.deep.include({
      file: 'area/copy.en.md',
      line: 2,
      message: 'id "area/slug" does not match the file path (area/copy)',
    });
  });

  it('reports a missing required id', async () => {
    const problems = await problemsOf(good, ['billing/fapiao']);
    expect(problems.map((p) => p.message)).to.include('required article "billing/fapiao" is missing');
  });

  it('reports a missing steps section', async () => {
    const noSteps = article('area/slug', 'en').replace('## Steps', '## Something else');
    const problems = await problemsOf({ ...good, 'area/slug.en.md': noSteps });
    expect(problems.map((p) => p.message)).to.include('missing the "## Steps" section');
  });
});
