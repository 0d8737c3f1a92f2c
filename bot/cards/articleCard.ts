import { CardFactory, type Attachment } from 'botbuilder';
import type { Messages } from '../i18n/messages.js';

/** What the answer card needs from an article. */
export interface ArticleView {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly steps: readonly string[];
  readonly body: string;
}

/** Teams rejects cards over about 28 KB; long steps are cut and the full text offered as a button. */
const MAX_STEPS_CHARS = 2_500;

export interface ArticleCardOptions {
  readonly related: readonly ArticleView[];
  readonly showFeedback: boolean;
}

function imBack(title: string, value = title): object {
  return { type: 'Action.Submit', title, data: { msteams: { type: 'imBack', value } } };
}

/** An article as an Adaptive Card 1.5: title, summary, numbered steps, then imBack buttons. Articles are our own markdown. */
export function articleCard(m: Messages, article: ArticleView, options: ArticleCardOptions): Attachment {
  let used = 0;
  const steps: string[] = [];
  for (const step of article.steps) {
    if (used + step.length > MAX_STEPS_CHARS) break;
    steps.push(`${steps.length + 1}. ${step}`);
    used += step.length;
  }
  const truncated = steps.length < article.steps.length;
  const actions = [
    ...options.related.slice(0, 3).map((r) => imBack(`${m.faq.relatedPrefix}${r.title}`)),
    ...(truncated || article.body.length > MAX_STEPS_CHARS ? [imBack(m.faq.fullArticle)] : []),
    ...(options.showFeedback ? [imBack(m.faq.helped), imBack(m.faq.notHelped)] : []),
    imBack(m.faq.talkToSupport),
  ];
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: article.title, weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'TextBlock', text: article.summary, wrap: true, isSubtle: true },
      ...(steps.length > 0 ? [{ type: 'TextBlock', text: steps.join('\n\n'), wrap: true }] : []),
      ...(truncated ? [{ type: 'TextBlock', text: m.faq.moreSteps, wrap: true, isSubtle: true }] : []),
    ],
    actions,
  });
}
