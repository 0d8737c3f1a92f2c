import { expect } from 'chai';
import { parseCsv } from '../../bot/directory/customersCsv.js';
import { demoDirectory } from '../../bot/directory/demoDirectory.js';
import { parseImportFile } from '../../bot/directory/importFile.js';
import type { DirectoryData } from '../../bot/directory/types.js';

const EMPTY: DirectoryData = { customers: [], subscriptions: [], invoices: [] };
const HEADER = 'customer_id,company,tenant_id,initial_domain,contact_name,contact_email,contact_phone,contact_aad_object_id,contact_role';
const T1 = '3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b';
const T2 = '3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5c';

describe('parseImportFile', () => {
  it('parses quoted CSV cells with commas, quotes and line breaks, keeping the start line of each record', () => {
    const { rows } = parseCsv('a,b\n"x, ""y""","multi\nline"\nlast,row\n');
    expect(rows.map((r) => [r.line, r.cells])).to.deep.equal([
      [1, ['a', 'b']],
      [2, ['x, "y"', 'multi\nline']],
      [4, ['last', 'row']],
    ]);
  });

  it('imports a good CSV: one row per contact, rows with the same customer id merge', () => {
    const csv = [
      HEADER,
      `c-contoso,"Contoso, Ltd 康托索",${T1},contoso.partner.onmschina.cn,Ann,ann@contoso.cn,13812345678,,admin`,
      'c-contoso,,,,Bo,bo@contoso.cn,,,billing',
      `c-woodgrove,Woodgrove 木谷,${T2},woodgrove.partner.onmschina.cn,Cai,cai@woodgrove.cn,,,`,
    ].join('\r\n');
    const { data, issues } = parseImportFile('customers.csv', csv, EMPTY);
    expect(issues).to.deep.equal([]);
    expect(data!.customers.map((c) => [c.id, c.company, c.contacts.map((x) => x.email)])).to.deep.equal([
      ['c-contoso', 'Contoso, Ltd 康托索', ['ann@contoso.cn', 'bo@contoso.cn']],
      ['c-woodgrove', 'Woodgrove 木谷', ['cai@woodgrove.cn']],
    ]);
  });

  it('reports every bad CSV row with its line number and returns no data', () => {
    const csv = [
      HEADER,
      `c-a,A Co,${T1},a.partner.onmschina.cn,Ann,ann@a.cn,,,`,
      `c-b,B Co,not-a-guid,b.partner.onmschina.cn,Bo,bo@b.cn,,,`,
      `c-c,C Co,${T2},c.contoso.com,Cai,not-an-email,,,boss`,
      `c-d,D Co,${T1},d.partner.onmschina.cn,Di,di@d.cn,,,`,
      `c-e,E Co,${T2}`,
    ].join('\n');
    const { data, issues } = parseImportFile('customers.csv', csv, EMPTY);
    expect(data).to.equal(undefined);
    const byLine = issues.map((i) => `${i.line}: ${i.message}`);
    expect(byLine).to.include.members([
      '6: has 3 cells, the header has 9',
      '5: tenant id 3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b is already used by customer c-a',
    ]);
    expect(byLine.some((l) => /^3: tenantId "not-a-guid"/.test(l))).to.equal(true);
    expect(byLine.some((l) => /^4: initialDomain "c.contoso.com"/.test(l))).to.equal(true);
    expect(byLine.some((l) => /^4: email "not-an-email"/.test(l))).to.equal(true);
    expect(byLine.some((l) => /^4: role must be one of/.test(l))).to.equal(true);
  });

  it('refuses a duplicate tenant id and a taken domain, naming the line', () => {
    const csv = [
      HEADER,
      `c-a,A Co,${T1},a.partner.onmschina.cn,Ann,ann@a.cn,,,`,
      `c-b,B Co,${T1},fabrikamsh.partner.onmschina.cn,Bo,bo@b.cn,,,`,
    ].join('\n');
    const { data, issues } = parseImportFile('customers.csv', csv, demoDirectory());
    expect(data).to.equal(undefined);
    expect(issues.map((i) => i.line)).to.deep.equal([3, 3]);
    expect(issues.map((i) => i.message).join(' '))
      .to.match(/tenant id .* already used by customer c-a/)
      .and.match(/fabrikamsh.partner.onmschina.cn is already used by customer c-fabrikam/);
  });

  it('reports a wrong header and an unclosed quote', () => {
    expect(parseImportFile('x.csv', 'id,name\n1,2', EMPTY).issues[0]!.message).to.match(
      /missing column\(s\) customer_id.*unknown column\(s\) id, name/,
    );
    expect(parseImportFile('x.csv', `${HEADER}\nc-a,"A Co`, EMPTY).issues[0]).to.deep.include({
      line: 2,
      message: 'a quoted cell is never closed',
    });
    expect(parseImportFile('x.csv', '', EMPTY).issues[0]!.message).to.equal('the file is empty');
  });

  it('reports JSON syntax errors with a line and JSON field errors with the line of the value', () => {
    const broken = parseImportFile('customers.json', '{\n "customers": [\n  {"id": "c-a",}\n ]\n}', EMPTY);
    expect(broken.data).to.equal(undefined);
    expect(broken.issues[0]).to.deep.include({ line: 3 });
    const json = JSON.stringify(
      {
        customers: [
          {
            id: 'c-a',
            company: 'A',
            tenantId: T1,
            initialDomain: 'a.partner.onmschina.cn',
            contacts: [{ name: 'Ann', email: 'ann@a.cn' }],
          },
          {
            id: 'c-b',
            company: 'B',
            tenantId: T2,
            initialDomain: 'this-prefix-is-far-too-long-for-a-domain.partner.onmschina.cn',
            contacts: [],
          },
        ],
      },
      null,
      2,
    );
    const bad = parseImportFile('customers.json', json, EMPTY);
    expect(bad.data).to.equal(undefined);
    expect(bad.issues.map((i) => [i.line, i.where])).to.deep.equal([
      [json.split('\n').findIndex((l) => l.includes('far-too-long')) + 1, 'customers[1].initialDomain'],
      [json.split('\n').findIndex((l) => l.includes('"contacts": []')) + 1, 'customers[1].contacts'],
    ]);
  });

  it('checks subscriptions and invoices in JSON against the customers (references and sums)', () => {
    const demo = demoDirectory();
    const input = {
      ...demo,
      invoices: demo.invoices.map((i, n) => (n === 0 ? { ...i, amountCny: 1 } : n === 1 ? { ...i, customerId: 'c-nobody' } : i)),
    };
    const { data, issues } = parseImportFile('all.json', JSON.stringify(input, null, 1), {
      customers: [],
      subscriptions: [],
      invoices: [],
    });
    expect(data).to.equal(undefined);
    expect(issues.map((i) => i.where)).to.deep.equal([
      'invoices[0].amountCny',
      'invoices[1].customerId',
      'invoices[1].lines[0].subscriptionId',
      'invoices[1].lines[1].subscriptionId',
    ]);
  });

  it('replaces customers with the same id and keeps the rest', () => {
    const csv = [
      HEADER,
      `c-fabrikam,Fabrikam New,${demoDirectory().customers[0]!.tenantId},` +
        'fabrikamsh.partner.onmschina.cn,New Person,new@fabrikam.cn,,,admin',
    ].join('\n');
    const { data } = parseImportFile('c.csv', csv, demoDirectory());
    expect(data!.customers.map((c) => c.id).sort()).to.deep.equal(['c-fabrikam', 'c-northwind', 'c-tailspin']);
    expect(data!.customers.find((c) => c.id === 'c-fabrikam')!.company).to.equal('Fabrikam New');
    expect(data!.invoices).to.have.length(demoDirectory().invoices.length);
  });

  it('refuses other file types', () => {
    expect(parseImportFile('customers.xlsx', '', EMPTY).issues[0]!.message).to.match(/\.csv or \.json/);
  });
});
