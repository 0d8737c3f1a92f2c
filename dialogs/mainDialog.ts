import type { StatePropertyAccessor } from 'botbuilder';
import { ComponentDialog, Dialog, WaterfallDialog, type DialogContext, type DialogInstance, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { isFresh, type SetAsideTask, type TaskName } from '../bot/conversation/task.js';
import { messages } from '../bot/i18n/messages.js';
import { detectInterruption } from '../bot/interruption.js';
import { isQuestion, readYesNo } from '../bot/nlu/answerInterpreter.js';
import { isIntent, type Intent } from '../bot/nlu/intents.js';
import type { Recognizer, RecognizerResult } from '../bot/nlu/types.js';
import { turnLocale } from '../bot/turnLocale.js';
import { MAIN_DIALOG_ID, restartMain, rootOf, type RouteOptions } from './interruptibleDialog.js';
import { AnswerPrompt, withButtons, type AnswerPromptOptions, type ConversationRepair } from './prompts/answerPrompt.js';
import { isResumeRequest } from './resumeRequest.js';
import { DEFAULT_ROUTES, type Route } from './routes.js';

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
  /** A task set aside for a side question, to be resumed; kept in conversation state. */
  readonly setAside?: StatePropertyAccessor<SetAsideTask | undefined>;
  readonly now?: () => Date;
}

/** Top two intents closer than this are a question to the user, not a guess. */
export const AMBIGUITY_MARGIN = 0.12;
const SMALL_TALK: ReadonlySet<Intent> = new Set(['greeting', 'thanks', 'goodbye', 'help', 'out_of_scope']);
/** Task intents whose dialogs look up the customer's records; a plain how-to among them is the FAQ's. */
const ARTICLE_FIRST: ReadonlySet<Intent> = new Set(['account_setup', 'billing', 'subscription']);
const STEPS = 'mainRoute';
const CHOICE_PROMPT = 'mainIntentChoice';
const HANDOFF_PROMPT = 'mainOfferHandoff';
const INTERRUPTION_INTENT = { cancel: undefined, help: 'help', startOver: undefined, agent: 'escalate_human' } as const;
/** Turns the bot did not understand before it offers a person. */
const OFFER_AFTER = 2;

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

/** The innermost waiting dialog instance under the main dialog, read from state (botbuilder keeps the active dialog last). */
function leafOf(stack: readonly DialogInstance[]): DialogInstance | undefined {
  let leaf: DialogInstance | undefined = stack.at(-1);
  for (;;) {
    const state = leaf?.state as { dialogs?: { dialogStack?: DialogInstance[] } } | undefined;
    const inner: DialogInstance | undefined = state?.dialogs?.dialogStack?.at(-1);
    if (!inner) return leaf;
    leaf = inner;
  }
}

/**
 * Recognises each message and routes it through the intent table; asks when unsure. It also repairs the
 * conversation: a side question sets the task under way aside and is answered in full, then the customer
 * is offered to go back to it ("继续" / "continue" resumes it at the same question with the answers given).
 */
