import { loadKnowledgeBase } from './bot/knowledge/loadKnowledge.js';
import { unitsOf, FIELDS } from './bot/knowledge/searchUnits.js';
import { textKey } from './bot/knowledge/tokenCache.js';
import MiniSearch from 'minisearch';
const kb = await loadKnowledgeBase('/tmp/kbtrial');
let miss = 0, hit = 0, tokens = 0;
const units = kb.imported.flatMap(unitsOf);
let t = performance.now();
const docs = units.map((u) => {
  const f: Record<string, string> = {};
  for (const k of FIELDS) { const c = u.text[k] === '' ? [] : kb.tokens.get(textKey(u.text[k])); if (!c) miss++; else { hit++; tokens += c.length; } f[k] = (c ?? []).join(' '); }
  return { key: u.key, ...f };
});
console.log({ units: units.length, miss, hit, tokens, prepMs: performance.now() - t });
t = performance.now();
const ms = new MiniSearch({ idField: 'key', fields: [...FIELDS], tokenize: (s) => (s ? s.split(' ') : []), processTerm: (x) => x });
ms.addAll(docs);
console.log('addAll ms', performance.now() - t, 'terms', ms.termCount);
