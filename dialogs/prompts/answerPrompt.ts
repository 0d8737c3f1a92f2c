import { ActivityTypes, CardFactory, type Activity } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import type { TaskName } from '../../bot/conversation/task.js';
import { messages, type Messages } from '../../bot/i18n/messages.js';
import {
  interpretAnswer,
  isQuestion,
  type ChoiceOption,
  type Expectation,
  type FieldExpectation,
  type Reading,
} from '../../bot/nlu/answerInterpreter.js';
import type { Intent } from '../../bot/nlu/intents.js';
import type { Recognizer } from '../../bot/nlu/types.js';
import { turnLocale } from '../../bot/turnLocale.js';
import { MAIN_DIALOG_ID } from '../interruptibleDialog.js';

/** Unusable answers allowed per question; after the last one the prompt ends with `gaveUp`. */
export const MAX_TRIES = 3;
/**
 * How sure the recognizer must be before a reply is taken as a new request instead: a field's value may
 * read like anything, so it takes a lot there; a reply to a yes/no or a menu that is neither much less.
 */
const REQUEST_SCORE = { field: 0.9, yesno: 0.6, choice: 0.6 } as const;
const SMALL_TALK: ReadonlySet<Intent> = new Set(['greeting', 'thanks', 'goodbye']);

/** What the parent dialog gets back: the answer, or a repair only it can make. Everything else the prompt handles. */
export type Answer =
  | { readonly kind: 'answer'; readonly value: string | boolean; readonly note?: string }
  | { readonly kind: 'correction'; readonly field: string; readonly value: string }
  | { readonly kind: 'skip' }
  /** A reply that is none of the options, at a menu that takes one (`openEnded`): "the one on my phone". */
  | { readonly kind: 'other'; readonly text: string }
  | { readonly kind: 'gaveUp' };

export interface AnswerPromptOptions {
  readonly prompt: string | Partial<Activity>;
  /** Said when the customer asks about the question itself ("what is a domain prefix?"). */
  readonly help?: string;
  /** Said before asking again after an unusable answer. */
  readonly hint?: string;
  /** The task this question belongs to: a side question sets it aside to be resumed, "cancel" ends it. */
  readonly task?: TaskName;
  /** For a choice: the options, also shown as buttons (each option's first title, in the customer's language). */
  readonly choices?: readonly ChoiceOption[];
  /** Buttons to show for a field question (e.g. "Skip"). */
  readonly buttons?: readonly string[];
  /**
   * For a yes/no: what a plain statement means. At "shall we run some checks?", 「我这边还是进不去会议」
   * describes the problem, which is a yes.
   */
  readonly statementMeans?: boolean;
  /** For a choice: a reply that is none of the options comes back as `other` instead of being asked again. */
  readonly openEnded?: boolean;
}

/** The main dialog's side of conversation repair, which any prompt below it can call. */
export interface ConversationRepair {
  /** Puts the task under way aside (when there is one) and routes this turn's message afresh. */
  setAsideAndRoute(dc: DialogContext, task: TaskName | undefined): Promise<DialogTurnResult>;
  cancelTask(dc: DialogContext, task: TaskName | undefined): Promise<DialogTurnResult>;
  /** Answers a question about what was just shown without leaving the question ("when will it be fixed?"); false when it cannot. */
  answerAside(dc: DialogContext): Promise<boolean>;
  handOff(dc: DialogContext): Promise<DialogTurnResult>;
}

export type PromptSpec =
  | { readonly kind: 'yesno'; readonly fields?: readonly FieldExpectation[] }
  /** `keywords`: close wordings per option id, kept in code (options live in dialog state, which holds no RegExp). */
  | { readonly kind: 'choice'; readonly keywords?: Readonly<Record<string, RegExp>> }
  | { readonly kind: 'field'; readonly field: FieldExpectation; readonly earlier?: readonly FieldExpectation[] };

/** A prompt's dialog state; `kind` lets the main dialog see what a set-aside task was waiting for. */
export interface PromptState {
  readonly options: AnswerPromptOptions;
  readonly kind: PromptSpec['kind'];
  tries: number;
}

