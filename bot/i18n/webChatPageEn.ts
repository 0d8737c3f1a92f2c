import type { WebChatPageMessages } from './webChatPageMessages.js';

export const webChatPageEn: WebChatPageMessages = {
  htmlLang: 'en',
  title: 'Microsoft cloud support assistant: Web Chat test page',
  intro:
    'Ask a question in English or Chinese, as a customer would. This page talks to the bot running on this computer; nothing leaves it.',
  languageLabel: 'Language',
  connecting: 'Connecting to the bot…',
  connectFailed: 'The bot could not be reached. Check that it is running (npm start), then reload this page.',
  noScript: 'This test page needs JavaScript.',
  footer: 'Local test page only. In production, customers use Web Chat on your website through the Azure Bot Direct Line channel.',
  unavailableTitle: 'The Web Chat test page is not installed',
  unavailableHowTo:
    'This page needs botframework-webchat, a development dependency, which a production install (npm ci --omit=dev) leaves out. ' +
    'To use the page, run npm install with development dependencies, then restart the bot. ' +
    'The bot itself works: /api/messages answers as usual.',
};
