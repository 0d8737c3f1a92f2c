import { TextPrompt, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { articleCard } from '../bot/cards/articleCard.js';
import { sectionCard } from '../bot/cards/sectionCard.js';
import { messages, type Messages } from '../bot/i18n/messages.js';
import { leansOnContext } from '../bot/knowledge/sectionMatch.js';
import type { Locale } from '../bot/i18n/locale.js';
import { turnLocale } from '../bot/turnLocale.js';
import type { AnswerSource, FaqArticle, FaqSection, FeedbackSink } from './faqPorts.js';
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
/** A follow-up phrased as a question, which may be about a part of the article shown ("how long does it take?"). */
const QUESTION = /[?？]|^\s*(how|what|when|where|which|who|why|can|could|do|does|is|are|should|will)\b|怎么|怎样|如何|多久|多长|多少|哪|什么|吗|呢|几|是否|能不能|可不可以|要不要/i;
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
    this.addDialog(new WaterfallDialog(LOOP, [(step) => this.waitForFollowUp(step), (step) => this.followUp(step), (step) => this.afterEscalationOffer(step)]));
    this.initialDialogId = 'faqStart';
  }

  private async start(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = turnLocale(step.context);
    const question = step.context.activity.text ?? '';
    const hit = this.answers.best(question, locale, step.context);
    if (!hit) {
      const bestScore = Number(this.answers.bestScore(question, locale, step.context).toFixed(4));
      await this.feedback.recordUnanswered({ text: question, locale, at: this.now().toISOString(), bestScore });
      const m = messages(locale);
      await step.context.sendActivity(m.faq.noAnswer);
      return step.endDialog();
    }
    await this.show(step, hit.article, locale, hit.section);
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
    const section = this.followUpSection(step, state.current, answer, locale);
    if (section) {
      const article = this.answers.get(state.current, locale)!;
      await step.context.sendActivity({ attachments: [sectionCard(m, { title: article.title, path: section.path, text: section.text, url: article.imported?.url ?? null }, { showFeedback: true })] });
      return step.replaceDialog(LOOP, state);
    }
    // Anything else is a new question: hand it back to the main dialog.
    return restartMain(step);
  }

  private async afterEscalationOffer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = step.result as Answer;
    if (answer.kind === 'answer' && answer.value === true) return restartMain(step, { intent: 'escalate_human' });
    await step.context.sendActivity(messages(turnLocale(step.context)).handoffDeclined);
    return step.endDialog();
  }

  /**
   * The part of the article shown that a follow-up question asks about: "how long does it take?" lands on
   * the section that says how long. A question with a topic of its own goes there unless it is another article's.
   */
  private followUpSection(step: WaterfallStepContext, current: string, answer: string, locale: Locale): FaqSection | null {
    if (!this.answers.sectionOf || !QUESTION.test(answer)) return null;
    const section = this.answers.sectionOf(current, locale, answer);
    if (!section || leansOnContext(answer)) return section;
    const elsewhere = this.answers.best(answer, locale, step.context);
    return elsewhere && elsewhere.article.id !== current ? null : section;
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