/** Card buttons that send their title (Adaptive Card 1.5: Teams shows no suggested actions in channels). */
export function withButtons(text: string, titles: readonly string[]): Partial<Activity> {
  if (titles.length === 0) return { type: ActivityTypes.Message, text };
  const actions = titles.map((title) => ({ type: 'Action.Submit', title, data: { msteams: { type: 'imBack', value: title } } }));
  return {
    type: ActivityTypes.Message,
    text,
    attachments: [CardFactory.adaptiveCard({ type: 'AdaptiveCard', version: '1.5', body: [], actions })],
  };
}

/**
 * The one prompt behind every question the bot asks: yes/no, a choice or a field. It reads each reply with
 * the answer interpreter and the recognizer, answers help and small talk itself and asks again, hands a new
 * request or a cancel or a handoff to the main dialog, and returns only answers, corrections and skips.
 * Typed text is never refused because buttons are showing.
 */
export class AnswerPrompt extends Dialog<AnswerPromptOptions> {
  constructor(
    dialogId: string,
    private readonly spec: PromptSpec,
    private readonly recognizer?: Recognizer,
  ) {
    super(dialogId);
  }

  override async beginDialog(dc: DialogContext, options?: AnswerPromptOptions): Promise<DialogTurnResult> {
    const state: PromptState = { options: options ?? { prompt: '' }, kind: this.spec.kind, tries: 0 };
    dc.activeDialog!.state = state;
    await this.send(dc, state.options);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.context.activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;
    const state = dc.activeDialog!.state as PromptState;
    const text = dc.context.activity.text ?? '';
    const m = messages(turnLocale(dc.context));
    const reading = await this.read(dc, text, state.options);
    switch (reading.kind) {
      case 'answer':
        // "When do I gotta pay by?" at the billing menu asks about the invoice shown, though "pay" names an option.
        if (this.spec.kind === 'choice' && isQuestion(text) && !isTitle(text, state.options) && (await repairOf(dc).answerAside(dc)))
          return this.repeat(dc, state.options);
        return dc.endDialog(reading);
      case 'correction':
        return dc.endDialog(reading);
      case 'skip':
        if (this.spec.kind === 'field' && this.spec.field.optional) return dc.endDialog(reading);
        return this.askAgain(dc, state, state.options.hint ?? m.customer.giveUp);
      case 'help':
        // Without an explanation, how to answer ("Choose 'That fixed it', …") says more than why we ask.
        await dc.context.sendActivity(state.options.help ?? state.options.hint ?? m.repair.whyWeAsk);
        return this.repeat(dc, state.options);
      case 'chitchat':
        await dc.context.sendActivity(m.repair.iAmABot);
        return this.repeat(dc, state.options);
      case 'handoff':
        return repairOf(dc).handOff(dc);
      case 'cancel':
        return repairOf(dc).cancelTask(dc, state.options.task);
      case 'question':
        if (await repairOf(dc).answerAside(dc)) return this.repeat(dc, state.options);
        return repairOf(dc).setAsideAndRoute(dc, state.options.task);
      case 'smalltalk':
        await dc.context.sendActivity(reading.reply(m));
        return this.repeat(dc, state.options);
      case 'unclear':
        if (state.options.openEnded && this.spec.kind === 'choice') return dc.endDialog({ kind: 'other', text } satisfies Answer);
        if (state.tries + 1 >= MAX_TRIES) return dc.endDialog({ kind: 'gaveUp' } satisfies Answer);
        return this.askAgain(dc, state, state.options.hint ?? (this.spec.kind === 'yesno' ? m.yesNoHint : m.customer.giveUp));
    }
  }

  override async repromptDialog(context: DialogContext['context'], instance: DialogInstance): Promise<void> {
    await this.send({ context } as DialogContext, (instance.state as PromptState).options);
  }

