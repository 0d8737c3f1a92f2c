import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { encodePng, type RgbaImage } from './png.js';
import { rasterize } from './rasterize.js';
import { parseSvg } from './svgShapes.js';

/** The two icons a Teams app package needs, each drawn in an SVG next to the manifest. */
export const ICONS = [
  { svg: 'color.svg', png: 'color.png', size: 192 },
  { svg: 'outline.svg', png: 'outline.png', size: 32 },
] as const;

export async function renderIcon(appPackageDir: string, svgFile: string): Promise<{ image: RgbaImage; png: Buffer }> {
  const image = rasterize(parseSvg(await readFile(join(appPackageDir, svgFile), 'utf8')));
  return { image, png: encodePng(image) };
}
