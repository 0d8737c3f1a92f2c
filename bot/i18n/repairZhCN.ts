import type { RepairMessages } from './repairMessages.js';

export const repairZhCN: RepairMessages = {
  taskNames: {
    signUp: '开户申请',
    onBehalf: '代办请求',
    subscriptionChange: '订阅变更',
    billingRequest: '账单请求',
    reportProblem: '向世纪互联提交服务请求',
    handoff: '转人工请求',
    identify: '身份确认',
    healthChecks: '排查步骤',
  },
  resumeOffer: (task) => `要继续刚才的${task}吗？已经填好的内容我都记着。`,
  resumeYes: '继续',
  resumeNo: '不用了',
  backTo: (task) => `回到刚才的${task}：`,
  dropped: (task) => `好的，刚才的${task}先不办了，没有提交任何内容。`,
  droppedForNew: (task) => `（刚才没办完的${task}已经取消了，没有提交任何内容。）`,
  nothingToResume: '目前没有没办完的事情。请问有什么可以帮您？',
  cancelledTask: (task) => `好的，${task}已取消，没有提交任何内容。还有什么可以帮您？`,
  corrected: (what, value) => `好的，${what}已改为 ${value}。`,
  acknowledged: '好的。还有什么可以帮您？',
  noThanks: '好的，没问题。还有什么可以帮您？',
  unansweredFollowUp: '这一点刚才的内容里没有讲到，我也没有找到可靠的答案。要我把这个问题转给支持团队吗？',
  iAmABot: '我是经销商支持团队的智能助手（机器人）。需要真人时，随时说“转人工”。',
  whyWeAsk: '办理您的请求需要这一项信息。如果不方便提供，可以说“取消”或“转人工”。',
};
