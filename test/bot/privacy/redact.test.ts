import { expect } from 'chai';
import { redactDeep, redactPersonalData } from '../../../bot/privacy/redact.js';

describe('redactPersonalData', () => {
  it('removes e-mail addresses, including non-ASCII ones', () => {
    expect(redactPersonalData('mail wang.lei+it@contoso.partner.onmschina.cn or 王磊@例子.中国 please')).to.equal(
      'mail [email] or [email] please',
    );
  });

  it('removes mainland mobiles, landlines and international numbers in the usual spellings', () => {
    for (const phone of [
      '13812345678',
      '138 1234 5678',
      '138-1234-5678',
      '+86 138 1234 5678',
      '+8613812345678',
      '010-12345678',
      '(021) 1234 5678',
      '+1 425 555 0100',
    ]) {
      expect(redactPersonalData(`电话${phone}，谢谢`), phone).to.equal('电话[phone]，谢谢');
    }
  });

  it('removes 18-digit resident ID numbers, with a digit or X as the check digit', () => {
    expect(redactPersonalData('身份证 11010519491231002X 和 110105194912310021。')).to.equal('身份证 [ID number] 和 [ID number]。');
    expect(redactPersonalData('id 11010519491231002x')).to.equal('id [ID number]');
  });

  it('keeps ticket ids, invoice numbers, dates, amounts and license counts', () => {
    const text = 'Ticket T-1001 about invoice INV-2026-1001 (2026-10) for ¥1,234.50: add 25 licenses on 2026-11-23 08:00';
    expect(redactPersonalData(text)).to.equal(text);
  });

  it('redacts every string inside cards and values', () => {
    const card = { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'Admin: a@b.cn, 13812345678' }], n: 13812345678 };
    expect(redactDeep(card)).to.deep.equal({
      type: 'AdaptiveCard',
      body: [{ type: 'TextBlock', text: 'Admin: [email], [phone]' }],
      n: 13812345678,
    });
  });
});
