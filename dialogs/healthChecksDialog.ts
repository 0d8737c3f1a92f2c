import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { CheckAnswer } from '../bot/health/types.js';
import { messages } from '../bot/i18n/messages.js';
import { turnLocale } from '../bot/turnLocale.js';
import type { ArticleSource } from './customerDialogDeps.js';
import { InterruptibleDialog, restartMain } from './interruptibleDialog.js';
import { FieldPrompt, GAVE_UP, giveUpAfterTries, pickChoice, withButtons } from './prompts/fieldPrompt.js';
import { YesNoPrompt } from './prompts/yesNoPrompt.js';

export const SLOW_SERVICE_ARTICLE = 'performance/slow-service-troubleshooting';
const CHECKS = 'healthChecksSteps';
const ESCALATE = 'healthChecksEscalate';
const ANSWER = 'healthChecksAnswer';
const OFFER = 'healthChecksOffer';

const ANSWER_WORDS: ReadonlyArray<readonly [CheckAnswer, RegExp]> = [
  ['next', /next|still|not|didn'?t|下一|继续|还是|没|不行|仍然/],
  ['fixed', /fixed|works|working|solved|resolved|好了|解决|正常|可以了/],
];

interface CheckOptions {
  readonly index?: number;
}

/**
 * The slow-service article's checks one at a time ("fixed" / "next" / "talk to a person"), then the offer
 * to hand over to the support team, which starts the main dialog's escalate_human route.
 */
export class HealthChecksDialog extends InterruptibleDialog {
  static readonly id = 'healthChecksDialog';

  constructor(private readonly articles: ArticleSource) {
    super(HealthChecksDialog.id);
    this.addDialog(new FieldPrompt(ANSWER, (t) => pickChoice(t, (m) => m.health.checkAnswers, ANSWER_WORDS) ?? { hint: (m) => m.health.checkHint }));
    this.addDialog(new YesNoPrompt(OFFER, giveUpAfterTries));
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
    const prompt = withButtons(m.check(index + 1, checks.length, checks[index]!), [m.checkAnswers.fixed, m.checkAnswers.next, m.talkToPerson]);
    (step.values as { index: number }).index = index;
    return step.prompt(ANSWER, { prompt });
  }

  private async answered(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const m = messages(turnLocale(step.context));
    if (step.result === GAVE_UP) {
      await step.context.sendActivity(m.customer.giveUp);
      return step.endDialog();
    }
    if ((step.result as CheckAnswer) === 'fixed') {
      await step.context.sendActivity(m.health.checksFixed);
      return step.endDialog();
    }
    return step.replaceDialog(CHECKS, { index: (step.values as { index: number }).index + 1 } satisfies CheckOptions);
  }

  private async offer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.prompt(OFFER, { prompt: messages(turnLocale(step.context)).health.offerEscalation });
  }

  private async decided(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const m = messages(turnLocale(step.context));
    if (step.result === true) return restartMain(step, { intent: 'escalate_human' });
    await step.context.sendActivity(step.result === false ? m.health.escalationDeclined : m.customer.giveUp);
    return step.endDialog();
  }
}
