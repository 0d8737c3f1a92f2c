import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { CheckAnswer } from '../bot/health/types.js';
import { messages } from '../bot/i18n/messages.js';
import { turnLocale } from '../bot/turnLocale.js';
import type { ArticleSource } from './customerDialogDeps.js';
import { InterruptibleDialog, restartMain } from './interruptibleDialog.js';
import { AnswerPrompt, type Answer, type AnswerPromptOptions } from './prompts/answerPrompt.js';
import { LOCALES } from '../bot/i18n/locale.js';
import type { Recognizer } from '../bot/nlu/types.js';

export const SLOW_SERVICE_ARTICLE = 'performance/slow-service-troubleshooting';
const CHECKS = 'healthChecksSteps';
const ESCALATE = 'healthChecksEscalate';
const ANSWER = 'healthChecksAnswer';
const OFFER = 'healthChecksOffer';

const ANSWER_WORDS: ReadonlyArray<readonly [CheckAnswer, RegExp]> = [
  ['next', /next|still|not|didn'?t|doesn'?t|no luck|下一|继续|还是|没|不行|仍然|一样/],
  ['fixed', /fixed|works|working|solved|resolved|better|好了|解决|正常|可以了|行了/],
];
const PERSON = 'person';

interface CheckOptions {
  readonly index?: number;
}

/**
 * The slow-service article's checks one at a time ("fixed" / "next" / "talk to a person"), then the offer
 * to hand over to the support team, which starts the main dialog's escalate_human route.
 */
export class HealthChecksDialog extends InterruptibleDialog {
  static readonly id = 'healthChecksDialog';

  constructor(
    private readonly articles: ArticleSource,
    recognizer?: Recognizer,
  ) {
    super(HealthChecksDialog.id);
    this.addDialog(new AnswerPrompt(ANSWER, { kind: 'choice', keywords: Object.fromEntries(ANSWER_WORDS) }, recognizer));
    this.addDialog(new AnswerPrompt(OFFER, { kind: 'yesno' }, recognizer));
    this.addDialog(new WaterfallDialog(CHECKS, [(s) => this.show(s), (s) => this.answered(s)]));
    this.addDialog(new WaterfallDialog(ESCALATE, [(s) => this.offer(s), (s) => this.decided(s)]));
    this.initialDialogId = CHECKS;
  }

  /** The article's first step is "check for an incident": the dialog has just done that. */
  private checks(step: WaterfallStepContext): readonly string[] {
    return this.articles.get(SLOW_SERVICE_ARTICLE, turnLocale(step.context))?.steps.slice(1) ?? [];
  }

  private async show(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const m = messages(turnLocale(step.context)).health;
    const index = (step.options as CheckOptions | undefined)?.index ?? 0;
    const checks = this.checks(step);
    if (checks.length === 0) await step.context.sendActivity(m.noArticle);
    if (index >= checks.length) return step.replaceDialog(ESCALATE);
    (step.values as { index: number }).index = index;
    const titles = (pick: (mm: ReturnType<typeof messages>['health']) => string) => [
      pick(m),
      ...LOCALES.map((l) => pick(messages(l).health)),
    ];
    const choices = [
      { id: 'fixed', titles: titles((h) => h.checkAnswers.fixed) },
      { id: 'next', titles: titles((h) => h.checkAnswers.next) },
      { id: PERSON, titles: titles((h) => h.talkToPerson) },
    ];
    return step.beginDialog(ANSWER, {
      prompt: m.check(index + 1, checks.length, checks[index]!),
      hint: m.checkHint,
      choices,
      task: 'healthChecks',
    } satisfies AnswerPromptOptions);
  }

  private async answered(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const m = messages(turnLocale(step.context));
    const answer = step.result as Answer;
    if (answer.kind !== 'answer') {
      await step.context.sendActivity(m.customer.giveUp);
      return step.endDialog();
    }
    if (answer.value === PERSON) return restartMain(step, { intent: 'escalate_human' });
    if ((answer.value as CheckAnswer) === 'fixed') {
      await step.context.sendActivity(m.health.checksFixed);
      return step.endDialog();
    }
    return step.replaceDialog(CHECKS, { index: (step.values as { index: number }).index + 1 } satisfies CheckOptions);
  }

  private async offer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.beginDialog(OFFER, { prompt: messages(turnLocale(step.context)).health.offerEscalation } satisfies AnswerPromptOptions);
  }

  private async decided(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const m = messages(turnLocale(step.context));
    const answer = step.result as Answer;
    if (answer.kind === 'answer' && answer.value === true) return restartMain(step, { intent: 'escalate_human' });
    await step.context.sendActivity(answer.kind === 'answer' ? m.health.escalationDeclined : m.customer.giveUp);
    return step.endDialog();
  }
}
