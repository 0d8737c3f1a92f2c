import type { Locale } from '../../bot/i18n/locale.js';
import type { AnswerSource, FaqArticle, FeedbackSink } from '../../dialogs/faqPorts.js';

const article = (id: string, title: string, related: string[], steps = ['Open the admin center.', 'Choose Users.']): FaqArticle => ({
  id,
  title,
  summary: `${title} summary`,
  steps,
  body: `# ${title}\n\n${steps.join('\n\n')}`,
  related,
});

/** A tiny knowledge base: Outlook set-up, with two related articles, in both languages. */
const ARTICLES: Record<Locale, FaqArticle[]> = {
  en: [
    article('howto/outlook-setup', 'Set up Outlook', ['connectivity/outlook-password-prompts', 'howto/mobile-apps']),
    article('connectivity/outlook-password-prompts', 'Outlook keeps asking for a password', ['howto/outlook-setup']),
    article('howto/mobile-apps', 'Use the mobile apps', ['howto/outlook-setup']),
  ],
  'zh-CN': [
    article(
      'howto/outlook-setup',
      '设置 Outlook',
      ['connectivity/outlook-password-prompts', 'howto/mobile-apps'],
      ['打开管理中心。', '选择用户。'],
    ),
    article('connectivity/outlook-password-prompts', 'Outlook 反复要求输入密码', ['howto/outlook-setup']),
    article('howto/mobile-apps', '使用手机应用', ['howto/outlook-setup']),
  ],
};

/** Answers any question mentioning Outlook with the Outlook articles, in order; nothing else. */
export class FakeAnswers implements AnswerSource {
  best(question: string, locale: Locale) {
    return /outlook/i.test(question) ? { article: ARTICLES[locale][0]!, score: 0.9 } : null;
  }
  nextBest(question: string, locale: Locale, exclude: readonly string[]) {
    if (!/outlook/i.test(question)) return null;
    const next = ARTICLES[locale].find((a) => !exclude.includes(a.id) && a.id !== 'howto/mobile-apps');
    return next ? { article: next, score: 0.5 } : null;
  }
  get(id: string, locale: Locale) {
    return ARTICLES[locale].find((a) => a.id === id);
  }
  bestScore(question: string) {
    return /outlook/i.test(question) ? 0.9 : /mail|邮/i.test(question) ? 0.12 : 0;
  }
}

export class MemoryFeedback implements FeedbackSink {
  readonly feedback: Array<{ articleId: string; helpful: boolean; locale: Locale; at: string }> = [];
  readonly unanswered: Array<{ text: string; locale: Locale; at: string; bestScore: number }> = [];
  async recordFeedback(entry: MemoryFeedback['feedback'][number]) {
    this.feedback.push(entry);
  }
  async recordUnanswered(entry: MemoryFeedback['unanswered'][number]) {
    this.unanswered.push(entry);
  }
}
