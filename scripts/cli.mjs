// npm run tickets|health|import|seed:demo|review|report: the compiled CLI (lib/scripts/NAME.js) when lib/ is up to date,
// else the TypeScript source through tsx (development). A production install (no dev dependencies) uses lib/.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LIB, libState, ROOT } from './buildLib.mjs';

const [name, ...args] = process.argv.slice(2);
const compiled = join(LIB, 'scripts', `${name}.js`);
const source = join(ROOT, 'scripts', `${name}.ts`);

async function tsxApi() {
  try {
    return await import('tsx/esm/api');
  } catch {
    return undefined; // an --omit=dev install
  }
}

let entry = compiled;
if (!existsSync(source) && !existsSync(compiled)) {
  console.error(`No CLI named "${name}".`);
  process.exit(2);
}
if (!existsSync(compiled) || libState() !== 'fresh') {
  const tsx = existsSync(source) ? await tsxApi() : undefined;
  if (tsx) {
    tsx.register();
    entry = source;
  } else if (!existsSync(compiled)) {
    console.error(`lib/scripts/${name}.js is missing: run \`npm run build\` (it needs dev dependencies), or deploy a built lib/.`);
    process.exit(1);
  }
}
// The CLI reads its arguments from process.argv.slice(2), as if started directly.
process.argv = [process.argv[0], entry, ...args];
await import(pathToFileURL(entry).href);
