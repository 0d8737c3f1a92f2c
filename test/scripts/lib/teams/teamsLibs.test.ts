import { expect } from 'chai';
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
});
