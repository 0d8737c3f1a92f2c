import { crc32, deflateSync } from 'node:zlib';

export interface PngSpec {
  readonly width: number;
  readonly height: number;
  /** 0 grey, 2 RGB, 3 palette, 4 grey + alpha, 6 RGBA. */
  readonly colorType: 0 | 2 | 3 | 4 | 6;
  readonly bitDepth: 8 | 16;
  /** The samples of one pixel at `bitDepth` (a palette index for colour type 3). */
  readonly pixel: (x: number, y: number) => readonly number[];
  /** PLTE entries as [r, g, b], and the tRNS alpha of each, for colour type 3. */
  readonly palette?: ReadonlyArray<readonly [number, number, number]>;
  readonly paletteAlpha?: readonly number[];
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

/**
 * Writes a PNG of any of the common kinds, independently of the decoder under test, so that tests can
 * hand the packager the files a designer's tool or an optimiser produces.
 */
export function pngFile(spec: PngSpec): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(spec.width, 0);
  ihdr.writeUInt32BE(spec.height, 4);
  ihdr.set([spec.bitDepth, spec.colorType, 0, 0, 0], 8);
  const bytes: number[] = [];
  for (let y = 0; y < spec.height; y++) {
    bytes.push(0); // filter: none
    for (let x = 0; x < spec.width; x++) {
      for (const sample of spec.pixel(x, y)) bytes.push(...(spec.bitDepth === 16 ? [sample >> 8, sample & 0xff] : [sample]));
    }
  }
  const chunks = [chunk('IHDR', ihdr)];
  if (spec.palette) chunks.push(chunk('PLTE', Buffer.from(spec.palette.flat())));
  if (spec.paletteAlpha) chunks.push(chunk('tRNS', Buffer.from(spec.paletteAlpha)));
  chunks.push(chunk('IDAT', deflateSync(Buffer.from(bytes))), chunk('IEND', Buffer.alloc(0)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ...chunks]);
}
