import MiniSearch from 'minisearch';
const vocab = Array.from({ length: 26000 }, (_, i) => 'w' + i.toString(36));
const docs = Array.from({ length: 2300 }, (_, d) => ({ key: 'd' + d, body: Array.from({ length: 210 }, () => vocab[Math.floor(Math.random() ** 3 * vocab.length)]).join(' ') }));
let t = performance.now();
const ms = new MiniSearch({ idField: 'key', fields: ['body'], tokenize: (s) => (s ? s.split(' ') : []), processTerm: (x) => x });
ms.addAll(docs);
console.log('addAll ms', performance.now() - t);
