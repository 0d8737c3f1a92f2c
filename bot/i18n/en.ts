import { followUpEn } from './followUpEn.js';
import { repairEn } from './repairEn.js';
import type { Messages } from './messages.js';
import { customerEn } from './customerEn.js';
import { webChatPageEn } from './webChatPageEn.js';
import { healthEn } from './healthEn.js';
import { teamsEn } from './teamsEn.js';
import { escalationEn } from './escalationEn.js';
import { reliabilityEn } from './reliabilityEn.js';

export const en: Messages = {
  welcomeTitle: 'Hi, I am your Microsoft cloud support assistant',
  welcomeIntro: 'I help with Office 365 / Microsoft 365 and Azure operated by 21Vianet, around the clock. Ask in English or Chinese.',
  capabilities: [
    'Sign-up, first sign-in, passwords, users, domains and MFA',
    'Invoices, charges, payments and fapiao',
    'Licenses and subscriptions: add, reduce, change, renew, cancel',
    'How-to questions for Outlook, Teams, OneDrive, Office and Azure',
    'Service health, outages and slowness',
    'Reaching our support team, or reporting a problem to 21Vianet for you',
  ],
  examplesHeading: 'Try for example',
  examples: ['How do I set up Outlook on my phone?', 'Is Exchange down?', 'I need 5 more E3 licenses', 'Talk to support'],
  languageHint: 'Say "请用中文" to switch to Chinese, or "English please" to stay in English.',
  helpMenu: [
    'Here is what I can help with:',
    '• Account set-up: sign-up, sign-in, passwords, users, domains, MFA',
    '• Billing: invoices, charges, payments, fapiao',
    '• Subscriptions and licenses',
    '• How-to questions and FAQs',
    '• Service health and outages',
    '• Talk to a person ("agent"), or report a problem to 21Vianet',
    'At any time you can say "cancel", "start over" or "help".',
  ].join('\n'),
  notYet: 'I\'m sorry, I can\'t help with that here yet. Our support team can: say "agent" if you would like a person.',
  outOfScope:
    "Sorry, I didn't understand that. " +
    'I can help with your Microsoft 365 and Azure services operated by 21Vianet: ' +
    'accounts, billing, licenses, how-to questions and service health.',
  greeting: 'Hello! What can I help you with today?',
  thanks: "You're welcome. Is there anything else I can do for you?",
  goodbye: 'Goodbye! Come back any time; I am here 24x7.',
  cancelled: "OK, I've cancelled that. What else can I help with?",
  nothingToCancel: "There's nothing to cancel. What can I help with?",
  startOver: "Let's start over.",
  languageSwitched: "OK, I'll answer in English from now on.",
  onlyBeginningRead: (chars: number) =>
    `That was a long message, so I read only its first ${chars.toLocaleString('en')} characters. ` +
    'If the rest matters, send it as a shorter message.',
  emptyMessage: 'I received an empty message. What can I help with?',
  nonTextMessage: 'I can only read text messages for now. Please type your question.',
  intentNames: {
    account_setup: 'Account set-up and sign-in',
    billing: 'Invoices and billing',
    subscription: 'Licenses and subscriptions',
    howto_faq: 'How-to question',
    service_health: 'Service status or outage',
    escalate_human: 'Talk to a person',
    report_problem: 'Report a problem',
    ticket_status: 'Status of my ticket',
    greeting: 'Greeting',
    thanks: 'Thanks',
    goodbye: 'Goodbye',
    help: 'What can you do?',
    out_of_scope: 'Something else',
  },
  whichOne: 'I want to get this right. Which of these is closest to what you need?',
  noneOfThese: 'None of these',
  offerHandoff: "I'm having trouble understanding. Would you like me to pass you to our support team?",
  handoffDeclined: 'OK. Try rephrasing your question, or say "help" to see what I can do.',
  customer: customerEn,
  webChatPage: webChatPageEn,
  health: healthEn,
  teams: teamsEn,
  escalation: escalationEn,
  reliability: reliabilityEn,
  followUp: followUpEn,
  repair: repairEn,
  faq: {
    relatedPrefix: 'Also: ',
    fullArticle: 'Show the full article',
    moreSteps: 'There are more steps: choose "Show the full article".',
    helped: 'This helped',
    notHelped: "This didn't help",
    talkToSupport: 'Talk to support',
    noAnswer:
      'I couldn\'t find an article that answers that. Try asking in other words, or choose "Talk to support" and a person will help.',
    thanksForFeedback: 'Thanks for letting me know! Anything else?',
    nextBest: 'Sorry about that. This one may be closer:',
    outOfArticles: "I'm sorry I couldn't find the answer. Would you like me to pass this to our support team?",
    source: 'Source',
    moreInSection: 'This is part of the section: open the source or choose "Show the full article" for the rest.',
    noteLabels: { note: 'Note:', tip: 'Tip:', important: 'Important:', warning: 'Warning:', caution: 'Caution:' },
  },
  yes: 'Yes',
  no: 'No',
  yesNoHint: 'Please answer yes or no.',
  errorApology: (ref) =>
    `Sorry, something went wrong on our side. Please try again. If it keeps happening, give our support team this reference: ${ref}.`,
};
