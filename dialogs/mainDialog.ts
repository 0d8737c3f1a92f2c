import { TextPrompt, WaterfallDialog, type Dialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { StatePropertyAccessor } from 'botbuilder';
import { isIntent, type Intent } from '../bot/nlu/intents.js';
import type { Recognizer, RecognizerResult } from '../bot/nlu/types.js';
import { detectInterruption } from '../bot/interruption.js';
import { messages } from '../bot/i18n/messages.js';
import { turnLocale } from '../bot/turnLocale.js';
import { InterruptibleDialog, MAIN_DIALOG_ID, restartMain, type RouteOptions } from './interruptibleDialog.js';
import { intentChoiceCard } from './intentChoiceCard.js';
import { YesNoPrompt } from './prompts/yesNoPrompt.js';
import { DEFAULT_ROUTES, type Route } from './routes.js';
import { judgeNewQuestionsWith, switchingTopic } from './topicSwitch.js';

/** What a child dialog receives when the main dialog starts it. */
export interface ChildDialogOptions {
  readonly intent: Intent;
  readonly recognition?: RecognizerResult;
}

export interface MainDialogOptions {
  readonly children?: Partial<Record<Intent, Dialog>>;
  /**
   * Answers from the knowledge base: a task intent that has no dialog of its own yet still gets the
   * article when one answers the question directly ("how do I get a fapiao").
   */
  readonly faq?: {
    readonly dialogId: string;
    /** `turn`: the turn's context, which the FAQ dialog passes too, so the question is searched once. */
    canAnswer(question: string, locale: 'zh-CN' | 'en', turn?: object): boolean;
    /** A general how-to that an article answers directly, even for an intent with its own dialog ("how do I get a fapiao"). */
    answersDirectly?(question: string, locale: 'zh-CN' | 'en', turn?: object): boolean;
  };
  /** Consecutive turns the bot did not understand; kept in conversation state. */
  readonly lowConfidenceStreak?: StatePropertyAccessor<number>;
}

/** Top two intents closer than this are a question to the user, not a guess. */
export const AMBIGUITY_MARGIN = 0.12;
/** How sure the recognizer must be before an unusable answer is taken as a new question. */
export const NEW_QUESTION_SCORE = 0.9;
const SMALL_TALK: ReadonlySet<Intent> = new Set(['greeting', 'thanks', 'goodbye', 'help', 'out_of_scope']);
/** Task intents whose dialogs look up the customer's records; a plain how-to among them is the FAQ's. */
const ARTICLE_FIRST: ReadonlySet<Intent> = new Set(['account_setup', 'billing', 'subscription']);
const STEPS = 'mainRoute';
const CHOICE_PROMPT = 'mainIntentChoice';
const HANDOFF_PROMPT = 'mainOfferHandoff';
const INTERRUPTION_INTENT = { cancel: undefined, help: 'help', startOver: undefined, agent: 'escalate_human' } as const;

type Pending = { kind: 'choice'; intents: Intent[] } | { kind: 'offer' };
interface StepValues {
  pending?: Pending;
  recognition?: RecognizerResult;
  /** The intent of the child dialog started for this question. */
  current?: Intent;
}
const valuesOf = (step: WaterfallStepContext) => step.values as StepValues;

export function isAmbiguous(r: RecognizerResult): boolean {
  const second = r.alternatives[0];
  return !!second && !SMALL_TALK.has(r.intent) && !SMALL_TALK.has(second.intent) && r.score - second.score < AMBIGUITY_MARGIN;
}

/** Recognises each message and routes it through the intent table; asks when unsure. */
export class MainDialog extends InterruptibleDialog {
  static readonly id = MAIN_DIALOG_ID;
  private readonly routes: Readonly<Record<Intent, Route>>;
  private readonly streak?: StatePropertyAccessor<number>;
  private readonly faq?: MainDialogOptions['faq'];

  constructor(
    private readonly recognizer: Recognizer,
    options: MainDialogOptions = {},
  ) {
    super(MAIN_DIALOG_ID);
    const routes: Record<Intent, Route> = { ...DEFAULT_ROUTES };
    for (const [intent, dialog] of Object.entries(options.children ?? {}) as [Intent, Dialog][]) {
      if (!this.findDialog(dialog.id)) this.addDialog(dialog);
      routes[intent] = { dialog: dialog.id };
    }
    this.routes = routes;
    this.streak = options.lowConfidenceStreak;
    this.faq = options.faq;
    this.addDialog(new TextPrompt(CHOICE_PROMPT));
    this.addDialog(new YesNoPrompt(HANDOFF_PROMPT));
    this.addDialog(
      new WaterfallDialog(STEPS, [(step) => this.understand(step), (step) => this.afterQuestion(step), (step) => step.endDialog(step.result)]),
    );
    this.initialDialogId = STEPS;
  }

  /** Prompts below may find the text is a new question rather than an answer; then start over with it. */
  protected override async onContinueDialog(inner: DialogContext): Promise<DialogTurnResult> {
    judgeNewQuestionsWith(inner.context, (text) => this.isNewQuestion(inner, text));
    const result = await super.onContinueDialog(inner);
    return switchingTopic(inner.context) ? restartMain(inner) : result;
  }

  /** A confident task intent other than the one under way; another how-to question is always new. */
  private async isNewQuestion(inner: DialogContext, text: string): Promise<boolean> {
    const r = await this.recognizer.recognize(text, turnLocale(inner.context));
    if (SMALL_TALK.has(r.intent) || r.score < NEW_QUESTION_SCORE || isAmbiguous(r)) return false;
    const current = (inner.stack.find((i) => i.id === STEPS)?.state as { values?: StepValues } | undefined)?.values?.current;
    return r.intent !== current || r.intent === 'howto_faq';
  }

  private async understand(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const context = step.context;
    const m = messages(turnLocale(context));
    const forced = (step.options as RouteOptions | undefined)?.intent;
    if (isIntent(forced)) return this.dispatch(step, forced);

    const text = context.activity.text ?? '';
    const interruption = detectInterruption(text);
    if (interruption === 'cancel' || interruption === 'startOver') {
      await context.sendActivity(interruption === 'cancel' ? m.nothingToCancel : `${m.startOver}\n\n${m.helpMenu}`);
      return step.endDialog();
    }
    const viaInterruption = interruption ? INTERRUPTION_INTENT[interruption] : undefined;
    if (viaInterruption) return this.dispatch(step, viaInterruption);

    const recognition = await this.recognizer.recognize(text, turnLocale(context));
    if (recognition.intent === 'out_of_scope') {
      const streak = (await this.streak?.get(context, 0)) ?? 0;
      if (this.streak && streak + 1 >= 2) {
        await this.streak.set(context, 0);
        valuesOf(step).pending = { kind: 'offer' };
        return step.prompt(HANDOFF_PROMPT, { prompt: m.offerHandoff });
      }
      await this.streak?.set(context, streak + 1);
      return this.dispatch(step, 'out_of_scope', recognition);
    }
    await this.streak?.set(context, 0);
    if (isAmbiguous(recognition)) {
      const intents = [recognition.intent, recognition.alternatives[0]!.intent];
      Object.assign(valuesOf(step), { pending: { kind: 'choice', intents }, recognition });
      await context.sendActivity({ attachments: [intentChoiceCard(m, intents)] });
      return step.prompt(CHOICE_PROMPT, {});
    }
    return this.dispatch(step, recognition.intent, recognition);
  }

  private async afterQuestion(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { pending, recognition } = valuesOf(step);
    if (!pending) return step.next(step.result); // a child dialog finished
    valuesOf(step).pending = undefined;
    const m = messages(turnLocale(step.context));
    if (pending.kind === 'offer') {
      if (step.result === true) return this.dispatch(step, 'escalate_human');
      await step.context.sendActivity(m.handoffDeclined);
      return step.endDialog();
    }
    const answer = String(step.result ?? '').trim();
    const picked = pending.intents.find((i) => [messages('zh-CN'), messages('en')].some((c) => c.intentNames[i] === answer));
    if (picked) return this.dispatch(step, picked, recognition);
    if ([messages('zh-CN').noneOfThese, messages('en').noneOfThese].includes(answer)) {
      await step.context.sendActivity(m.helpMenu);
      return step.endDialog();
    }
    // They typed a new question instead of choosing: start over with it.
    return step.replaceDialog(STEPS);
  }

  private async dispatch(step: WaterfallStepContext, intent: Intent, recognition?: RecognizerResult): Promise<DialogTurnResult> {
    const route = this.routes[intent];
    valuesOf(step).current = intent;
    const locale = turnLocale(step.context);
    const text = step.context.activity.text ?? '';
    if (recognition && this.faq?.answersDirectly && ARTICLE_FIRST.has(intent) && this.faq.answersDirectly(text, locale, step.context)) {
      return step.beginDialog(this.faq.dialogId, { intent, recognition } satisfies ChildDialogOptions);
    }
    if ('dialog' in route) return step.beginDialog(route.dialog, { intent, recognition } satisfies ChildDialogOptions);
    if (this.faq && !SMALL_TALK.has(intent) && this.faq.canAnswer(text, locale, step.context)) {
      return step.beginDialog(this.faq.dialogId, { intent, recognition } satisfies ChildDialogOptions);
    }
    await step.context.sendActivity(route.reply(messages(locale)));
    return step.endDialog();
  }
}

