import { expect } from 'chai';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { KnowledgeProblem } from '../../../bot/knowledge/article.js';
import { ArticleSearch } from '../../../bot/knowledge/articleSearch.js';
import { LiveKnowledge } from '../../../bot/knowledge/liveKnowledge.js';
import { loadKnowledge } from '../../../bot/knowledge/loadKnowledge.js';
import { makeTempDir } from '../../support/tempDir.js';

const ROOT = join(import.meta.dirname, '../../..');

describe('LiveKnowledge (npm run dev)', function () {
  this.timeout(15_000);

  it('re-indexes after an article is edited, and keeps the last good index when an edit breaks it', async () => {
    const dir = await makeTempDir('live-kb-');
    await cp(join(ROOT, 'knowledge/articles'), dir.path, { recursive: true });
    const live = new LiveKnowledge(dir.path, new ArticleSearch((await loadKnowledge(dir.path)).articles));
    const reloads: Array<readonly KnowledgeProblem[]> = [];
    let notify: () => void = () => {};
    live.watch((problems) => {
      reloads.push(problems);
      notify();
    });
    const reloaded = () => new Promise<void>((resolve) => (notify = resolve));
    try {
      const file = join(dir.path, 'billing/fapiao.en.md');
      const original = await readFile(file, 'utf8');
      let next = reloaded();
      await writeFile(file, original.replace(/^title: .*$/m, 'title: Get a fapiao, now with a brand-new title'));
      await next;
      expect(reloads.at(-1)).to.deep.equal([]);
      expect(live.get('billing/fapiao', 'en')?.title).to.equal('Get a fapiao, now with a brand-new title');

      next = reloaded();
      await writeFile(file, 'no front matter any more');
      await next;
      expect(reloads.at(-1)!.length).to.be.greaterThan(0);
      expect(live.get('billing/fapiao', 'en')?.title).to.equal('Get a fapiao, now with a brand-new title');
    } finally {
      live.close();
      await dir.remove();
    }
  });

  it('searches a question once per turn: the main dialog and the FAQ dialog share the result', async () => {
    const live = new LiveKnowledge(
      join(ROOT, 'knowledge/articles'),
      new ArticleSearch((await loadKnowledge(join(ROOT, 'knowledge/articles'))).articles),
    );
    const turn = {};
    const first = live.best('发票怎么开', 'zh-CN', turn);
    expect(first?.article.id).to.equal('billing/fapiao');
    // Hits are new objects on every search: the same object means the turn's search was reused.
    expect(live.best('发票怎么开', 'zh-CN', turn)).to.equal(first);
    expect(live.bestScore('发票怎么开', 'zh-CN', turn)).to.equal(first!.confidence);
    const otherTurn = live.best('发票怎么开', 'zh-CN', {});
    expect(otherTurn).to.not.equal(first);
    expect(otherTurn).to.deep.equal(first);
    expect(live.best('发票怎么开', 'zh-CN')).to.not.equal(first);
    expect(live.best('发票怎么开', 'en', turn)).to.not.equal(first);
  });
});
