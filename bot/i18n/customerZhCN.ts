import { formatCny, formatDate, formatPeriod } from '../directory/format.js';
import type { InvoiceChange } from '../directory/invoiceChanges.js';
import type { Invoice, Reseller, Subscription } from '../directory/types.js';
import { literalForMessage as lit } from '../text/literal.js';
import type { CustomerMessages } from './customerMessages.js';
import type { ChangeRequest } from '../directory/changeRequest.js';
import type { SignUpForm } from '../directory/signUpForm.js';

/** Ticket summaries keep what the customer typed as it was; chat replies show it literally (lit). */
const asTyped = (s: string) => s;

const DAY = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const cny = (n: number) => formatCny(n, 'zh-CN');
const date = (d: string) => formatDate(d, 'zh-CN');
const period = (p: string) => formatPeriod(p, 'zh-CN');
const signed = (n: number) => (n >= 0 ? `+${cny(n)}` : cny(n));

function days(ds: readonly number[]): string {
  const sorted = [...ds].sort();
  const run = sorted.every((d, i) => i === 0 || d === sorted[i - 1]! + 1);
  return run && sorted.length > 2 ? `${DAY[sorted[0]!]}至${DAY[sorted.at(-1)!]}` : sorted.map((d) => DAY[d]).join('、');
}

function contact(r: Reseller | undefined): string {
  if (!r) return '请联系您的服务商。';
  const h = r.supportHours;
  return `${r.name}：电话 ${r.supportPhone}（北京时间${days(h.days)} ${h.start}–${h.end}），邮箱 ${r.supportEmail}，支持门户 ${r.portalUrl}`;
}

const STATUS: Record<Invoice['status'], string> = { paid: '已支付', unpaid: '待支付', overdue: '已逾期' };
const FAPIAO: Record<Invoice['fapiao'], string> = { not_requested: '尚未申请', requested: '已申请，正在开具', issued: '已开具' };
const TERM: Record<string, string> = { monthly: '月付', annual: '年付', triennial: '三年期', payg: '按量付费' };
const SUB_STATUS: Record<string, string> = { active: '使用中', trial: '试用', suspended: '已暂停', cancelled: '已取消', expired: '已过期' };

function change(c: InvoiceChange): string {
  switch (c.kind) {
    case 'new':
      return `• 新增订阅 ${c.description}：${cny(c.amountCny)}`;
    case 'ended':
      return `• ${c.description} 本月不再计费（${cny(-c.amountCny)}）`;
    case 'quantity':
      return `• ${c.description}：许可证数量由 ${c.from} 个变为 ${c.to} 个（${signed(c.deltaCny)}）`;
    case 'proration':
      return `• ${c.description} 的按天折算费用：${cny(c.amountCny)}（变更前不足整月的部分，一次性收取）`;
    case 'usage':
      return `• ${c.description} 按量用量${c.deltaCny > 0 ? '增加' : '减少'}：${signed(c.deltaCny)}`;
    case 'credit':
      return `• 抵扣 ${c.description}：${cny(c.amountCny)}`;
    case 'oneOffEnded':
      return `• 上月的一次性费用 ${c.description}（${cny(c.amountCny)}）本月不再收取`;
  }
}

function dueLine(i: Invoice): string {
  return `• ${i.number}（${period(i.period)}）：${cny(i.amountCny)}，截止 ${date(i.dueDate)}${i.status === 'overdue' ? '，已逾期' : ''}`;
}

function subscriptionLine(s: Subscription, n: number): string {
  const renews = s.renewalDate ? `，续订日 ${date(s.renewalDate)}` : '';
  const price = s.unitPriceCny !== undefined ? `，每个许可证每月 ${cny(s.unitPriceCny)}` : '';
  return `${n}. ${s.offer}：${s.quantity} 个许可证，${SUB_STATUS[s.status]}，${TERM[s.term]}${renews}，自动续订${s.autoRenew ? '已开启' : '已关闭'}${price}`;
}

