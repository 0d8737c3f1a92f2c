// npm start: runs the compiled bot (lib/bot/index.js), building it first when lib/ is missing or older than the sources.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, libState, LIB, tscPath } from './buildLib.mjs';

const state = libState();
if (state !== 'fresh') {
  if (tscPath()) {
    console.error(state === 'missing' ? 'Building lib/ (first start)…' : 'Sources changed since the last build: rebuilding lib/…');
    try {
      build();
    } catch (err) {
      console.error(err instanceof Error ? err.message : String(err));
      process.exit(1);
    }
  } else if (state === 'missing') {
    console.error('lib/ is missing and TypeScript is not installed: run `npm install` (with dev dependencies) and `npm run build`,');
    console.error('or deploy a built lib/.');
    process.exit(1);
  } else {
    console.error('Warning: lib/ is older than the sources, and TypeScript is not installed to rebuild it.');
  }
}
await import(pathToFileURL(join(LIB, 'bot/index.js')).href);
