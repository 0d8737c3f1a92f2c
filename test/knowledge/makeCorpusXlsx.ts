// Writes test/knowledge/corpus/faq/reseller-faq.xlsx, the FAQ sheet of the search corpus, from the rows below
// (headers in Chinese, as a reseller's support team keeps them). Run: npx tsx test/knowledge/makeCorpusXlsx.ts
import { join } from 'node:path';
import writeExcelFile from 'write-excel-file/node';

const HEADER = ['问题', '答案', '相似问题', '语言'];
const ROWS: string[][] = [
  [
    '如何申请开通 Azure 订阅？',
    '请联系我们的销售顾问，提供公司名称、营业执照和联系人信息。我们会在由世纪互联运营的 Azure 中为你创建租户和订阅，并把管理员帐户发送给你。',
    '想买Azure订阅找谁\n新开一个Azure订阅要什么资料',
    'zh-CN',
  ],
  [
    '可以退订吗？',
    '按月订阅的 Microsoft 365 许可证在购买后 7 天内可以取消并按比例退款，超过 7 天后只能在续订日减少数量。Azure 按实际用量计费，删除资源即可停止计费。',
    '买错了许可证能退吗',
    '中文',
  ],
  [
    '管理员离职了怎么办？',
    '请由公司的授权联系人提交书面申请，我们会核实身份后协助重置全局管理员的密码，或者为新的管理员分配角色。',
    '全局管理员的人走了；没人有管理员权限了',
    'zh-CN',
  ],
  [
    '你们提供上门服务吗？',
    '我们的标准支持通过电话、邮件和远程会话提供。现场服务需要单独签订服务协议，请联系你的客户经理。',
    '能派工程师来现场吗',
    'zh',
  ],
  [
    'Azure 的账单为什么和预估的不一样？',
    '预估基于价格计算器的假设用量，实际账单按照资源的真实运行时间、数据传输量和存储量计费。请在成本分析中按资源查看费用明细，找出超出预期的资源。',
    '账单比预计的高很多',
    'zh-CN',
  ],
  [
    'How do I add a new admin to our account?',
    'A Global admin can assign admin roles in the Microsoft 365 admin center under Roles. ' +
      'If nobody in your company has admin rights any more, ask us and we will verify your identity before helping.',
    'give a colleague admin rights\nmake someone an administrator',
    'en',
  ],
  [
    'Do you offer training for our staff?',
    'We run online onboarding sessions for new customers on the admin center, Teams and OneDrive. ' +
      'Ask your account manager to book a session; longer courses are quoted separately.',
    'can you train our employees on Teams',
    'English',
  ],
  [
    'How do I change the contact person on our account?',
    'Send the request from your registered email address, or have an authorised signatory sign the change form. ' +
      'We update the contact within two working days.',
    'update our company contact details',
    'en',
  ],
  [
    'Can we get a discount for a three-year commitment?',
    'Pricing for longer commitments depends on the product and the volume. ' +
      'Ask your account manager for a quote; we do not publish discount levels.',
    'is it cheaper if we sign for 3 years',
    'en',
  ],
  [
    'What happens to our data if we stop being your customer?',
    'If you move to another partner, your tenant and data stay as they are and only the billing relationship moves. ' +
      'If you cancel the subscriptions, the data is deleted after the retention period, so export what you need first.',
    'if we leave you do we lose our data',
    'en',
  ],
];

const cell = (value: string) => ({ value, type: String });
const data = [HEADER.map(cell), ...ROWS.map((r) => r.map(cell))];
await writeExcelFile(data as never, { columns: [{ width: 40 }, { width: 80 }, { width: 40 }, { width: 10 }] } as never).toFile(
  join(import.meta.dirname, 'corpus/faq/reseller-faq.xlsx'),
);
