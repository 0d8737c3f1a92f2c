import { expect } from 'chai';
import { extractEntities } from '../../bot/nlu/entities.js';

const pick = (text: string, type: string) =>
  extractEntities(text)
    .filter((e) => e.type === type)
    .map((e) => e.value);

describe('extractEntities', () => {
  it('ticket ids as T-1024 or #1024', () => {
    expect(pick('工单T-1024怎么样了', 'ticketId')).to.deep.equal(['T-1024']);
    expect(pick('any update on #2048?', 'ticketId')).to.deep.equal(['T-2048']);
    expect(pick('version 16.0.1234', 'ticketId')).to.deep.equal([]);
  });

  it('e-mail addresses, without also reporting their host as a domain', () => {
    const entities = extractEntities('我的邮箱 Admin@Contoso.partner.onmschina.cn 收不到');
    expect(entities.filter((e) => e.type === 'email').map((e) => e.value)).to.deep.equal(['admin@contoso.partner.onmschina.cn']);
    expect(entities.filter((e) => e.type === 'domain')).to.deep.equal([]);
  });

  it('Chinese mobile numbers in the usual formats, normalised to 11 digits', () => {
    expect(pick('电话13812345678', 'phone')).to.deep.equal(['13812345678']);
    expect(pick('call +86 138-1234-5678', 'phone')).to.deep.equal(['13812345678']);
    expect(pick('139 1234 5678', 'phone')).to.deep.equal(['13912345678']);
    expect(pick('12345678901', 'phone')).to.deep.equal([]);
  });

  it('domain names', () => {
    expect(pick('域名 contoso.com 怎么验证', 'domain')).to.deep.equal(['contoso.com']);
    expect(pick('fabrikam.partner.onmschina.cn', 'domain')).to.deep.equal(['fabrikam.partner.onmschina.cn']);
  });

  it('service names in both languages, normalised to ids', () => {
    expect(pick('Exchange Online 是不是挂了', 'service')).to.deep.equal(['exchange']);
    expect(pick('虚拟机连不上', 'service')).to.deep.equal(['azure-vm']);
    expect(pick('teams and onedrive are slow', 'service')).to.deep.equal(['teams', 'onedrive']);
    expect(pick('I need a steam key', 'service')).to.deep.equal([]);
  });

  it('license counts, and not the digits of a plan name', () => {
    expect(pick('再加5个license', 'licenseCount')).to.deep.equal(['5']);
    expect(pick('we need 20 more seats', 'licenseCount')).to.deep.equal(['20']);
    expect(pick('加两个E3许可证', 'licenseCount')).to.deep.equal(['2']);
    expect(pick('upgrade to E5', 'licenseCount')).to.deep.equal([]);
  });
});
