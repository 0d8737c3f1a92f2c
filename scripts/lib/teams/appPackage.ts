import { zipSync } from 'fflate';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { PNG } from 'pngjs';

export const APP_PACKAGE_DIR = join(import.meta.dirname, '..', '..', '..', 'appPackage');
const APP_ID = '${{MICROSOFT_APP_ID}}';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A host name as validDomains takes it: no scheme, port or path; a leading "*." wildcard is allowed. */
const DOMAIN = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

export class PackageError extends Error {
  override readonly name = 'PackageError';
}

export interface ZipEntry {
  readonly name: string;
  readonly data: Buffer;
}

export interface PackageOptions {
  /** The bot's MicrosoftAppId (a GUID): the Teams app id and the bot id. */
  readonly appId: string;
  /** Host names for validDomains, such as the bot's own public host name. */
  readonly domains?: readonly string[];
  readonly dir?: string;
}

export interface AppPackage {
  readonly zip: Buffer;
  readonly manifest: Record<string, unknown>;
  readonly entries: readonly ZipEntry[];
  /** Things that do not stop the upload but that the reseller should fix. */
  readonly warnings: readonly string[];
}

interface ManifestShape {
  icons: { color: string; outline: string };
  localizationInfo?: { additionalLanguages?: Array<{ file: string }> };
  developer?: Record<string, string>;
  validDomains?: string[];
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** 1980-01-01, the earliest time a zip can hold: the same inputs give the same zip, byte for byte. */
const ZIP_TIME = new Date(1980, 0, 1);

/**
 * Teams wants a full-colour 192x192 PNG and a 32x32 white outline on a transparent background. Any
 * PNG will do (RGB, palette, grey, 16-bit): pngjs hands every kind back as 8-bit RGBA.
 */
function checkIcon(file: string, png: Buffer, size: number, outline: boolean): void {
  if (!png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new PackageError(`${file} is not a PNG file (another format, or renamed)`);
  let image: { width: number; height: number; data: Buffer };
  try {
    image = PNG.sync.read(png);
  } catch (err) {
    const reason = String(err instanceof Error ? err.message : err).replace(/\s+/g, ' ');
    throw new PackageError(`${file} is damaged or cut short (${reason})`);
  }
  if (image.width !== size || image.height !== size) {
    throw new PackageError(`${file} must be ${size}x${size} pixels (it is ${image.width}x${image.height})`);
  }
  if (!outline) return;
  let transparent = 0;
  for (let p = 0; p < image.data.length; p += 4) {
    const [r, g, b, a] = image.data.subarray(p, p + 4);
    if (a === 0) transparent++;
    else if (r !== 255 || g !== 255 || b !== 255) {
      const [x, y] = [(p / 4) % size, Math.floor(p / 4 / size)];
      throw new PackageError(`${file} must be white on transparent (pixel ${x},${y} is rgba ${r},${g},${b},${a})`);
    }
  }
  if (transparent === 0) throw new PackageError(`${file} must be white on transparent (it has no transparent pixel)`);
}

async function readIcon(dir: string, file: string, size: number, outline: boolean): Promise<Buffer> {
  const label = `${basename(dir)}/${file}`;
  const png = await readFile(join(dir, file)).catch(() => {
    throw new PackageError(`${label} cannot be read (the manifest's icons name it)`);
  });
  checkIcon(label, png, size, outline);
  return png;
}

/**
 * The Teams app package: manifest.json with the app id (and validDomains) filled in, the colour and
 * outline icons and the language files it names, zipped at the root as Teams expects.
 */
export async function buildAppPackage({ appId, domains = [], dir = APP_PACKAGE_DIR }: PackageOptions): Promise<AppPackage> {
  if (appId.trim() === '') throw new PackageError('MicrosoftAppId is empty');
  if (!GUID.test(appId)) throw new PackageError(`MicrosoftAppId must be a GUID (got "${appId}")`);
  const badDomain = domains.find((d) => !DOMAIN.test(d));
  if (badDomain !== undefined)
    throw new PackageError(`"${badDomain}" is not a host name (give e.g. bot.contoso.cn, without https:// or a path)`);

  const template = await readFile(join(dir, 'manifest.json'), 'utf8');
  if (!template.includes(APP_ID)) throw new PackageError(`appPackage/manifest.json has no ${APP_ID} placeholder`);
  const manifest = JSON.parse(template.split(APP_ID).join(appId.toLowerCase())) as Record<string, unknown> & ManifestShape;
  manifest.validDomains = [...new Set([...(manifest.validDomains ?? []), ...domains.map((d) => d.toLowerCase())])];

  const entries: ZipEntry[] = [{ name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') }];
  const color = await readIcon(dir, manifest.icons.color, 192, false);
  const outline = await readIcon(dir, manifest.icons.outline, 32, true);
  entries.push({ name: manifest.icons.color, data: color }, { name: manifest.icons.outline, data: outline });
  for (const { file } of manifest.localizationInfo?.additionalLanguages ?? []) {
    const text = await readFile(join(dir, file), 'utf8');
    JSON.parse(text);
    entries.push({ name: file, data: Buffer.from(text, 'utf8') });
  }

  const warnings: string[] = [];
  for (const [key, value] of Object.entries(manifest.developer ?? {})) {
    if (/example\.com/i.test(value)) warnings.push(`developer.${key} is still ${value}: put your own page in appPackage/manifest.json`);
  }
  if (manifest.validDomains.length === 0)
    warnings.push('validDomains is empty: pass --domain <bot host name> to list the host the bot runs on');
  const zip = zipSync(Object.fromEntries(entries.map((e) => [e.name, e.data])), { level: 9, mtime: ZIP_TIME });
  return { zip: Buffer.from(zip), manifest, entries, warnings };
}
