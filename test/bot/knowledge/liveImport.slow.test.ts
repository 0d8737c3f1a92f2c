import { expect } from 'chai';
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import type { KnowledgeProblem } from '../../../bot/knowledge/article.js';
import { ArticleSearch } from '../../../bot/knowledge/articleSearch.js';
import { importSources } from '../../../bot/knowledge/import/importSources.js';
import { removeImport } from '../../../bot/knowledge/import/writeImport.js';
import { LiveKnowledge } from '../../../bot/knowledge/liveKnowledge.js';
import { loadKnowledgeBase } from '../../../bot/knowledge/loadKnowledge.js';
import { makeTempDir } from '../../support/tempDir.js';
import { writeTree } from '../../support/writeTree.js';

const ROOT = join(import.meta.dirname, '../../..');

describe('LiveKnowledge with imported documentation (KNOWLEDGE_WATCH=on)', function () {
  this.timeout(30_000);

  it('picks up an import, a re-import with changed text, and a removal, without a restart', async () => {
    const dir = await makeTempDir('live-import-');
    const kbDir = join(dir.path, 'knowledge');
    await cp(join(ROOT, 'knowledge/articles'), join(kbDir, 'articles'), { recursive: true });
    const initial = await loadKnowledgeBase(kbDir, { cwd: ROOT });
    const live = new LiveKnowledge(
      join(kbDir, 'articles'),
      new ArticleSearch(initial.articles, { imported: initial.imported, tokens: initial.tokens }),
      {
        imported: join(kbDir, 'imported'),
      },
    );
    let notify: (problems: readonly KnowledgeProblem[]) => void = () => {};
    live.watch((problems) => notify(problems));
    /** Resolves after a reload that sees `ready()`: a reload can also fire while the import's files are still being written. */
    const reloadedUntil = (ready: () => boolean) =>
      new Promise<void>((resolve, reject) => {
        notify = (problems) => {
          if (problems.length > 0) reject(new Error(problems.map((p) => p.message).join('; ')));
          else if (ready()) resolve();
        };
      });
    const question = 'how do I reserve a meeting room in the Contoso booking portal';
    const doc = (text: string) => `---\ntitle: Book a meeting room\n---\n## Reserve a room\n\n${text}\n`;
    try {
      expect(live.best(question, 'en')).to.equal(null);
      await writeTree(join(dir.path, 'docs'), {
        'rooms.md': doc('Open the Contoso booking portal, choose a meeting room and reserve a time slot.'),
      });
      let next = reloadedUntil(() => live.best(question, 'en') !== null);
      expect((await importSources({ sources: [join(dir.path, 'docs')], knowledgeDir: kbDir, cwd: dir.path })).problems).to.deep.equal([]);
      await next;
      expect(live.best(question, 'en')?.article.id).to.equal('imported/docs/rooms');

      await writeTree(join(dir.path, 'docs'), {
        'rooms.md': doc('Rooms are now reserved in Outlook: open the calendar and add the room to the meeting.'),
      });
      next = reloadedUntil(() => live.get('imported/docs/rooms', 'en')?.body.includes('Outlook') === true);
      await importSources({ sources: [join(dir.path, 'docs')], knowledgeDir: kbDir, cwd: dir.path });
      await next;
      expect(live.best(question, 'en')?.section?.text).to.include('Outlook');

      next = reloadedUntil(() => live.get('imported/docs/rooms', 'en') === undefined);
      expect(await removeImport(join(kbDir, 'imported'), 'docs')).to.equal(true);
      await next;
      expect(live.best(question, 'en')).to.equal(null);
    } finally {
      live.close();
      await dir.remove();
    }
  });
});
