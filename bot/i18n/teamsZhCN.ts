import type { TeamsMessages } from './teamsMessages.js';

export const teamsZhCN: TeamsMessages = {
  tenantDenied: '抱歉，本支持助手仅向其经销商所服务的组织开放。如果您认为贵单位应当可以使用，请让贵单位的 IT 管理员联系经销商的支持团队。',
  shortened: '（回复内容过长，超出单条消息的上限，已截短。）',
};
