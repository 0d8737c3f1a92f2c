import { formatCny, formatDate, formatPeriod } from '../directory/format.js';
import { isSettled } from '../health/types.js';
import { SERVICE_NAMES } from '../nlu/serviceNames.js';
import { literalForMessage as lit } from '../text/literal.js';
import { healthZhCN } from './healthZhCN.js';
import { daysBetween, type FollowUpMessages } from './followUpMessages.js';

const cny = (n: number) => formatCny(n, 'zh-CN');
const date = (d: string) => formatDate(d, 'zh-CN');
const name = (id: string) => SERVICE_NAMES[id]?.zh ?? id;
const inDays = (n: number) => (n === 0 ? '就是今天' : n === 1 ? '明天' : n > 1 ? `还剩 ${n} 天` : `已过去 ${-n} 天`);
const time = (iso: string) => new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', timeStyle: 'short' }).format(new Date(iso));

export const followUpZhCN: FollowUpMessages = {
  due: (i, today) =>
    i.status === 'paid'
      ? `${formatPeriod(i.period, 'zh-CN')}账单 ${i.number}（${cny(i.amountCny)}）已经付清，原付款截止日是 ${date(i.dueDate)}。`
      : `账单 ${i.number}（${cny(i.amountCny)}）的付款截止日是 ${date(i.dueDate)}（${inDays(daysBetween(today, i.dueDate))}）` +
        `${i.status === 'overdue' ? '，现在已经逾期，请尽快安排付款' : ''}。` +
        '请按账单上的收款账户对公转账，备注里写上账单编号。',
  line: (l, i) =>
    l.kind === 'proration'
      ? `${i.number} 上的 ${cny(l.amountCny)} 是一次性的按天折算费用：“${lit(l.description)}”。账期中途新增的许可证只按实际使用的天数计费，所以这笔费用只出现一次，下个月不会再有。`
      : l.kind === 'usage'
        ? `${i.number} 上的 ${cny(l.amountCny)} 是 ${lit(l.description)} 的按量计费，按当月实际用量结算，所以每个月都会有变化。`
        : l.kind === 'credit'
          ? `${i.number} 上的 ${cny(l.amountCny)} 是 ${lit(l.description)} 的抵扣，已从总额里扣除。`
          : `${i.number} 上的 ${cny(l.amountCny)} 是 ${lit(l.description)} 的常规月费：${l.quantity} 个许可证。`,
  noSuchLine: (amount, i) => `${i.number} 上没有金额为 ${amount} 的明细。上面列出了这张账单的全部明细；如果觉得哪里不对，请输入“转人工”。`,
  noEarlier: (i) => `${i.number} 已经是我这里能查到的贵公司最早的一期账单了。`,
  term: (s, today) => {
    if (!s.renewalDate) return `${lit(s.offer)} 是按量付费的，没有到期日，每月按实际用量结算。`;
    const when = `${date(s.renewalDate)}（${inDays(daysBetween(today, s.renewalDate))}）`;
    if (s.status === 'trial')
      return `${lit(s.offer)} 试用将于 ${when}到期。到期前不转为付费订阅，就会过期：用户无法再使用，数据只保留一段时间，之后会被删除。想保留的话，说“转为付费”即可。`;
    return s.autoRenew
      ? `${lit(s.offer)} 的续订日是 ${when}。自动续订已开启，到期会自动续订下一期，您不用做什么。`
      : `${lit(s.offer)} 将于 ${when}到期。自动续订目前是关闭的，到期不会自动续费。需要的话，说“开启自动续订”，我来帮您提交请求。`;
  },
  price: (s) =>
    s.unitPriceCny === undefined
      ? `${lit(s.offer)} 按实际用量计费，费用以每月账单为准。`
      : `${lit(s.offer)}：每个许可证每月 ${cny(s.unitPriceCny)}，共 ${s.quantity} 个，每月合计 ${cny(s.unitPriceCny * s.quantity)}。`,
  eta: (i) =>
    `“${lit(i.title)}”目前暂无预计恢复时间：世纪互联确定之后才会公布。` +
    `最近一次更新：${date(i.lastUpdate)} ${time(i.lastUpdate)}（北京时间），状态：${healthZhCN.statusNames[i.status]}。恢复后我可以通知您。`,
  since: (i) =>
    `“${lit(i.title)}”从 ${date(i.startTime)} ${time(i.startTime)}（北京时间）开始，` +
    `最近一次更新在 ${date(i.lastUpdate)} ${time(i.lastUpdate)}，状态：${healthZhCN.statusNames[i.status]}。`,
  impact: (i) => `影响范围：${lit(i.impact)}（${name(i.service)}，开始于 ${date(i.startTime)}）。`,
  otherService: (service, status, issues, also) =>
    issues > 0 || !isSettled(status)
      ? `${name(service)} 目前${also ? '也' : ''}有 ${issues || 1} 个未解决的问题，可以问我“${name(service)} 是不是有故障”查看详情。`
      : `${name(service)} 运行正常，目前没有影响它的已知问题。`,
};
