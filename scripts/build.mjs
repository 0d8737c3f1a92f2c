// npm run build: compiles bot/, dialogs/ and the operator's CLIs to lib/ (see tsconfig.build.json).
// `--if-stale` builds only when lib/ is missing or older than the sources (the start-up bench uses it).
import { build, libState } from './buildLib.mjs';

try {
  if (!process.argv.includes('--if-stale') || libState() !== 'fresh') build();
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
}
