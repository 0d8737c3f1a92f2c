import type { DirectoryData, Invoice, InvoiceLine } from './types.js';

/** Demo tenant ids and contacts, exported so tests and the README can name them. */
export const DEMO = {
  fabrikam: {
    id: 'c-fabrikam',
    tenantId: '6f1c0a3e-2b7d-4c1e-9a0b-000000000001',
    domain: 'fabrikamsh.partner.onmschina.cn',
    admin: 'wang.lei@fabrikam.cn',
    adminAad: '0b5e7c1a-1111-4a2b-8c3d-000000000011',
  },
  northwind: {
    id: 'c-northwind',
    tenantId: '6f1c0a3e-2b7d-4c1e-9a0b-000000000002',
    domain: 'northwindlog.partner.onmschina.cn',
    admin: 'emily.chen@northwind.cn',
    adminAad: '0b5e7c1a-2222-4a2b-8c3d-000000000021',
  },
  tailspin: {
    id: 'c-tailspin',
    tenantId: '6f1c0a3e-2b7d-4c1e-9a0b-000000000003',
    domain: 'tailspintoys.partner.onmschina.cn',
    admin: 'zhang.wei@tailspin.cn',
    adminAad: '0b5e7c1a-3333-4a2b-8c3d-000000000031',
  },
} as const;

const line = (
  subscriptionId: string,
  description: string,
  quantity: number,
  amountCny: number,
  kind?: InvoiceLine['kind'],
): InvoiceLine => ({ subscriptionId, description, quantity, amountCny, ...(kind && { kind }) });

function invoice(
  number: string,
  customerId: string,
  period: string,
  lines: InvoiceLine[],
  rest: Pick<Invoice, 'status' | 'dueDate' | 'fapiao'>,
): Invoice {
  const amountCny = Math.round(lines.reduce((s, l) => s + l.amountCny, 0) * 100) / 100;
  return { number, customerId, period, amountCny, lines, ...rest };
}

const E3 = 'Office 365 E3';
const AZ = 'Azure plan';
const BB = 'Microsoft 365 Business Basic';
const BS = 'Microsoft 365 Business Standard';
const E1 = 'Office 365 E1';

/**
 * A demo reseller with three customers whose invoices differ month to month for a reason: Fabrikam added
 * five E3 licenses mid-September (proration, then a higher quantity), Northwind started Business Standard
 * in November, and Tailspin's Azure usage moves while an October invoice is overdue. Prices are made up.
 */