  /** The interpreter's reading, checked with the recognizer where the text alone cannot tell. */
  private async read(
    dc: DialogContext,
    text: string,
    options: AnswerPromptOptions,
  ): Promise<Reading | { kind: 'smalltalk'; reply: (m: Messages) => string }> {
    const expectation: Expectation =
      this.spec.kind === 'choice' ? { kind: 'choice', options: (options.choices ?? []).map((c) => this.withKeywords(c)) } : this.spec;
    const reading = interpretAnswer(text, expectation);
    if (reading.kind === 'unclear' && this.spec.kind === 'yesno' && options.statementMeans !== undefined && !isQuestion(text)) {
      return { kind: 'answer', value: options.statementMeans };
    }
    const freeText = this.spec.kind === 'field' && this.spec.field.freeText;
    const needsRecognizer =
      reading.kind === 'unclear' || (reading.kind === 'answer' && this.spec.kind === 'field' && !freeText && wordsIn(text) >= 4);
    if (!this.recognizer || !needsRecognizer) return reading;
    const r = await this.recognizer.recognize(text, turnLocale(dc.context));
    // A value the field could read ("yesterday afternoon around 3") is small talk only when the recognizer is sure.
    const smallTalkScore = reading.kind === 'answer' ? 0.9 : 0.75;
    if (SMALL_TALK.has(r.intent) && r.score >= smallTalkScore && wordsIn(text) <= 6) {
      const intent = r.intent;
      return { kind: 'smalltalk', reply: (m) => (intent === 'thanks' ? m.thanks : intent === 'goodbye' ? m.goodbye : m.greeting) };
    }
    // A sentence that is plainly a request of its own ("I want to reset my password") is not a company name.
    if (r.score >= REQUEST_SCORE[this.spec.kind] && r.intent !== 'out_of_scope' && !SMALL_TALK.has(r.intent) && r.intent !== 'help')
      return { kind: 'question' };
    return reading;
  }

  private withKeywords(option: ChoiceOption): ChoiceOption {
    const keywords = this.spec.kind === 'choice' ? this.spec.keywords?.[option.id] : undefined;
    return keywords ? { ...option, keywords } : option;
  }

  private async askAgain(dc: DialogContext, state: PromptState, hint: string): Promise<DialogTurnResult> {
    state.tries++;
    await dc.context.sendActivity(hint);
    return this.repeat(dc, state.options);
  }

  private async repeat(dc: DialogContext, options: AnswerPromptOptions): Promise<DialogTurnResult> {
    await this.send(dc, options);
    return Dialog.EndOfTurn;
  }

  private async send(dc: DialogContext, options: AnswerPromptOptions): Promise<void> {
    const m = messages(turnLocale(dc.context));
    const prompt = typeof options.prompt === 'string' ? { type: ActivityTypes.Message, text: options.prompt } : options.prompt;
    if (prompt.attachments?.length) {
      await dc.context.sendActivity(prompt);
      return;
    }
    const titles =
      this.spec.kind === 'yesno'
        ? [m.yes, m.no]
        : this.spec.kind === 'choice'
          ? (options.choices ?? []).map((c) => c.titles[0]!)
          : (options.buttons ?? []);
    await dc.context.sendActivity(withButtons(prompt.text ?? '', titles));
  }
}

/** Words in a reply, a Chinese character counting as half a word. */
function wordsIn(text: string): number {
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  return (text.match(/[a-z0-9]+/gi) ?? []).length + han / 2;
}

function repairOf(dc: DialogContext): ConversationRepair {
  const main = dc.findDialog(MAIN_DIALOG_ID) as unknown as Partial<ConversationRepair> | undefined;
  if (!main?.setAsideAndRoute) throw new Error('AnswerPrompt runs under the main dialog');
  return main as ConversationRepair;
}

/** The reply is one of the buttons' titles, as clicked or typed in full. */
function isTitle(text: string, options: AnswerPromptOptions): boolean {
  const t = text.normalize('NFKC').trim().toLowerCase();
  return (options.choices ?? []).some((c) => c.titles.some((title) => title.normalize('NFKC').trim().toLowerCase() === t));
}
