import { expect } from 'chai';
import { unzipSync } from 'fflate';
import { copyFile, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { APP_PACKAGE_DIR, buildAppPackage, PackageError } from '../../scripts/lib/teams/appPackage.js';
import { pngFile } from '../support/pngFile.js';
import { makeTempDir } from '../support/tempDir.js';

const APP_ID = '6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const WHITE = [255, 255, 255];
/** In the middle half of a square icon. */
const inSquare = (x: number, y: number, size: number) => [x, y].every((c) => c >= size / 4 && c < (3 * size) / 4);

/** An ordinary 8-bit RGB colour icon with no alpha channel, as most image editors save one. */
const rgbColor = (size = 192) =>
  pngFile({ width: size, height: size, colorType: 2, bitDepth: 8, pixel: (x, y) => (inSquare(x, y, size) ? WHITE : [0, 120, 212]) });
/** A 16-bit RGBA outline: a white square on a transparent background. */
const deepOutline = () =>
  pngFile({ width: 32, height: 32, colorType: 6, bitDepth: 16, pixel: (x, y) => [65535, 65535, 65535, inSquare(x, y, 32) ? 65535 : 0] });
/** A palette outline with a tRNS chunk, as PNG optimisers write small icons. */
const paletteOutline = () =>
  pngFile({
    width: 32,
    height: 32,
    colorType: 3,
    bitDepth: 8,
    palette: [
      [0, 0, 0],
      [255, 255, 255],
    ],
    paletteAlpha: [0, 255],
    pixel: (x, y) => [inSquare(x, y, 32) ? 1 : 0],
  });

describe('Teams icons: any PNG of the right size is packed; a wrong one gets a one-line error naming it', () => {
  let dir: { path: string; remove: () => Promise<void> };

  beforeEach(async () => {
    dir = await makeTempDir('teams-icons-');
    for (const file of ['manifest.json', 'zh-cn.json', 'color.png', 'outline.png']) {
      await copyFile(join(APP_PACKAGE_DIR, file), join(dir.path, file));
    }
  });
  afterEach(() => dir.remove());

  const build = () => buildAppPackage({ appId: APP_ID, dir: dir.path });
  const refusal = async () => {
    const err = await build().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).to.be.instanceOf(PackageError);
    const { message } = err as PackageError;
    expect(message).to.not.include('\n');
    return message;
  };

  it('packs the committed icons, unchanged', async () => {
    const pkg = await build();
    const zipped = unzipSync(pkg.zip);
    for (const file of ['color.png', 'outline.png']) {
      expect(Buffer.from(zipped[file]!).equals(await readFile(join(APP_PACKAGE_DIR, file))), file).to.equal(true);
    }
  });

  it('accepts an ordinary 192x192 RGB colour icon, a grey one, and 16-bit and palette outlines', async () => {
    for (const [color, outline] of [
      [rgbColor(), deepOutline()],
      [pngFile({ width: 192, height: 192, colorType: 0, bitDepth: 8, pixel: (x) => [x] }), paletteOutline()],
    ]) {
      await writeFile(join(dir.path, 'color.png'), color!);
      await writeFile(join(dir.path, 'outline.png'), outline!);
      const pkg = await build();
      expect(pkg.entries.find((e) => e.name === 'outline.png')!.data.equals(outline!)).to.equal(true);
    }
    // The palette outline really decodes to a white square on transparent, not to something that passes by accident.
    const decoded = PNG.sync.read(paletteOutline());
    expect([...decoded.data.subarray(0, 4)]).to.deep.equal([0, 0, 0, 0]);
    const centre = (16 * 32 + 16) * 4;
    expect([...decoded.data.subarray(centre, centre + 4)]).to.deep.equal([255, 255, 255, 255]);
  });

  it('refuses an outline that is not white on transparent', async () => {
    const dark = pngFile({ width: 32, height: 32, colorType: 2, bitDepth: 8, pixel: (x, y) => (inSquare(x, y, 32) ? WHITE : [0, 0, 0]) });
    await writeFile(join(dir.path, 'outline.png'), dark);
    expect(await refusal()).to.match(/outline\.png must be white on transparent \(pixel 0,0 is rgba 0,0,0,255\)/);

    const allWhite = pngFile({ width: 32, height: 32, colorType: 6, bitDepth: 8, pixel: () => [255, 255, 255, 255] });
    await writeFile(join(dir.path, 'outline.png'), allWhite);
    expect(await refusal()).to.match(/outline\.png must be white on transparent \(it has no transparent pixel\)/);
  });

  it('refuses a wrong size, naming the file and both sizes', async () => {
    await writeFile(join(dir.path, 'color.png'), rgbColor(100));
    expect(await refusal()).to.match(/color\.png must be 192x192 pixels \(it is 100x100\)/);
  });

  it('refuses a file that is not a PNG, or is missing', async () => {
    await writeFile(join(dir.path, 'color.png'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]));
    expect(await refusal()).to.match(/color\.png is not a PNG file/);
    await writeFile(join(dir.path, 'color.png'), rgbColor().subarray(0, 200));
    expect(await refusal()).to.match(/color\.png is damaged or cut short \(.+\)$/);
    await writeFile(join(dir.path, 'color.png'), rgbColor());
    await writeFile(join(dir.path, 'outline.png'), 'not an image');
    expect(await refusal()).to.match(/outline\.png is not a PNG file/);
    await rm(join(dir.path, 'outline.png'));
    expect(await refusal()).to.match(/outline\.png cannot be read/);
  });

  it('writes the same zip, byte for byte, from the same files', async () => {
    expect((await build()).zip.equals((await build()).zip)).to.equal(true);
  });
});
