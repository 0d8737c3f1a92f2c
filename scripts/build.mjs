// npm run build: compiles bot/, dialogs/ and the operator's CLIs to lib/ (see tsconfig.build.json).
import { build } from './buildLib.mjs';

try {
  build();
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
}
