import { CardFactory, type Attachment } from 'botbuilder';
import { messages } from '../i18n/messages.js';
import type { Locale } from '../i18n/locale.js';

function section(locale: Locale, separator: boolean): object[] {
  const m = messages(locale);
  return [
    { type: 'TextBlock', text: m.welcomeTitle, weight: 'Bolder', size: 'Medium', wrap: true, separator },
    { type: 'TextBlock', text: m.welcomeIntro, wrap: true },
    { type: 'TextBlock', text: m.capabilities.map((c) => `- ${c}`).join('\n'), wrap: true },
    { type: 'TextBlock', text: m.examplesHeading, weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: m.examples.map((e) => `- ${e}`).join('\n'), wrap: true },
  ];
}

/** Both languages on one card: we greet before we know which one the user writes. */
export function welcomeCard(first: Locale = 'zh-CN'): Attachment {
  const second: Locale = first === 'zh-CN' ? 'en' : 'zh-CN';
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      ...section(first, false),
      ...section(second, true),
      { type: 'TextBlock', text: messages(first).languageHint, isSubtle: true, wrap: true, separator: true },
    ],
    actions: [
      {
        type: 'Action.Submit',
        title: messages(first).examples[0],
        data: { msteams: { type: 'imBack', value: messages(first).examples[0] } },
      },
      {
        type: 'Action.Submit',
        title: messages(second).examples[0],
        data: { msteams: { type: 'imBack', value: messages(second).examples[0] } },
      },
    ],
  });
}
