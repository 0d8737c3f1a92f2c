import { TextPrompt, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { articleCard } from '../bot/cards/articleCard.js';
import { sectionCard } from '../bot/cards/sectionCard.js';
import { asksForFact } from '../bot/knowledge/sectionMatch.js';
import { messages, type Messages } from '../bot/i18n/messages.js';
import type { Locale } from '../bot/i18n/locale.js';
import { turnLocale } from '../bot/turnLocale.js';
import type { AnswerSource, FaqArticle, FaqSection, FeedbackSink } from './faqPorts.js';
import type { ChildDialogOptions } from './mainDialog.js';
import { InterruptibleDialog, restartMain } from './interruptibleDialog.js';
import { AnswerPrompt, type Answer, type AnswerPromptOptions } from './prompts/answerPrompt.js';
import type { FocusTracker } from './focusTracker.js';

interface FaqState {
  readonly question: string;
  readonly shown: string[];
  readonly current: string;
}

const LOOP = 'faqLoop';
const FOLLOW_UP = 'faqFollowUp';
const ESCALATE = 'faqEscalate';
/** Teams accepts about 28 KB of text per message; stay well below it, in characters. */
const MAX_MESSAGE_CHARS = 4_000;

/** Answers from the knowledge base with an article card, follow-ups, feedback, and a way out to a person. */
export class FaqDialog extends InterruptibleDialog {
  static readonly id = 'faqDialog';

  constructor(
    private readonly answers: AnswerSource,
    private readonly feedback: FeedbackSink,
    private readonly now: () => Date = () => new Date(),
    private readonly focus?: FocusTracker,
  ) {
    super(FaqDialog.id);
    this.addDialog(new TextPrompt(FOLLOW_UP));
    this.addDialog(new AnswerPrompt(ESCALATE, { kind: 'yesno' }));
    this.addDialog(new WaterfallDialog('faqStart', [(step) => this.start(step)]));
    this.addDialog(
      new WaterfallDialog(LOOP, [
        (step) => this.waitForFollowUp(step),
        (step) => this.followUp(step),
        (step) => this.afterEscalationOffer(step),
      ]),
    );
    this.initialDialogId = 'faqStart';
  }

  private async start(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = turnLocale(step.context);
    const options = step.options as ChildDialogOptions | undefined;
    const question = options?.question ?? step.context.activity.text ?? '';
    const passage = options?.passage;
    if (passage) {
      await step.context.sendActivity({ attachments: [sectionCard(messages(locale), passage.card, { showFeedback: true })] });
      await this.focus?.show(step.context, { kind: 'article', id: passage.articleId });
      return step.replaceDialog(LOOP, { question, shown: [passage.articleId], current: passage.articleId } satisfies FaqState);
    }
    const chosen = options?.articleId ? this.answers.get(options.articleId, locale) : undefined;
    const hit = chosen ? { article: chosen, score: 1 } : this.answers.best(question, locale, step.context);
    if (!hit) {
      const bestScore = Number(this.answers.bestScore(question, locale, step.context).toFixed(4));
      await this.feedback.recordUnanswered({ text: question, locale, at: this.now().toISOString(), bestScore });
      const m = messages(locale);
      await step.context.sendActivity(m.faq.noAnswer);
      return step.endDialog();
    }
    await this.show(step, hit.article, locale, hit.section);
    await this.showFact(step, hit.article, locale, question);
    return step.replaceDialog(LOOP, { question, shown: [hit.article.id], current: hit.article.id } satisfies FaqState);
  }

  private async waitForFollowUp(step: WaterfallStepContext): Promise<DialogTurnResult> {
    (step.values as { state?: FaqState }).state = step.options as FaqState;
    return step.prompt(FOLLOW_UP, {});
  }

  private async followUp(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = (step.values as { state: FaqState }).state;
    const locale = turnLocale(step.context);
    const m = messages(locale);
    const answer = String(step.result ?? '').trim();
    const said = (pick: (mm: Messages) => string) => [messages('zh-CN'), messages('en')].some((mm) => pick(mm) === answer);

    if (said((mm) => mm.faq.helped) || said((mm) => mm.faq.notHelped)) {
      const helpful = said((mm) => mm.faq.helped);
      await this.feedback.recordFeedback({ articleId: state.current, helpful, locale, at: this.now().toISOString() });
      if (helpful) {
        await step.context.sendActivity(m.faq.thanksForFeedback);
        return step.endDialog();
      }
      const next = this.answers.nextBest(state.question, locale, state.shown);
      if (!next) return step.beginDialog(ESCALATE, { prompt: m.faq.outOfArticles } satisfies AnswerPromptOptions);
      await step.context.sendActivity(m.faq.nextBest);
      await this.show(step, next.article, locale, next.section);
      return step.replaceDialog(LOOP, { ...state, shown: [...state.shown, next.article.id], current: next.article.id } satisfies FaqState);
    }
    if (said((mm) => mm.faq.talkToSupport)) return restartMain(step, { intent: 'escalate_human' });
    if (said((mm) => mm.faq.fullArticle)) {
      const article = this.answers.get(state.current, locale);
      for (const chunk of splitForMessages(article?.body ?? '')) await step.context.sendActivity({ text: chunk, textFormat: 'markdown' });
      return step.replaceDialog(LOOP, state);
    }
    const related = this.relatedByTitle(state.current, locale, answer);
    if (related) {
      await this.show(step, related, locale);
      return step.replaceDialog(LOOP, { ...state, shown: [...state.shown, related.id], current: related.id } satisfies FaqState);
    }
    // Anything else is a follow-up or a new question: the main dialog answers follow-ups from the focus.
    return restartMain(step);
  }

  private async afterEscalationOffer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = step.result as Answer;
    if (answer.kind === 'answer' && answer.value === true) return restartMain(step, { intent: 'escalate_human' });
    await step.context.sendActivity(messages(turnLocale(step.context)).handoffDeclined);
    return step.endDialog();
  }

  private relatedByTitle(currentId: string, locale: Locale, answer: string): FaqArticle | undefined {
    const current = this.answers.get(currentId, locale);
    for (const id of current?.related ?? []) {
      for (const l of [locale, locale === 'en' ? 'zh-CN' : 'en'] as const) {
        const article = this.answers.get(id, l);
        if (article && answer === `${messages(l).faq.relatedPrefix}${article.title}`) return this.answers.get(id, locale) ?? article;
      }
    }
    return undefined;
  }

  /**
   * "What should the autodiscover record be?" asks for one fact: when the article states it outside the steps
   * its card shows (in a table under "What to check"), that passage follows the card, so the answer is visible.
   */
  private async showFact(step: WaterfallStepContext, article: FaqArticle, locale: Locale, question: string): Promise<void> {
    if (article.imported || !asksForFact(question)) return;
    const fact = this.answers.followUp?.(article.id, locale, question);
    if (!fact || article.steps.some((s) => fact.text.includes(s.slice(0, 60)))) return;
    const view = { title: article.title, path: fact.path, text: fact.text, url: null };
    await step.context.sendActivity({ attachments: [sectionCard(messages(locale), view, { showFeedback: false })] });
  }

  /** The answer card: a curated article as a whole; imported documentation as the section that answers, with its source. */
  private async show(step: WaterfallStepContext, article: FaqArticle, locale: Locale, section?: FaqSection | null): Promise<void> {
    await this.focus?.show(step.context, { kind: 'article', id: article.id });
    if (article.imported) {
      const part = section ?? { heading: null, path: [], text: article.body };
      const view = { title: article.title, path: part.path, text: part.text, url: article.imported.url };
      await step.context.sendActivity({ attachments: [sectionCard(messages(locale), view, { showFeedback: true })] });
      return;
    }
    const related = article.related.map((id) => this.answers.get(id, locale)).filter((a): a is FaqArticle => a !== undefined);
    await step.context.sendActivity({ attachments: [articleCard(messages(locale), article, { related, showFeedback: true })] });
  }
}

/** Splits long text at paragraph boundaries so that no message exceeds what Teams accepts. */
export function splitForMessages(text: string, max = MAX_MESSAGE_CHARS): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const paragraph of text.split(/\n{2,}/)) {
    for (let piece = paragraph; piece.length > 0; piece = piece.slice(max)) {
      const part = piece.slice(0, max);
      if (current.length + part.length + 2 > max && current) {
        chunks.push(current);
        current = '';
      }
      current = current ? `${current}\n\n${part}` : part;
    }
  }
  if (current) chunks.push(current);
  return chunks;
}