function request(r: ChangeRequest, show = asTyped): string {
  const what: Record<ChangeRequest['change'], string> = {
    add: `为 ${r.offer} 增加 ${r.quantity} 个许可证（${r.currentQuantity} → ${r.currentQuantity + (r.quantity ?? 0)}）`,
    reduce: `为 ${r.offer} 减少 ${r.quantity} 个许可证（${r.currentQuantity} → ${r.currentQuantity - (r.quantity ?? 0)}）`,
    changePlan: `将 ${r.offer} 变更为 ${show(r.targetPlan ?? '')}`,
    cancel: `取消 ${r.offer}`,
    autoRenewOn: `开启 ${r.offer} 的自动续订`,
    autoRenewOff: `关闭 ${r.offer} 的自动续订`,
    trialToPaid: `将试用版 ${r.offer} 转为付费订阅（${r.quantity ?? r.currentQuantity} 个许可证）`,
  };
  return what[r.change];
}

function form(f: SignUpForm, show = asTyped): string {
  return [
    `公司名称：${show(f.company)}`,
    `初始域名：${show(f.domainPrefix)}.partner.onmschina.cn`,
    `管理员：${show(f.adminName)}，${show(f.adminEmail)}，${show(f.adminMobile)}`,
    `所需服务：${show(f.services)}`,
  ].join('\n');
}

