import { CardFactory, type Attachment } from 'botbuilder';
import type { Intent } from '../bot/nlu/intents.js';
import type { Messages } from '../bot/i18n/messages.js';

/** "Which of these did you mean?" as imBack buttons, which Teams shows in every scope. */
export function intentChoiceCard(m: Messages, intents: readonly Intent[]): Attachment {
  const titles = [...intents.map((i) => m.intentNames[i]), m.noneOfThese];
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    version: '1.5',
    body: [{ type: 'TextBlock', text: m.whichOne, wrap: true }],
    actions: titles.map((title) => ({ type: 'Action.Submit', title, data: { msteams: { type: 'imBack', value: title } } })),
  });
}
