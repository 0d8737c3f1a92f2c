import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ICONS, renderIcon } from '../../scripts/lib/teams/icons.js';
import { decodePng } from '../../scripts/lib/teams/png.js';

const DIR = join(import.meta.dirname, '../../appPackage');

describe('Teams icons (appPackage): the committed PNGs are what npm run teams:icons renders from the SVGs', () => {
  for (const icon of ICONS) {
    it(`${icon.png} matches ${icon.svg}`, async () => {
      const committed = decodePng(await readFile(join(DIR, icon.png)));
      const { image } = await renderIcon(DIR, icon.svg);
      expect([committed.width, committed.height]).to.deep.equal([icon.size, icon.size]);
      expect([image.width, image.height]).to.deep.equal([icon.size, icon.size]);
      // Pixels, not bytes: another zlib may compress the same pixels differently. One level of
      // rounding is allowed for floating point differences between platforms.
      let worst = 0;
      for (let i = 0; i < image.data.length; i++) worst = Math.max(worst, Math.abs(image.data[i]! - committed.data[i]!));
      expect(worst, 'run npm run teams:icons after changing an SVG').to.be.at.most(1);
    });
  }
});
