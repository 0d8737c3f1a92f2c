import type { ReliabilityMessages } from './reliabilityMessages.js';

export const reliabilityZhCN: ReliabilityMessages = {
  sendAgain: '您的两条消息同时到达，我只处理了其中一条。请把最后一条消息再发一次。',
};
