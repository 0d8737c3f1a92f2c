import type { Reseller } from '../directory/types.js';
import type { ServiceRequestDraft, Severity } from '../escalation/serviceRequest.js';
import { SERVICE_NAMES } from '../nlu/serviceNames.js';
import { literalForMessage } from '../text/literal.js';
import type { Ticket, TicketStatus } from '../tickets/types.js';
import { chinaDateTime } from './escalationFormat.js';
import type { EscalationMessages } from './escalationMessages.js';
import type { HandoffSummary } from '../handoff/transcript.js';

const DAY = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const when = (iso: string) => chinaDateTime(iso, 'zh-CN');

function days(ds: readonly number[]): string {
  const sorted = [...ds].sort();
  const run = sorted.every((d, i) => i === 0 || d === sorted[i - 1]! + 1);
  return run && sorted.length > 2 ? `${DAY[sorted[0]!]}至${DAY[sorted.at(-1)!]}` : sorted.map((d) => DAY[d]).join('、');
}

const hours = (r: Reseller) => `北京时间${days(r.supportHours.days)} ${r.supportHours.start}–${r.supportHours.end}`;
const reach = (r: Reseller | undefined) => (r ? `${r.name}：电话 ${r.supportPhone}（${hours(r)}），邮箱 ${r.supportEmail}` : '您的服务商');

const STATUS: Record<TicketStatus, string> = {
  open: '处理中',
  waiting_on_customer: '等待您回复',
  escalated: '已提交世纪互联',
  resolved: '已解决',
  closed: '已关闭',
};

const SEVERITY: Record<Severity, string> = { A: 'A 级 – 严重', B: 'B 级 – 高', C: 'C 级 – 低' };
const service = (id: string) => SERVICE_NAMES[id]?.zh ?? '其他';

function draftLines(d: ServiceRequestDraft): string[] {
  return [
    `标题：${literalForMessage(d.title)}`,
    `服务：${service(d.service)}`,
    `严重级别：${SEVERITY[d.severity]}`,
    `问题描述：${literalForMessage(d.description)}`,
    ...(d.startedAt ? [`开始时间：${when(d.startedAt)}（北京时间）`] : []),
    ...(d.tenantId ? [`租户 ID：${d.tenantId}`] : []),
    ...(d.subscriptionId ? [`订阅 ID：${d.subscriptionId}`] : []),
    ...(d.correlationId ? [`关联 ID：${d.correlationId}`] : []),
    `联系人：${literalForMessage(d.contactName)}，${d.contactEmail}，${d.contactPhone}`,
    `首选语言：${d.preferredLanguage === 'zh-CN' ? '中文' : '英文'}`,
  ];
}

function summary(s: HandoffSummary): string {
  const c = s.customer;
  const who = c.company
    ? `${c.company}（${c.id}）${c.name ? `，${c.name}` : ''}${c.contact ? ` <${c.contact}>` : ''}`
    : `未验证身份：${c.name ?? '未留姓名'}，${c.contact ?? '未留联系方式'}`;
  return [
    '客户要求转人工。',
    `客户：${who}`,
    `咨询内容：${s.question}`,
    `识别的意图：${s.intent}（${s.score.toFixed(2)}）`,
    `服务状态：${s.health}`,
    `最近 ${s.transcript.length} 条消息：`,
    ...s.transcript.map((l) => `[${when(l.at)}] ${l.role === 'user' ? '客户' : '机器人'}：${l.text}`),
  ].join('\n');
}

function ticketLine(t: Ticket): string {
  return `• ${t.id}（${STATUS[t.status]}）：${literalForMessage(t.title)}，更新于 ${when(t.updatedAt)}`;
}