export class MainDialog extends ComponentDialog implements ConversationRepair {
  static readonly id = MAIN_DIALOG_ID;
  private readonly routes: Readonly<Record<Intent, Route>>;
  private readonly streak?: StatePropertyAccessor<number>;
  private readonly setAside?: StatePropertyAccessor<SetAsideTask | undefined>;
  private readonly faq?: MainDialogOptions['faq'];
  private readonly now: () => Date;

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
    this.setAside = options.setAside;
    this.faq = options.faq;
    this.now = options.now ?? (() => new Date());
    this.addDialog(new AnswerPrompt(CHOICE_PROMPT, { kind: 'choice' }, recognizer));
    this.addDialog(new AnswerPrompt(HANDOFF_PROMPT, { kind: 'yesno' }, recognizer));
    this.addDialog(new WaterfallDialog(STEPS, [(step) => this.understand(step), (step) => this.afterQuestion(step), (step) => step.endDialog(step.result)]));
    this.initialDialogId = STEPS;
  }

  protected override async onBeginDialog(inner: DialogContext, options?: object): Promise<DialogTurnResult> {
    const result = await super.onBeginDialog(inner, options);
    await this.afterTurn(inner);
    return result;
  }

  protected override async onContinueDialog(inner: DialogContext): Promise<DialogTurnResult> {
    const result = await super.onContinueDialog(inner);
    await this.afterTurn(inner);
    return result;
  }

  async setAsideAndRoute(dc: DialogContext, task: TaskName | undefined): Promise<DialogTurnResult> {
    const root = rootOf(dc);
    const main = root.stack.find((i) => i.id === MAIN_DIALOG_ID);
    const stack = (main?.state as { dialogs?: { dialogStack?: DialogInstance[] } } | undefined)?.dialogs?.dialogStack;
    if (task && stack && this.setAside) {
      await this.setAside.set(dc.context, { task, stack: structuredClone(stack), at: this.now().toISOString() });
    }
    return restartMain(dc);
  }

  async cancelTask(dc: DialogContext, task: TaskName | undefined): Promise<DialogTurnResult> {
    const m = messages(turnLocale(dc.context));
    await rootOf(dc).cancelAllDialogs(true);
    await dc.context.sendActivity(task ? m.repair.cancelledTask(m.repair.taskNames[task]) : m.cancelled);
    return Dialog.EndOfTurn;
  }

  handOff(dc: DialogContext): Promise<DialogTurnResult> {
    return restartMain(dc, { intent: 'escalate_human' });
  }

  /**
   * End of every turn: after a side question was answered, offer to go back to the set-aside task; if a
   * different task is now under way instead, say once that the set-aside one waits, and offer it when that ends.
   */
  private async afterTurn(inner: DialogContext): Promise<void> {
    const aside = await this.setAside?.get(inner.context);
    if (!aside || aside.offered) return;
    const root = inner.parent ?? inner;
    const main = root.stack.find((i) => i.id === MAIN_DIALOG_ID);
    const stack = (main?.state as { dialogs?: { dialogStack?: DialogInstance[] } } | undefined)?.dialogs?.dialogStack ?? [];
    const m = messages(turnLocale(inner.context));
    const taskNow = ((leafOf(stack)?.state as { options?: AnswerPromptOptions } | undefined)?.options)?.task;
    if (taskNow !== undefined) {
      // Kept, as the notice promises: "continue" (or the offer once this task ends) brings it back.
      if (aside.noticed) return;
      await this.setAside!.set(inner.context, { ...aside, noticed: true });
      await inner.context.sendActivity(m.repair.droppedForNew(m.repair.taskNames[aside.task]));
      return;
    }
    await this.setAside!.set(inner.context, { ...aside, offered: true });
    await inner.context.sendActivity(withButtons(m.repair.resumeOffer(m.repair.taskNames[aside.task]), [m.repair.resumeYes, m.repair.resumeNo]));
  }

  /** Puts a set-aside task back where it stopped and asks its question again. */
  private async resume(step: WaterfallStepContext, aside: SetAsideTask): Promise<DialogTurnResult> {
    await this.setAside!.delete(step.context);
    step.stack.splice(0, step.stack.length, ...(structuredClone(aside.stack) as DialogInstance[]));
    await step.repromptDialog();
    return Dialog.EndOfTurn;
  }

  private async understand(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const context = step.context;
    const m = messages(turnLocale(context));
    const forced = (step.options as RouteOptions | undefined)?.intent;
    if (isIntent(forced)) return this.dispatch(step, forced);

    const text = context.activity.text ?? '';
    const aside = await this.setAside?.get(context);
    if (aside && !isFresh(aside, this.now())) await this.setAside!.delete(context);
    else if (aside) {
      const answer = aside.offered ? readYesNo(text) : undefined;
      if (isResumeRequest(text, m.repair.taskNames[aside.task]) || answer?.value === true) return this.resume(step, aside);
      if (answer?.value === false) {
        await this.setAside!.delete(context);
        await context.sendActivity(m.repair.dropped(m.repair.taskNames[aside.task]));
        return step.endDialog();
      }
    } else if (isResumeRequest(text)) {
      await context.sendActivity(m.repair.nothingToResume);
      return step.endDialog();
    }

    const interruption = detectInterruption(text);
    if (interruption === 'cancel' || interruption === 'startOver') {
      if (aside) await this.setAside!.delete(context);
      await context.sendActivity(interruption === 'cancel' ? (aside ? m.repair.dropped(m.repair.taskNames[aside.task]) : m.nothingToCancel) : `${m.startOver}\n\n${m.helpMenu}`);
      return step.endDialog();
    }
    const viaInterruption = interruption ? INTERRUPTION_INTENT[interruption] : undefined;
    if (viaInterruption) return this.dispatch(step, viaInterruption);

    const recognition = await this.recognizer.recognize(text, turnLocale(context));
    if (recognition.intent === 'out_of_scope') {
      // Only turns that tried to ask for help count towards offering a person; chit-chat and
      // off-topic requests ("book me a meeting room") do not make the next real question an offer.
      const streak = (await this.streak?.get(context, 0)) ?? 0;
      if (this.streak && streak + 1 >= OFFER_AFTER && this.looksLikeSupport(text, context)) {
        await this.streak.set(context, 0);
        valuesOf(step).pending = { kind: 'offer' };
        return step.beginDialog(HANDOFF_PROMPT, { prompt: m.offerHandoff } satisfies AnswerPromptOptions);
      }
      if (this.looksLikeSupport(text, context)) await this.streak?.set(context, streak + 1);
      return this.dispatch(step, 'out_of_scope', recognition);
    }
    await this.streak?.set(context, 0);
    if (isAmbiguous(recognition)) {
      const intents = [recognition.intent, recognition.alternatives[0]!.intent];
      Object.assign(valuesOf(step), { pending: { kind: 'choice', intents }, recognition });
      const choices = [...intents.map((i) => ({ id: i, titles: [m.intentNames[i], messages('zh-CN').intentNames[i], messages('en').intentNames[i]] })), { id: 'none', titles: [m.noneOfThese, messages('zh-CN').noneOfThese, messages('en').noneOfThese] }];
      return step.beginDialog(CHOICE_PROMPT, { prompt: m.whichOne, choices } satisfies AnswerPromptOptions);
    }
    return this.dispatch(step, recognition.intent, recognition);
  }

  /** A message that tried to ask us something (a question or a problem), as opposed to off-topic chatter. */
  private looksLikeSupport(text: string, context: object): boolean {
    return this.faq ? this.faq.canAnswer(text, 'en', context) || this.faq.canAnswer(text, 'zh-CN', context) : true;
  }

  private async afterQuestion(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { pending, recognition } = valuesOf(step);
    if (!pending) return step.next(step.result); // a child dialog finished
    valuesOf(step).pending = undefined;
    const m = messages(turnLocale(step.context));
    const answer = step.result as { kind: string; value?: unknown } | undefined;
    if (pending.kind === 'offer') {
      if (answer?.kind === 'answer' && answer.value === true) return this.dispatch(step, 'escalate_human');
      await step.context.sendActivity(m.handoffDeclined);
      return step.endDialog();
    }
    const picked = answer?.kind === 'answer' ? pending.intents.find((i) => i === answer.value) : undefined;
    if (picked) return this.dispatch(step, picked, recognition);
    await step.context.sendActivity(m.helpMenu);
    return step.endDialog();
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
    // A real question the recognizer could not place ("这种一般多久能处理好") still gets an article when one answers it.
    const worthSearching = !SMALL_TALK.has(intent) || ((intent === 'help' || intent === 'out_of_scope') && isQuestion(text) && text.trim().length >= 6);
    if (this.faq && worthSearching && this.faq.canAnswer(text, locale, step.context)) {
      return step.beginDialog(this.faq.dialogId, { intent, recognition } satisfies ChildDialogOptions);
    }
    await step.context.sendActivity(route.reply(messages(locale)));
    return step.endDialog();
  }
}
