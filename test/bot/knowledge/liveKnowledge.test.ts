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
});
