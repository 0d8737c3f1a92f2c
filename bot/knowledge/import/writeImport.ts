import { mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/**
 * Writes an import's files into a hidden folder beside `<importedDir>/<name>`, then swaps it in with a
 * rename: the bot (and a live reload) sees the old import or the new one, never half of either, and a
 * failure leaves the old one as it was.
 */
export async function writeImport(importedDir: string, name: string, files: ReadonlyMap<string, string>): Promise<void> {
  await mkdir(importedDir, { recursive: true });
  const fresh = await mkdtemp(join(importedDir, `.${name}.new-`));
  const target = join(importedDir, name);
  let old: string | null = null;
  try {
    for (const [rel, text] of files) {
      await mkdir(dirname(join(fresh, rel)), { recursive: true });
      await writeFile(join(fresh, rel), text);
    }
    if (await exists(target)) {
      old = `${await mkdtemp(join(importedDir, `.${name}.old-`))}/previous`;
      await rename(target, old);
    }
    await rename(fresh, target);
  } catch (err) {
    if (old && !(await exists(target))) await rename(old, target);
    await rm(fresh, { recursive: true, force: true });
    if (old) await rm(dirname(old), { recursive: true, force: true });
    throw err;
  }
  if (old) await rm(dirname(old), { recursive: true, force: true });
}

/** Removes the import `name`; false when there is none. Moved aside first so that it disappears at once. */
export async function removeImport(importedDir: string, name: string): Promise<boolean> {
  const target = join(importedDir, name);
  if (!(await exists(target))) return false;
  const aside = await mkdtemp(join(importedDir, `.${name}.removed-`));
  await rename(target, join(aside, name));
  await rm(aside, { recursive: true, force: true });
  return true;
}