export function demoDirectory(): DirectoryData {
  const f = DEMO.fabrikam.id;
  const n = DEMO.northwind.id;
  const t = DEMO.tailspin.id;
  return {
    reseller: {
      name: '云桥示例科技 Cloudbridge Demo',
      supportHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' },
      timeZone: 'Asia/Shanghai',
      supportPhone: '400-820-1234',
      supportEmail: 'support@cloudbridge-demo.cn',
      portalUrl: 'https://support.cloudbridge-demo.cn',
      signUpUrl: 'https://support.cloudbridge-demo.cn/signup',
    },
    customers: [
      {
        id: f,
        company: '法布里卡姆贸易（上海）有限公司 Fabrikam Trading',
        tenantId: DEMO.fabrikam.tenantId,
        initialDomain: DEMO.fabrikam.domain,
        domains: ['fabrikam.cn'],
        contacts: [
          { name: '王磊', email: DEMO.fabrikam.admin, phone: '13812345678', aadObjectId: DEMO.fabrikam.adminAad, role: 'admin' },
          {
            name: '李娜',
            email: 'li.na@fabrikam.cn',
            phone: '13987654321',
            aadObjectId: '0b5e7c1a-1111-4a2b-8c3d-000000000012',
            role: 'billing',
          },
        ],
      },
      {
        id: n,
        company: 'Northwind Logistics 北风物流',
        tenantId: DEMO.northwind.tenantId,
        initialDomain: DEMO.northwind.domain,
        contacts: [
          { name: 'Emily Chen', email: DEMO.northwind.admin, phone: '13600001111', aadObjectId: DEMO.northwind.adminAad, role: 'admin' },
        ],
      },
      {
        id: t,
        company: '尾旋玩具（深圳）有限公司 Tailspin Toys',
        tenantId: DEMO.tailspin.tenantId,
        initialDomain: DEMO.tailspin.domain,
        contacts: [{ name: '张伟', email: DEMO.tailspin.admin, phone: '13700002222', aadObjectId: DEMO.tailspin.adminAad, role: 'admin' }],
      },
    ],
    subscriptions: [
      {
        id: 'sub-fab-e3',
        customerId: f,
        offer: E3,
        services: ['exchange', 'sharepoint', 'onedrive', 'teams', 'office'],
        quantity: 30,
        unitPriceCny: 190,
        status: 'active',
        term: 'annual',
        renewalDate: '2027-03-31',
        autoRenew: true,
      },
      {
        id: 'sub-fab-az',
        customerId: f,
        offer: AZ,
        services: ['azure-vm', 'azure-storage', 'azure-sql', 'azure-portal'],
        quantity: 1,
        status: 'active',
        term: 'payg',
        autoRenew: true,
      },
      {
        id: 'sub-nw-bb',
        customerId: n,
        offer: BB,
        services: ['exchange', 'sharepoint', 'onedrive', 'teams'],
        quantity: 12,
        unitPriceCny: 35,
        status: 'active',
        term: 'monthly',
        renewalDate: '2026-12-01',
        autoRenew: true,
      },
      {
        id: 'sub-nw-bs',
        customerId: n,
        offer: BS,
        services: ['exchange', 'sharepoint', 'onedrive', 'teams', 'office'],
        quantity: 5,
        unitPriceCny: 88,
        status: 'active',
        term: 'annual',
        renewalDate: '2027-10-31',
        autoRenew: false,
      },
      {
        id: 'sub-nw-e5t',
        customerId: n,
        offer: 'Office 365 E5 (trial)',
        services: ['exchange', 'sharepoint', 'onedrive', 'teams', 'office'],
        quantity: 25,
        unitPriceCny: 300,
        status: 'trial',
        term: 'monthly',
        renewalDate: '2026-12-10',
        autoRenew: false,
      },
      {
        id: 'sub-ts-e1',
        customerId: t,
        offer: E1,
        services: ['exchange', 'sharepoint', 'onedrive', 'teams'],
        quantity: 10,
        unitPriceCny: 60,
        status: 'active',
        term: 'annual',
        renewalDate: '2026-12-31',
        autoRenew: false,
      },
      {
        id: 'sub-ts-az',
        customerId: t,
        offer: AZ,
        services: ['azure-vm', 'azure-storage'],
        quantity: 1,
        status: 'active',
        term: 'payg',
        autoRenew: true,
      },
    ],
    invoices: [
      invoice('INV-202608-0101', f, '2026-08', [line('sub-fab-e3', E3, 25, 4750), line('sub-fab-az', AZ, 1, 1234.5, 'usage')], {
        status: 'paid',
        dueDate: '2026-09-15',
        fapiao: 'issued',
      }),
      invoice('INV-202609-0101', f, '2026-09', [line('sub-fab-e3', E3, 25, 4750), line('sub-fab-az', AZ, 1, 1302.8, 'usage')], {
        status: 'paid',
        dueDate: '2026-10-15',
        fapiao: 'issued',
      }),
      invoice(
        'INV-202610-0101',
        f,
        '2026-10',
        [
          line('sub-fab-e3', E3, 30, 5700),
          line('sub-fab-e3', `${E3} (5 licenses, 16–30 Sep)`, 5, 475, 'proration'),
          line('sub-fab-az', AZ, 1, 1410.2, 'usage'),
        ],
        { status: 'paid', dueDate: '2026-11-15', fapiao: 'requested' },
      ),
      invoice('INV-202611-0101', f, '2026-11', [line('sub-fab-e3', E3, 30, 5700), line('sub-fab-az', AZ, 1, 1388, 'usage')], {
        status: 'unpaid',
        dueDate: '2026-12-15',
        fapiao: 'not_requested',
      }),
      invoice('INV-202609-0202', n, '2026-09', [line('sub-nw-bb', BB, 12, 420)], {
        status: 'paid',
        dueDate: '2026-10-15',
        fapiao: 'issued',
      }),
      invoice('INV-202610-0202', n, '2026-10', [line('sub-nw-bb', BB, 12, 420)], {
        status: 'paid',
        dueDate: '2026-11-15',
        fapiao: 'issued',
      }),
      invoice('INV-202611-0202', n, '2026-11', [line('sub-nw-bb', BB, 12, 420), line('sub-nw-bs', BS, 5, 440)], {
        status: 'unpaid',
        dueDate: '2026-12-15',
        fapiao: 'not_requested',
      }),
      invoice('INV-202610-0303', t, '2026-10', [line('sub-ts-e1', E1, 10, 600), line('sub-ts-az', AZ, 1, 2210.35, 'usage')], {
        status: 'overdue',
        dueDate: '2026-11-15',
        fapiao: 'not_requested',
      }),
      invoice('INV-202611-0303', t, '2026-11', [line('sub-ts-e1', E1, 10, 600), line('sub-ts-az', AZ, 1, 1876.4, 'usage')], {
        status: 'unpaid',
        dueDate: '2026-12-15',
        fapiao: 'not_requested',
      }),
    ],
  };
}
