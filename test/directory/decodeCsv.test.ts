import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeCsv } from '../../bot/directory/decodeCsv.js';
import { parseImportFile } from '../../bot/directory/importFile.js';
import type { DirectoryData } from '../../bot/directory/types.js';

const EMPTY: DirectoryData = { customers: [], subscriptions: [], invoices: [] };
const HEADER = 'customer_id,company,tenant_id,initial_domain,contact_name,contact_email,contact_phone,contact_aad_object_id,contact_role';
const T1 = '7d1e2f30-4a5b-4c6d-8e9f-a0b1c2d3e4f5';
// Written by `iconv -f UTF-8 -t GB18030`, as Excel's plain "CSV" is on Chinese Windows (CRLF line ends).
const GB18030_FILE = readFileSync(join(import.meta.dirname, 'fixtures/customers-gb18030.csv'));
const utf8 = (s: string) => new TextEncoder().encode(s);
const latin1 = (s: string) => Uint8Array.from(s, (ch) => ch.charCodeAt(0));
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

describe('decodeCsv and parseImportFile on bytes', () => {
  it('the fixture really is GB18030: 上海 is C9CF BAA3 there, and the file is not valid UTF-8', () => {
    expect(Buffer.from(GB18030_FILE).includes(Buffer.from([0xc9, 0xcf, 0xba, 0xa3]))).to.equal(true);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(GB18030_FILE)).to.throw();
  });

  it('reads a GB18030 CSV from Excel on Chinese Windows with the exact Chinese names', () => {
    expect(decodeCsv(GB18030_FILE)).to.include({ encoding: 'gb18030' });
    const { data, issues } = parseImportFile('customers.csv', GB18030_FILE, EMPTY);
    expect(issues).to.deep.equal([]);
    const stored = data!.customers.map((c) => [c.id, c.company, c.contacts.map((x) => x.name)]);
    expect(stored).to.deep.equal([['c-shmm', '上海某某科技有限公司', ['张伟', '李娜（财务）']]]);
  });

  it('reads UTF-8 with a BOM ("CSV UTF-8" in Excel) and without one', () => {
    const csv = `${HEADER}\r\nc-shmm,上海某某科技有限公司,${T1},shmm.partner.onmschina.cn,张伟,zhang.wei@shmm.cn,,,\r\n`;
    for (const bytes of [concat(Uint8Array.of(0xef, 0xbb, 0xbf), utf8(csv)), utf8(csv)]) {
      expect(decodeCsv(bytes)).to.include({ encoding: 'utf-8' });
      const { data, issues } = parseImportFile('customers.csv', bytes, EMPTY);
      expect(issues).to.deep.equal([]);
      expect(data!.customers[0]!.company).to.equal('上海某某科技有限公司');
      expect(data!.customers[0]!.contacts[0]!.name).to.equal('张伟');
    }
  });

  it('refuses Latin-1 bytes, valid in neither encoding, naming the line and returning no data', () => {
    const good = `c-a,A Co,${T1},a.partner.onmschina.cn,Ann,ann@a.cn,,,`;
    const rows = [HEADER, good, `c-b,Café Sàrl,${T1},b.partner.onmschina.cn,Bo,b@b.cn,,,`];
    const bytes = latin1(`${rows.join('\n')}\n`);
    const { data, issues } = parseImportFile('customers.csv', bytes, EMPTY);
    expect(data).to.equal(undefined);
    expect(issues).to.have.length(1);
    expect(issues[0]).to.include({ line: 3, where: 'line 3' });
    expect(issues[0]!.message).to.match(/neither UTF-8 nor GB18030/);
  });

  it('names the line where the likelier encoding breaks: a GB18030 file with one bad byte on line 4', () => {
    // Lines 1-3 are the fixture; 0x81 0x20: a GB18030 lead byte followed by a space, which no GB18030 sequence allows.
    const broken = concat(GB18030_FILE, utf8('c-x,X'), Uint8Array.of(0x81, 0x20), utf8(`,${T1},x.partner.onmschina.cn,X,x@x.cn,,,\r\n`));
    expect(decodeCsv(broken)).to.deep.include({ issue: decodeCsvIssue(4) });
  });

  it('a JSON file given as bytes is read as UTF-8', () => {
    const contacts = [{ name: '张伟', email: 'z@a.cn' }];
    const customer = { id: 'c-a', company: '上海某某科技有限公司', tenantId: T1, initialDomain: 'a.partner.onmschina.cn', contacts };
    const json = JSON.stringify({ customers: [customer] });
    expect(parseImportFile('customers.json', utf8(json), EMPTY).data!.customers[0]!.company).to.equal('上海某某科技有限公司');
  });
});

function decodeCsvIssue(line: number) {
  const message = 'bytes that are neither UTF-8 nor GB18030 text; save the file from Excel as "CSV UTF-8" and import it again';
  return { line, where: `line ${line}`, message };
}
