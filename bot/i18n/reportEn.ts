import type { ReportMessages } from './reportMessages.js';

export const reportEn: ReportMessages = {
  htmlLang: 'en',
  title: 'Support outcomes',
  period: (from, to, days) => `${from} to ${to} (${days} day${days === 1 ? '' : 's'}, China time)`,
  overall: 'Overall',
  languageName: (l) => (l === 'zh-CN' ? 'Chinese' : 'English'),
  conversations: 'Conversations',
  contained: 'Contained',
  abandoned: 'Abandoned',
  handoffs: 'Handoffs',
  taken: 'Taken on the desk',
  medianTake: 'Median time to take',
  medianHandling: 'Median handling time',
  csatAverage: 'Satisfaction (average of 5)',
  csatResponses: 'Survey answers',
  csatDistribution: 'Satisfaction 1/2/3/4/5',
  topUnanswered: 'Top unanswered questions',
  noUnanswered: 'none',
  definitions:
    'A conversation is one chat on one day (China time). ' +
    'Contained: no handoff was asked for that day and the customer’s last message got an answer. ' +
    'Abandoned: no handoff, but the last message was not understood, found no article, or left a question of the bot unanswered.',
  units: { s: 's', min: 'min', h: 'h' },
  tokenLabel: 'Desk token',
  daysLabel: 'Days',
  show: 'Show',
  wrongToken: 'That token is not valid.',
  loadFailed: 'The figures could not be loaded. Is the bot running?',
  chartOutcomes: 'Conversations by language',
  chartCsat: 'Satisfaction answers',
  noScript: 'This page needs JavaScript.',
};