export const customerZhCN: CustomerMessages = {
  identify: {
    askDomain:
      '查看贵公司的账户信息前，需要先确认一下您的身份（本次对话只需一次）。请问贵公司的域名是什么？例如 contoso.partner.onmschina.cn 或 contoso.cn。',
    domainHint: '这看起来不像域名，请按 contoso.partner.onmschina.cn 或 contoso.cn 的格式输入。',
    askEmail: '再请提供您在我们这里登记的工作邮箱。',
    emailHint: '请输入邮箱地址，例如 name@contoso.cn。',
    noMatch: '这个域名和邮箱没有对应到已登记的联系人。请核对后再试一次。',
    whyIdentify:
      '账单、订阅和工单属于贵公司的私密信息，所以我要先核实您是贵公司登记过的联系人：公司域名和您的工作邮箱需要和我们的记录一致。每次对话只需确认一次。',
    domainLabel: '域名',
    emailLabel: '邮箱',
    tooManyTries: (r) => `抱歉，无法确认您的身份，因此不能显示账户信息。请联系 ${contact(r)}，或者说"转人工 / agent"联系人工客服。`,
    identified: (name, company) => `谢谢，${lit(name)}（${lit(company)}），身份已确认，本次对话内有效。`,
    unknownTenant: (r) =>
      `您所在的组织还不是我们的客户，因此无法显示账户信息。如需开通，请访问 ${r?.signUpUrl ?? r?.portalUrl ?? '您的服务商'}，或联系 ${contact(r)}。`,
    notAContact: (company, r) =>
      `您是从 ${lit(company)} 登录的，但还不是该公司登记的联系人，因此无法显示账户信息。请让贵公司管理员添加您，或联系 ${contact(r)}。`,
  },
  setup: {
    whichTask: '请问需要办理什么？',
    taskHint: '请点击下面的按钮，或者直接输入，例如"注册开户"或"重置密码"。',
    taskNames: {
      signUp: '新客户注册开户',
      resetPassword: '重置密码',
      addUsers: '添加用户或管理员',
      customDomain: '添加自定义域名',
      mfa: '设置多重身份验证（MFA）',
    },
    signUpIntro: '好的，我们来为贵公司办理开户。一共六个简单问题，随时可以说"取消"。',
    askCompany: '请问公司名称是什么？（中文或英文，与营业执照一致）',
    companyHint: '请输入公司名称，2 到 100 个字符，例如"上海示例科技有限公司"或 Contoso Ltd。',
    askPrefix: '您希望使用什么初始域名？只需输入前缀：比如想要 contoso.partner.onmschina.cn，就输入 contoso。',
    prefixHint: '前缀只能包含字母、数字或连字符，长度 1 到 27 位，例如 contoso 或 contoso-sh。',
    prefixTaken: (p) => `${p}.partner.onmschina.cn 已被占用，请换一个前缀，例如 ${p}-cn。`,
    askAdminName: '管理员的姓名是？',
    nameHint: '请输入管理员姓名，例如"王磊"或 Lei Wang。',
    askAdminEmail: '管理员的邮箱地址是？',
    askMobile: '管理员的手机号码是？登录信息会发送到这个号码。',
    mobileHint: '请输入中国大陆手机号，例如 138 1234 5678 或 +86 13812345678。',
    askServices: '需要开通哪些服务？例如：Office 365 E3，20 个用户；Azure。',
    servicesHint: '请至少写一项服务，例如"Microsoft 365 商业基础版，10 个用户"或"Azure"。',
    signUpHelp: {
      company: '需要营业执照上登记的公司全称，合同和账单都开给这个名称。',
      domainPrefix:
        '每个租户都有一个以 .partner.onmschina.cn 结尾的初始域名，例如 contoso.partner.onmschina.cn。' +
        '它用于首次登录，也会出现在 SharePoint 网址里，开通后不能修改；' +
        '您自己的域名（如 contoso.cn）以后可以再添加。这里只需填第一个点之前的前缀。',
      adminName: '新租户的第一位全局管理员：由他接收登录信息，并为其他同事开账号。',
      adminEmail: '请填一个现在就能联系到管理员的邮箱（新租户的邮箱还不存在）。',
      adminMobile: '请填中国大陆手机号，世纪互联会把登录和验证信息发到这个号码。',
      services: '需要哪些产品、多少用户，例如“Microsoft 365 商业基础版 10 个用户”或“Azure”。下单前我们会先和您确认价格。',
    },
    signUpLabels: {
      company: '公司名称',
      domainPrefix: '域名前缀',
      adminName: '管理员姓名',
      adminEmail: '邮箱',
      adminMobile: '手机号',
      services: '服务',
    },
    confirmSignUp: (f) => `请核对以下信息：\n\n${form(f, lit)}\n\n确认提交开户申请吗？`,
    signUpCreated: (id, r) =>
      `已提交：您的开户申请工单号为 ${id}。${r?.name ?? '服务商'}会在一个工作日内联系管理员。如有疑问，请联系 ${contact(r)}。`,
    signUpDeclined: '好的，没有提交任何内容。',
    offerOnBehalf: (task) => `需要我们替您完成"${task}"吗？我会为支持团队创建一个请求。`,
    onBehalfCreated: (id, task) => `已创建请求 ${id}：我们的团队会替您完成"${task}"，完成后通知您。`,
    signUpTicket: (f) => `新客户开户申请\n${form(f)}`,
    onBehalfTicket: (task, who, company) => `代客户操作：${task}\n申请人：${who}（${company}）`,
  },
  billing: {
    invoiceSummary: (i) =>
      [
        `${period(i.period)}账单 ${i.number}：${cny(i.amountCny)}，${STATUS[i.status]}，付款截止日 ${date(i.dueDate)}。发票：${FAPIAO[i.fapiao]}。`,
        ...i.lines.map((l) => `• ${l.description} × ${l.quantity}：${cny(l.amountCny)}`),
      ].join('\n'),
    whatNext: '还想了解什么？',
    topicNames: { explain: '费用为什么变了', due: '应付金额', fapiao: '发票', payment: '付款方式', refund: '退款', period: '查看其他月份' },
    askPeriod: '想看哪个月的账单？例如 2026-10 或"10月"。',
    periodHint: '请输入月份，例如 2026-10、10月 或"上个月"。',
    noInvoices: '贵公司目前还没有账单。',
    periodNotFound: (p, av) => `没有${period(p)}的账单。现有账单月份：${av.map(period).join('、')}。`,
    invoiceNotFound: (n) => `没有找到贵公司编号为 ${lit(n)} 的账单，请核对编号。`,
    changesIntro: (c, p) =>
      p
        ? `${period(c.period)}：${cny(c.amountCny)}，${period(p.period)}：${cny(p.amountCny)}（${signed(c.amountCny - p.amountCny)}）。变化原因：`
        : `${period(c.period)}是第一张账单，没有可比较的上月账单。`,
    change,
    noChanges: '费用与上个月相同。',
    due: (open) =>
      open.length === 0
        ? '没有待付款项，所有账单均已支付。'
        : `待付账单：\n${open.map(dueLine).join('\n')}\n合计：${cny(open.reduce((s, i) => s + i.amountCny, 0))}`,
    fapiao: (list) => `增值税发票状态：\n${list.map((i) => `• ${i.number}（${period(i.period)}）：${FAPIAO[i.fapiao]}`).join('\n')}`,
    offerFapiao: (i) => `需要我请财务团队为账单 ${i.number}（${cny(i.amountCny)}）开具发票吗？`,
    fapiaoRequested: (id, i) => `已创建请求 ${id}：账单 ${i.number} 的发票将按登记的开票信息开具。`,
    offerEscalation: '需要我们的财务团队跟进这个问题吗？',
    escalated: (id) => `已创建请求 ${id}：财务团队会尽快回复您。`,
    fapiaoTicket: (i, company) => `为 ${company} 开具账单 ${i.number}（${i.period}，${cny(i.amountCny)}）的发票`,
    escalationTicket: (q, company) => `${company} 的账务问题：${q}`,
  },
  subscription: {
    list: (subs) => `贵公司的订阅：\n${subs.map((s, i) => subscriptionLine(s, i + 1)).join('\n')}`,
    none: '贵公司目前在我们这里还没有订阅。',
    askChange: '想做什么变更？',
    changeHint: '请点击下面的按钮，或者直接输入，例如"增加许可证"或"取消订阅"。',
    changeNames: {
      add: '增加许可证',
      reduce: '减少许可证',
      changePlan: '升级或降级',
      cancel: '取消订阅',
      autoRenewOn: '开启自动续订',
      autoRenewOff: '关闭自动续订',
      trialToPaid: '试用转付费',
    },
    askWhich: '是哪一个订阅？请输入列表中的序号。',
    whichHint: (n) => `请输入 1 到 ${n} 之间的序号，或订阅名称。`,
    askAddQuantity: (o, q) => `${o} 目前有 ${q} 个许可证，要增加几个？`,
    askReduceQuantity: (o, q) => `${o} 目前有 ${q} 个许可证，要减少几个？`,
    quantityHint: (max) => `请输入 1 到 ${max} 之间的整数。`,
    askPlan: (o) => `${o} 要变更为哪个版本？例如 Office 365 E5 或 Microsoft 365 商业标准版。`,
    planHint: '请输入版本名称，例如 Office 365 E5。',
    noTrial: '贵公司没有试用中的订阅。',
    nothingToChange: (o, c) => `无需变更：${o} 的自动续订已经${c === 'autoRenewOn' ? '开启' : '关闭'}。`,
    confirm: (r) =>
      `您要${request(r, lit)}。${r.monthlyDeltaCny !== undefined ? `费用变化：每月 ${signed(r.monthlyDeltaCny)}。` : ''}确认提交这个请求吗？`,
    created: (id, r) => `已创建请求 ${id}。我本身不会直接修改订阅：${r?.name ?? '服务商'}会完成变更并与您确认。`,
    ticket: (r, company) =>
      `${company} 的订阅变更：${request(r)}${r.monthlyDeltaCny !== undefined ? `（每月 ${signed(r.monthlyDeltaCny)}）` : ''}`,
  },
  giveUp: '抱歉，还是没能识别您的回答。可以说"转人工 / agent"联系人工客服，或者换个问题问我。',
  declined: '好的，没有提交任何内容。',
  contactUs: (r) => `联系方式：${contact(r)}。也可以直接说“转人工”，我帮您在这里转给工作人员。`,
  ticketFailed: (r) => `抱歉，暂时无法保存您的请求。请几分钟后再试，或联系 ${contact(r)}。`,
  ticketLimitVisitor: (open, r) =>
    `您已有 ${open.length} 个处理中的请求（${open.join('、')}），我就不再新开了，我们的团队会逐一回复。如果是其他问题或情况紧急，请联系 ${contact(r)}。`,
  ticketLimitHourly: (r) => `当前收到的请求异常多，暂时无法为您新开请求。请一小时后再试，或联系 ${contact(r)}。`,
  noDirectory: '本机器人尚未配置客户资料，暂时无法查询账户。请说"转人工"联系人工客服。',
};
