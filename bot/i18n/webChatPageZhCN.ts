import type { WebChatPageMessages } from './webChatPageMessages.js';

export const webChatPageZhCN: WebChatPageMessages = {
  htmlLang: 'zh-CN',
  title: '微软云支持助手：网页聊天测试页',
  intro: '请像客户一样用中文或英文提问。本页面只与这台电脑上运行的机器人对话，数据不会离开本机。',
  languageLabel: '语言',
  connecting: '正在连接机器人…',
  connectFailed: '无法连接到机器人。请确认机器人已启动（npm start），然后刷新本页面。',
  noScript: '此测试页面需要启用 JavaScript。',
  footer: '仅供本地测试。正式环境中，客户通过您网站上的网页聊天（Azure 机器人的 Direct Line 通道）与机器人对话。',
  unavailableTitle: '网页聊天测试页未安装',
  unavailableHowTo:
    '本页面需要开发依赖 botframework-webchat，生产安装（npm ci --omit=dev）不包含它。如需使用本页面，请运行 npm install（包含开发依赖），然后重新启动机器人。机器人本身运行正常：/api/messages 照常应答。',
};
