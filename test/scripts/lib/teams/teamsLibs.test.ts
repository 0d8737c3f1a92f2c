import { expect } from 'chai';
import { decodePng, encodePng } from '../../../../scripts/lib/teams/png.js';
import { rasterize } from '../../../../scripts/lib/teams/rasterize.js';
import { parseSvg } from '../../../../scripts/lib/teams/svgShapes.js';
import { readZip, writeZip } from '../../../../scripts/lib/teams/zip.js';
import { crc32 } from '../../../../scripts/lib/teams/crc32.js';

describe('app package building blocks', () => {
  it('crc32 gives the standard check value', () => {
    expect(crc32(Buffer.from('123456789')).toString(16)).to.equal('cbf43926');
  });

  it('a zip holds entries byte for byte, in order, with UTF-8 names; a corrupted one is refused', () => {
    const entries = [
      { name: 'manifest.json', data: Buffer.from('{"a":1}') },
      { name: 'empty.txt', data: Buffer.alloc(0) },
      { name: '中文.json', data: Buffer.from('中文'.repeat(1000)) },
    ];
    const zip = writeZip(entries);
    expect(readZip(zip)).to.deep.equal(entries);
    expect(writeZip(entries).equals(zip), 'same input, same bytes').to.equal(true);
    const corrupt = Buffer.from(zip);
    corrupt[40] = corrupt[40]! ^ 0xff; // inside the first entry's compressed data
    expect(() => readZip(corrupt)).to.throw();
  });

  it('PNG round trip keeps every pixel; a bad CRC is refused', () => {
    const data = new Uint8Array(5 * 3 * 4).map((_, i) => (i * 37) % 256);
    const png = encodePng({ width: 5, height: 3, data });
    expect(decodePng(png)).to.deep.equal({ width: 5, height: 3, data });
    const bad = Buffer.from(png);
    bad[20] = bad[20]! ^ 1;
    expect(() => decodePng(bad)).to.throw(/CRC/);
  });

  it('rasterizes filled shapes with anti-aliased edges, even-odd holes and opacity', () => {
    const svg = `<svg width="10" height="10" viewBox="0 0 10 10">
      <rect x="0" y="0" width="10" height="10" fill="#ff0000" fill-opacity="0.5"/>
      <path fill-rule="evenodd" fill="#0000ff" d="M1 1 H9 V9 H1 Z M3 3 H7 V7 H3 Z"/>
      <circle cx="5.5" cy="5.5" r="1.2" fill="#00ff00"/>
    </svg>`;
    const { data } = rasterize(parseSvg(svg));
    const px = (x: number, y: number) => [...data.subarray((y * 10 + x) * 4, (y * 10 + x) * 4 + 4)];
    expect(px(0, 0)).to.deep.equal([255, 0, 0, 128]); // half-transparent red
    expect(px(1, 1)).to.deep.equal([0, 0, 255, 255]); // the blue ring
    expect(px(3, 3)).to.deep.equal([255, 0, 0, 128]); // the hole shows the red below
    expect(px(5, 5)).to.deep.equal([0, 255, 0, 255]); // the circle's centre
    const edge = px(6, 5); // the circle's edge pixel is partly covered
    expect(edge[1]).to.be.within(1, 254);
  });

  it('refuses SVG it cannot draw faithfully', () => {
    expect(() => parseSvg('<svg width="4" height="4"><text>hi</text></svg>')).to.throw(/<text>/);
    expect(() => parseSvg('<svg width="4" height="4"><rect width="4" height="4" transform="rotate(4)"/></svg>')).to.throw(/transform/);
    expect(() => parseSvg('<svg width="4" height="4"><path d="m0 0 l4 4 z"/></svg>')).to.throw(/absolute/);
    expect(() => parseSvg('<svg width="4" height="4"><rect width="4" height="4" fill="red"/></svg>')).to.throw(/#rrggbb/);
  });
});
