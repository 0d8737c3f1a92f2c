import type { HealthStatus } from '../health/types.js';
import { SERVICE_NAMES } from '../nlu/serviceNames.js';
import { statusIcon, type HealthMessages } from './healthMessages.js';

const STATUS: Record<HealthStatus, string> = {
  serviceOperational: '运行正常',
  investigating: '正在调查',
  restoringService: '正在恢复服务',
  verifyingService: '正在验证服务',
  serviceRestored: '服务已恢复',
  postIncidentReviewPublished: '已发布事后分析报告',
  serviceDegradation: '服务降级',
  serviceInterruption: '服务中断',
  extendedRecovery: '恢复时间延长',
  falsePositive: '误报（无影响）',
  investigationSuspended: '调查已暂停',
  resolved: '已解决',
  mitigatedExternal: '已缓解（外部原因）',
  mitigated: '已缓解',
  resolvedExternal: '已解决（外部原因）',
  confirmed: '已确认',
  reported: '已报告',
  unknown: '未知：暂时无法获取状态',
};

const name = (id: string) => SERVICE_NAMES[id]?.zh ?? id;
const list = (ids: readonly string[]) => ids.map(name).join('、');

export const healthZhCN: HealthMessages = {
  statusNames: STATUS,
  serviceName: name,
  heading: (scope) =>
    scope.kind === 'named'
      ? '当前服务状态：'
      : scope.kind === 'customer'
        ? `${scope.company} 订阅的服务当前状态：`
        : '我们监控的服务当前状态：',
  line: (service, status) => `${statusIcon(status)} ${name(service)}：${STATUS[status]}`,
  incidentCardTitle: '当前的服务事件和通告',
  advisory: '通告',
  incident: '事件',
  factService: '服务',
  factStatus: '状态',
  factType: '类型',
  factStarted: '开始时间',
  factUpdated: '最近更新',
  chinaTime: (t) => `${t}（北京时间）`,
  moreIssues: (n) => `……还有 ${n} 条。可以单独问某个服务，查看它的事件。`,
  offerNotify: '需要在问题解决后，我在这里通知您吗？',
  notifyConfirmed: (n) => (n === 1 ? '好的，问题一解决我就在这里通知您。' : `好的，这 ${n} 个问题每解决一个，我都会在这里通知您。`),
  notifyDeclined: '好的。随时可以再问我最新状态。',
  notifyUnavailable: '在群聊里我没法事后单独通知您。如果希望问题解决时收到通知，请直接私聊我。',
  unknownNote: (ids) => `暂时无法获取 ${list(ids)} 的当前状态，所以没法确定是否运行正常。目前状态未知，并不代表正常。`,
  allHealthy: (ids) => `目前没有已知的服务事件：${list(ids)} 运行正常。`,
  offerChecks: '如果您这边仍然很慢或用不了，要不要一起做几项简单的检查？',
  checksDeclined: '好的。如有变化，随时再来问我。',
  check: (i, total, step) => `第 ${i}/${total} 项检查：${step}`,
  checkAnswers: { fixed: '已经好了', next: '下一项' },
  talkToPerson: '转人工',
  checkHint: '请选择“已经好了”、“下一项”或“转人工”。',
  checksFixed: '太好了，恢复正常就好！',
  offerEscalation: '做完这些检查还是不行吗？需要我帮您转给支持团队吗？',
  escalationDeclined: '好的。如果问题反复出现，输入“报告问题”，我来帮您提交工单。',
  noArticle: '暂时无法提供排查步骤。',
  resolvedNotice: (service, title) => `好消息：影响 ${name(service)} 的事件“${title}”已经解决。`,
};
