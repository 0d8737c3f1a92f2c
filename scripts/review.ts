// npm run review: what customers asked that the knowledge base could not answer, grouped, and the
// articles customers found least helpful, so a reseller knows which phrasings or articles to add.
import { loadConfig, readEnvironment } from '../bot/config.js';
import type { FeedbackFile } from '../bot/knowledge/feedback.js';
import { groupUnanswered, rateArticles } from '../bot/knowledge/reviewReport.js';
import { openStorage } from '../bot/store/openStorage.js';
import { printable } from '../bot/text/printable.js';

let data: FeedbackFile;
try {
  data = await (await openStorage(loadConfig(readEnvironment()))).feedback.snapshot();
} catch (err) {
  console.error(`Feedback could not be read: ${printable((err as Error).message)}`);
  process.exit(1);
}
const groups = groupUnanswered(data);
console.log(`Unanswered questions: ${data.unanswered.length} in ${groups.length} group(s)`);
for (const g of groups.slice(0, 30)) {
  console.log(`\n  ${g.questions.length}× [${g.locales.join(', ')}] best score ${g.bestScore.toFixed(2)}  ${printable(g.example)}`);
  for (const q of g.questions.slice(1, 4)) console.log(`       ${printable(q)}`);
}
const ratings = rateArticles(data);
console.log(`\nArticles by helpful rate (worst first):`);
for (const r of ratings.slice(0, 15)) {
  console.log(`  ${(r.helpfulRate * 100).toFixed(0).padStart(3)}%  ${r.articleId}  (${r.helpful} helpful, ${r.notHelpful} not)`);
}
