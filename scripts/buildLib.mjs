// What `npm run build`, `npm start` and the CLI runner share: is lib/ up to date, and how to build it
// (tsc, the Web Chat page's files, the start-up cache of lib/cache).
// Plain JavaScript, so that it runs before anything is compiled and without dev dependencies.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..');
export const LIB = join(ROOT, 'lib');
/** Written last by build(): its time is the build's. */
const STAMP = join(LIB, '.built');
const SOURCE_DIRS = ['bot', 'dialogs', 'scripts'];
const SOURCE_FILES = ['tsconfig.json', 'tsconfig.build.json'];

/** Newest TypeScript source (or Web Chat page file) under `path`: what the build reads. */
function newestIn(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return /\.ts$|[\\/]public[\\/]|tsconfig/.test(path) ? stat.mtimeMs : 0;
  let newest = 0;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestIn(join(path, name)));
  return newest;
}

/** 'missing', 'stale' (a source is newer than the last build) or 'fresh'. */
export function libState() {
  if (!existsSync(STAMP)) return 'missing';
  const built = statSync(STAMP).mtimeMs;
  const sources = Math.max(...SOURCE_DIRS.map((d) => newestIn(join(ROOT, d))), ...SOURCE_FILES.map((f) => newestIn(join(ROOT, f))));
  return sources > built ? 'stale' : 'fresh';
}

/** The TypeScript compiler, when dev dependencies are installed. */
export function tscPath() {
  try {
    return createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch {
    return undefined;
  }
}

/** tsc to lib/ (from scratch, so no deleted source lingers), the Web Chat page's files, then the stamp. */
export function build() {
  const tsc = tscPath();
  if (!tsc) throw new Error('npm run build needs TypeScript, a dev dependency: run `npm install` (without --omit=dev) first.');
  rmSync(LIB, { recursive: true, force: true });
  const result = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`tsc failed (exit ${result.status ?? result.signal})`);
  cpSync(join(ROOT, 'bot/webchat/public'), join(LIB, 'bot/webchat/public'), { recursive: true });
  const cache = spawnSync(process.execPath, [join(LIB, 'scripts/startupCache.js')], { cwd: ROOT, stdio: 'inherit' });
  if (cache.status !== 0) throw new Error(`the start-up cache could not be written (exit ${cache.status ?? cache.signal})`);
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
}