export const escalationZhCN: EscalationMessages = {
  handoff: {
    askName: '我这就为您转接人工客服。请问怎么称呼您？',
    nameHint: '请输入您的姓名，例如：王磊 或 Lei Wang。',
    askContact: '请留一个邮箱或手机号码，方便客服联系您。',
    contactHelp: '这样即使您关掉了对话，客服也能联系到您。这个联系方式只用于本次请求。',
    nameLabel: '称呼',
    contactLabel: '联系方式',
    questionLabel: '问题',
    contactHint: '请输入邮箱（例如 name@contoso.cn）或中国大陆手机号（例如 138 1234 5678）。',
    askQuestion: '请用一两句话说明您需要什么帮助，客服会先看到这段内容。',
    questionHint: '请简单描述一下您需要的帮助。',
    handedOver: (id, r) =>
      `已为您转接${r ? `${r.name}的` : ''}客服团队，工单号 ${id}。客服会在这里回复您，您接下来发送的内容都会直接转给客服。`,
    handedOverAfterHours: (id, r, next) =>
      `客服团队的工作时间是${hours(r)}，现在暂时无人在线。您的请求已记录为工单 ${id}，客服将于北京时间${next}起与您联系。在此期间，如有其他问题也可以继续问我。`,
    accepted: '客服人员已加入对话。',
    completed: (id) => `客服已结束本次对话（工单 ${id}）。接下来由我继续为您服务，还有什么可以帮您？`,
    failed: (id, r) =>
      `抱歉，暂时没有客服能接入对话。您的工单 ${id} 仍然有效，客服会主动联系您；您也可以联系${reach(r)}。在此期间由我继续为您服务。`,
    ticketTitle: (q) => `客户要求转人工：${q.slice(0, 80)}`,
    ticketSummary: summary,
    healthUnknown: '未知（暂无服务状态信息）',
    notGiven: '（未提供）',
  },
  report: {
    intro: '我将代您向世纪互联提交服务请求，需要先了解几项信息。随时可以说“取消”。',
    askService: '是哪项服务出了问题？',
    serviceHint: '请点击下面的按钮，或直接输入服务名称，例如：Exchange、Teams、Azure 虚拟机。',
    otherService: '其他服务',
    serviceName: service,
    askSeverity: [
      '问题有多严重？',
      '• A 级 – 严重：服务中断或大量用户无法使用，业务已经停止，且没有临时解决办法。世纪互联会 7×24 小时处理，处理期间需要您保持电话畅通。',
      '• B 级 – 高：对业务有明显影响，例如多名用户或重要功能受影响、服务明显变慢，但业务还能继续。',
      '• C 级 – 低：影响较小，例如咨询类问题、单个用户的问题、显示问题或使用建议。',
    ].join('\n'),
    severityNames: SEVERITY,
    severityHint: '请选择 A、B 或 C。',
    askTitle: '请用一句话概括这个问题（作为标题）。',
    titleHint: '标题请控制在 5 到 120 个字之间，例如：“今天上午起 Outlook 无法发送邮件”。',
    askDescription: '请详细描述问题：具体现象、影响哪些用户、报错信息，以及已经尝试过的操作。',
    descriptionHint: '请至少用 20 个字描述问题。',
    askStartedAt: '问题是什么时候开始的？例如“今天 9:30”、“昨天”、“2026-11-23 14:00”或“刚才”。也可以点击“跳过”。',
    startedAtHint: '请输入时间，例如“今天 9:30”、“昨天 18:00”或“2026-11-23 14:00”，或点击“跳过”。',
    askCorrelationId: '报错信息里有没有关联 ID 或请求 ID（形如 1b4e28ba-2fa1-11d2-883f-0016d3cca427）？没有的话请点击“跳过”。',
    correlationIdHint: '关联 ID 的格式类似 1b4e28ba-2fa1-11d2-883f-0016d3cca427。请粘贴，或点击“跳过”。',
    askSubscriptionId: '受影响的 Azure 订阅 ID 是什么（GUID 格式）？不清楚的话请点击“跳过”。',
    subscriptionIdHint: 'Azure 订阅 ID 的格式类似 1b4e28ba-2fa1-11d2-883f-0016d3cca427。请粘贴，或点击“跳过”。',
    skip: '跳过',
    askContactName: '世纪互联应该联系谁？请输入联系人姓名。',
    contactNameHint: '请输入姓名，例如：王磊 或 Lei Wang。',
    askEmail: '联系人的邮箱地址？',
    emailHint: '请输入邮箱地址，例如 name@contoso.cn。',
    askPhone: '联系人的电话（中国大陆手机号）？',
    phoneHint: '请输入中国大陆手机号，例如 138 1234 5678。',
    languageName: (l) => (l === 'zh-CN' ? '中文' : '英文'),
    fieldHelp: {
      service: '世纪互联会把请求转给对应服务的团队，请选受影响的服务；都不是就选“其他”。',
      severity:
        'A：服务中断或大量用户无法使用、业务停摆（全天候处理）；B：对业务有明显影响，但工作还能继续；C：影响较小，咨询或个别用户。按业务影响选择即可，之后也可以调整。',
      title: '用一句话说明问题，例如“从 9 点开始 Outlook 发不出邮件”，世纪互联会先看到这一句。',
      description: '发生了什么、影响了谁、完整的报错信息，以及已经试过哪些办法。描述越准确，处理越快。',
      startedAt: '问题开始的时间能帮世纪互联查对应时段的日志，大概时间也可以；不清楚就选“跳过”。',
      correlationId:
        '很多微软报错页面和 Azure 门户的错误会显示关联 ID（Correlation ID）或请求 ID，' +
        '是一串类似 1b4e28ba-2fa1-11d2-883f-0016d3cca427 的代码，通常在“详细信息”或报错文字里，也可以在 Azure 活动日志里找到。' +
        '有了它世纪互联能定位到那次失败的请求。没有就选“跳过”。',
      subscriptionId: '仅 Azure 问题需要：订阅 ID 可以在 Azure 门户（portal.azure.cn）的“订阅”里找到。没有就选“跳过”。',
      contactName: '世纪互联处理时可能需要联系相关人员，我们会转告这个姓名。',
      contactEmail: '请求有进展时发通知的邮箱。',
      contactPhone: '紧急情况下联系用的电话。',
    },
    fieldLabels: {
      service: '服务',
      severity: '严重级别',
      title: '标题',
      description: '问题描述',
      startedAt: '开始时间',
      correlationId: '关联 ID',
      subscriptionId: '订阅 ID',
      contactName: '联系人',
      contactEmail: '联系邮箱',
      contactPhone: '联系电话',
    },
    confirm: (d) => `请核对服务请求：\n\n${draftLines(d).join('\n')}\n\n确认提交给世纪互联吗？`,
    declined: '好的，没有提交任何内容。',
    submitted: (id, sr) =>
      `已提交：世纪互联已收到您的服务请求，编号 ${sr}（我方工单号 ${id}）。世纪互联的工程师会联系您填写的联系人；进展有变化时我会在这里通知您。`,
    queued: (id) =>
      `您的服务请求已保存为工单 ${id}，但暂时无法连接世纪互联，所以还没有提交成功。我会继续自动重试，提交成功后会在这里通知您，您无需再做任何操作。`,
    manual: (id, r) => `您的服务请求已保存为工单 ${id}。${r?.name ?? '您的服务商'}会代您向世纪互联提交，并告诉您世纪互联的请求编号。`,
    rejected: (id, r) => `您的服务请求已保存为工单 ${id}，但世纪互联没有自动受理。${r?.name ?? '您的服务商'}会核对后代您提交。`,
    laterSubmitted: (id, sr) => `工单 ${id} 有新进展：世纪互联已收到您的服务请求，编号 ${sr}。`,
    laterFailed: (id, r) => `工单 ${id} 有新进展：世纪互联没有自动受理这个服务请求，${r?.name ?? '您的服务商'}会代您提交。`,
    ticketSummary: (d) => `提交世纪互联的服务请求\n${draftLines(d).join('\n')}`,
  },
  status: {
    statusNames: STATUS,
    list: (ts) =>
      `您的工单（最新的在前）：\n${ts.map(ticketLine).join('\n')}\n\n输入工单号（例如 ${ts[0]?.id ?? 'T-1024'}）可查看处理记录。`,
    none: '您目前还没有工单。',
    notFound: (id) => `没有找到贵公司的工单 ${id}，请核对工单号。`,
    detail: (t) =>
      [
        `${t.id}：${literalForMessage(t.title)}`,
        `状态：${STATUS[t.status]}`,
        `创建时间：${when(t.createdAt)}，最近更新：${when(t.updatedAt)}`,
        ...(t.links?.partnerCenterId ? [`世纪互联服务请求编号：${t.links.partnerCenterId}`] : []),
        ...(t.links?.escalatedTo ? [`已升级至世纪互联，工单号 ${t.links.escalatedTo}`] : []),
        '处理记录：',
        ...t.history
          .filter((h) => h.by !== 'customer')
          .map((h) => `• ${when(h.at)}：${STATUS[h.status]}${h.note ? `：${literalForMessage(h.note)}` : ''}`),
      ].join('\n'),
    whatNext: (t, r, nextOpen) =>
      `${r.name}的客服团队在工作时间（${hours(r)}）处理工单 ${t.id}${nextOpen ? `，现在不在工作时间，北京时间${nextOpen}起会有人跟进` : ''}。` +
      `有进展时我会在这里通知您，您也可以随时问我“${t.id} 进展如何”。`,
    changed: (t, note) =>
      `您的工单 ${t.id}（${literalForMessage(t.title)}）有更新：当前状态为“${STATUS[t.status]}”。${note ? `客服备注：${literalForMessage(note)}` : ''}`,
  },
};
