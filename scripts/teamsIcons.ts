// Renders appPackage/color.svg and outline.svg to the PNGs the Teams app package ships (npm run teams:icons).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ICONS, renderIcon } from './lib/teams/icons.js';

const dir = join(import.meta.dirname, '..', 'appPackage');
for (const icon of ICONS) {
  const { image, png } = await renderIcon(dir, icon.svg);
  if (image.width !== icon.size || image.height !== icon.size) throw new Error(`${icon.svg} must be ${icon.size}x${icon.size}`);
  await writeFile(join(dir, icon.png), png);
  console.error(`appPackage/${icon.png}: ${image.width}x${image.height}, ${png.length} bytes`);
}
