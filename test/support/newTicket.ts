import type { NewTicket } from '../../bot/tickets/types.js';

/** A reseller ticket as the subscription dialog files it: asking for 5 more E3 licences. */
export const newTicket = (customer: string, title = '加 5 个 E3 许可证'): NewTicket => ({
  kind: 'reseller',
  category: 'subscription_change',
  customer,
  title,
  summary: { 'zh-CN': '客户要加 5 个 E3', en: 'Customer wants 5 more E3' },
  locale: 'zh-CN',
  details: { quantity: 5 },
});
