import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { sectionCard, type SectionView } from '../bot/cards/sectionCard.js';
import { asksForCompensation } from '../bot/knowledge/directAnswer.js';
import type { Focus } from '../bot/conversation/focus.js';
import type { Reseller } from '../bot/directory/types.js';
import { refersBack } from '../bot/knowledge/sectionMatch.js';
import { markUnanswered } from '../bot/outcomes/turnMarks.js';
import {
  ComponentDialog,
  Dialog,
  WaterfallDialog,
  type DialogContext,
  type DialogInstance,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { isFresh, type SetAsideTask, type TaskName } from '../bot/conversation/task.js';
import { messages } from '../bot/i18n/messages.js';
import { detectInterruption } from '../bot/interruption.js';
import { isQuestion, meansStop, readYesNo, withoutPreamble } from '../bot/nlu/answerInterpreter.js';
import { expandColloquial } from '../bot/nlu/colloquial.js';
import { isIntent, type Intent } from '../bot/nlu/intents.js';
import type { Recognizer, RecognizerResult } from '../bot/nlu/types.js';
import { turnLocale } from '../bot/turnLocale.js';
import { MAIN_DIALOG_ID, restartMain, rootOf, type RouteOptions } from './interruptibleDialog.js';
import {
  AnswerPrompt,
  withButtons,
  type Answer,
  type AnswerPromptOptions,
  type ConversationRepair,
  type PromptState,
} from './prompts/answerPrompt.js';
import { isResumeRequest } from './resumeRequest.js';
import { DEFAULT_ROUTES, type Route } from './routes.js';
import { SETUP_TASKS } from './customerTopics.js';
import type { FocusTracker } from './focusTracker.js';
import type { FollowUps } from './followUps.js';

/** What a child dialog receives when the main dialog starts it. */
export interface ChildDialogOptions {
  readonly intent: Intent;
  readonly recognition?: RecognizerResult;
  /** A follow-up about this, the last thing shown: "can I get a fapiao for that one", "convert it". */
  readonly focus?: Focus;
  /** The article picked from a clarifying menu (FAQ dialog only). */
  readonly articleId?: string;
  /** The question to search for, when it is more than the message: a side question with its task (FAQ dialog only). */
  readonly question?: string;
  /** The passage of the article shown that answers a follow-up (FAQ dialog only). */
  readonly passage?: { readonly articleId: string; readonly card: SectionView };
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
    /** For a vague message ("password", 「teams 那个怎么弄」): the 2–3 articles it most likely means, when no one clearly wins. */
    clarify?(question: string, locale: 'zh-CN' | 'en'): ReadonlyArray<{ readonly id: string; readonly title: string }>;
    /** A general how-to that an article answers directly, even for an intent with its own dialog ("how do I get a fapiao"). */
    answersDirectly?(question: string, locale: 'zh-CN' | 'en', turn?: object): boolean;
  };
  /** Consecutive turns the bot did not understand; kept in conversation state. */
  readonly lowConfidenceStreak?: StatePropertyAccessor<number>;
  /** A task set aside for a side question, to be resumed; kept in conversation state. */
  readonly setAside?: StatePropertyAccessor<SetAsideTask | undefined>;
  /** The reseller, whose phone and e-mail answer "what's your support number?". */
  readonly reseller?: () => Reseller | undefined;
  /** What was shown last, and how a follow-up about it is answered. */
  readonly focus?: FocusTracker;
  readonly followUps?: FollowUps;
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
const SIGN_UP = SETUP_TASKS.find(([task]) => task === 'signUp')![1];
/** Intents whose vague messages a menu of articles can clarify; the others look up the customer's own records. */
const CLARIFIABLE: ReadonlySet<Intent> = new Set(['howto_faq', 'out_of_scope', 'help', 'account_setup']);
/** Which intent's dialog acts on each kind of thing shown. */
const OWNER: Readonly<Record<Focus['kind'], Intent>> = {
  article: 'howto_faq',
  invoice: 'billing',
  subscription: 'subscription',
  incident: 'service_health',
  health: 'service_health',
  ticket: 'ticket_status',
};
/** The article about each task, whose passages answer questions asked in the middle of it. */
const TASK_ARTICLES: Partial<Record<TaskName, string>> = {
  signUp: 'account/sign-up',
  subscriptionChange: 'subscription/add-licenses',
  reportProblem: 'support/escalation-process',
};
/** The task intent each article area belongs to. */
const ARTICLE_AREAS: Readonly<Record<string, Intent>> = { billing: 'billing', subscription: 'subscription', account: 'account_setup' };
/** Intents that say nothing against a follow-up: questions and chatter. */
const OPEN_INTENTS: ReadonlySet<Intent> = new Set(['howto_faq', 'out_of_scope', 'help', 'thanks', 'greeting']);
/** Words that name one of our tickets rather than the incident just shown. */
const TICKET_WORDS = /ticket|request|case|工单|请求|案例|报障单|\bT-\d+/i;
/** Greetings, thanks and goodbyes ask nothing; a question read as one is not chatter. */
const CHATTER: ReadonlySet<Intent> = new Set(['greeting', 'thanks', 'goodbye']);
function notChatter(r: RecognizerResult, text: string): RecognizerResult {
  // "Teams meetings were unusable all morning, is it you or us?" is a problem, however it opens; 「在吗」 and
  // "how are you?" are greetings.
  const substantial = text.trim().split(/\s+/).length >= 6 || (text.match(/\p{Script=Han}/gu)?.length ?? 0) >= 8;
  return CHATTER.has(r.intent) && substantial && isQuestion(text) ? { ...r, intent: 'out_of_scope' } : r;
}

/** Out of scope this surely is chatter or another domain (the weather, a joke), not a question about what was shown. */
const PLAINLY_OFF_TOPIC = 0.95;
/** A request of another kind recognised this surely is a new topic, not a follow-up. */
const NEW_REQUEST_SCORE = 0.8;
/** A request (not a question) of another kind recognised this surely is not about the focus either. */
const REQUEST_SCORE = 0.6;
/** Asking for the reseller's phone number or e-mail rather than for a person now. */
const CONTACT_QUESTION =
  /\b(?:phone|telephone|hotline|contact) (?:number|details|info)|\bwhat'?s your (?:phone|number|e-?mail|email address)|\bhow (?:can|do) (?:i|we) (?:call|phone|e-?mail|contact) you|(?:电话|热线|联系方式|邮箱地址)(?:是)?(?:多少|是什么|是啥|有吗)|怎么联系你们|你们(?:的)?(?:电话|热线|联系方式)/i;
/** Turns the bot did not understand before it offers a person. */
const OFFER_AFTER = 2;

type Pending = { kind: 'choice'; intents: Intent[] } | { kind: 'offer' } | { kind: 'articles'; ids: string[]; question: string };
interface StepValues {
  pending?: Pending;
  recognition?: RecognizerResult;
  /** The intent of the child dialog started for this question. */
  current?: Intent;
}
const valuesOf = (step: WaterfallStepContext) => step.values as StepValues;

/** A message the recognizer could not place that names a ticket ("can you check on T-1005 for me") is about it. */
/**
 * Requests that name what they want done, whatever else the message says about the problem: 「帮我向世纪互联提个
 * 服务请求，存储账户下载特别慢」 asks for the service request, though most of its words are a how-to's.
 */
const NAMED_REQUESTS: ReadonlyArray<readonly [Intent, RegExp]> = [
  // 「我们的 E1 是不是快到期了」: a plan's term, not an invoice's due date.
  [
    'subscription',
    /(?:\be[1-5]\b|\bbusiness (?:basic|standard|premium)\b|商业(?:基础|标准|高级)版|\b(?:office|microsoft) 365\b|\bm365\b)[^，。？?]{0,12}(?:快到期|到期了|什么时候到期|哪天到期|续订|续费|\bexpir|\brenew)/i,
  ],
  [
    'report_problem',
    /(?:向|跟|找|给|让)世纪互联[^，。？?]{0,6}(?:提|开|报|发|建)(?:个|一个|一下)?(?:服务请求|工单|故障单|case)|报给世纪互联|(?:raise|open|log|file|submit|create)[^.?!]{0,20}(?:case|service request|ticket)[^.?!]{0,12}with 21\s?vianet/i,
  ],
];
function byNamedRequest(r: RecognizerResult, text: string): RecognizerResult {
  const named = NAMED_REQUESTS.find(([, re]) => re.test(text))?.[0];
  return named && named !== r.intent ? { ...r, intent: named, score: Math.max(r.score, 0.9) } : r;
}

function byTicketId(r: RecognizerResult): RecognizerResult {
  // "whats happening with T-1010": a ticket id outweighs chatter or nothing.
  if (!(r.intent === 'out_of_scope' || CHATTER.has(r.intent)) || !r.entities.some((e) => e.type === 'ticketId')) return r;
  return { ...r, intent: 'ticket_status', score: Math.max(r.alternatives.find((a) => a.intent === 'ticket_status')?.score ?? 0, 0.5) };
}

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
  private readonly focus?: FocusTracker;
  private readonly followUps?: FollowUps;
  private readonly reseller?: () => Reseller | undefined;
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
    this.focus = options.focus;
    this.followUps = options.followUps;
    this.reseller = options.reseller;
    this.now = options.now ?? (() => new Date());
    this.addDialog(new AnswerPrompt(CHOICE_PROMPT, { kind: 'choice' }, recognizer));
    this.addDialog(new AnswerPrompt(HANDOFF_PROMPT, { kind: 'yesno' }, recognizer));
    this.addDialog(
      new WaterfallDialog(STEPS, [
        (step) => this.understand(step),
        (step) => this.afterQuestion(step),
        (step) => step.endDialog(step.result),
      ]),
    );
    this.initialDialogId = STEPS;
  }

  protected override async onBeginDialog(inner: DialogContext, options?: object): Promise<DialogTurnResult> {
    const result = await super.onBeginDialog(inner, options);
    return (await this.afterTurn(inner)) ?? result;
  }

  protected override async onContinueDialog(inner: DialogContext): Promise<DialogTurnResult> {
    const result = await super.onContinueDialog(inner);
    return (await this.afterTurn(inner)) ?? result;
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

  async answerAside(dc: DialogContext): Promise<boolean> {
    const locale = turnLocale(dc.context);
    const text = dc.context.activity.text ?? '';
    // "Is that prefix permanent?" in the sign-up form: the passage of the task's own article, if one says.
    const task = (leafOf(dc.stack)?.state as Partial<PromptState> | undefined)?.options?.task;
    const own = task && TASK_ARTICLES[task];
    const passage = own ? this.followUps?.passageOf(own, text, locale) : undefined;
    if (passage) {
      await dc.context.sendActivity({ attachments: [sectionCard(messages(locale), passage.card, { showFeedback: false })] });
      return true;
    }
    const focus = await this.focus?.take(dc.context);
    if (!focus || !this.followUps) return false;
    if (this.isNewRequest(await this.recognizer.recognize(text, locale), focus, text)) return false;
    const followUp = await this.followUps.read(focus, text, locale, dc.context);
    if (!followUp || followUp.kind === 'route') return false;
    if (followUp.kind === 'say') {
      await dc.context.sendActivity(followUp.text);
      if (followUp.focus) await this.focus!.show(dc.context, followUp.focus);
      return true;
    }
    await dc.context.sendActivity({ attachments: [sectionCard(messages(locale), followUp.card, { showFeedback: false })] });
    return true;
  }

  handOff(dc: DialogContext): Promise<DialogTurnResult> {
    return restartMain(dc, { intent: 'escalate_human' });
  }

  /**
   * End of every turn: after a side question was answered, offer to go back to the set-aside task, or, when
   * it was only waiting for a yes or no, simply ask that again; if a different task is now under way
   * instead, drop the set-aside one with a short notice.
   */
  private async afterTurn(inner: DialogContext): Promise<DialogTurnResult | undefined> {
    const aside = await this.setAside?.get(inner.context);
    if (!aside || aside.offered) return undefined;
    const m = messages(turnLocale(inner.context));
    const taskNow = (leafOf(inner.stack)?.state as Partial<PromptState> | undefined)?.options?.task;
    if (taskNow !== undefined) {
      // The issue's rule: a set-aside task is dropped, with a short notice, when something else long starts.
      await this.setAside!.delete(inner.context);
      await inner.context.sendActivity(m.repair.droppedForNew(m.repair.taskNames[aside.task]));
      return undefined;
    }
    if ((leafOf(aside.stack as DialogInstance[])?.state as Partial<PromptState> | undefined)?.kind === 'yesno') {
      await this.setAside!.delete(inner.context);
      inner.stack.splice(0, inner.stack.length, ...(structuredClone(aside.stack) as DialogInstance[]));
      await inner.context.sendActivity(m.repair.backTo(m.repair.taskNames[aside.task]));
      await inner.repromptDialog();
      return Dialog.EndOfTurn;
    }
    await this.setAside!.set(inner.context, { ...aside, offered: true });
    await inner.context.sendActivity(
      withButtons(m.repair.resumeOffer(m.repair.taskNames[aside.task]), [m.repair.resumeYes, m.repair.resumeNo]),
    );
    return undefined;
  }

  /** Not a request of its own: a short reply that the set-aside question may take. */
  private async answersSetAside(text: string, context: TurnContext): Promise<boolean> {
    if (text.trim().length > 60) return false;
    const r = await this.recognizer.recognize(text, turnLocale(context));
    return r.intent === 'out_of_scope' || r.score < REQUEST_SCORE;
  }

  /** Puts a set-aside task back where it stopped and gives this message to its question. */
  private async resumeWith(step: WaterfallStepContext, aside: SetAsideTask): Promise<DialogTurnResult> {
    await this.setAside!.delete(step.context);
    step.stack.splice(0, step.stack.length, ...(structuredClone(aside.stack) as DialogInstance[]));
    return step.continueDialog();
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

    // "我能先问下，这种一般多久能处理好": the question is what follows; the dialogs read it from the activity,
    // with chat shorthand ("r u down") and everyday verbs (「瞅瞅」) spelled out for their cues.
    const text = withoutPreamble(expandColloquial(context.activity.text ?? ''));
    if (context.activity.text) context.activity.text = text;
    const aside = await this.setAside?.get(context);
    if (aside && !isFresh(aside, this.now())) await this.setAside!.delete(context);
    else if (aside) {
      const answer = aside.offered ? readYesNo(text) : undefined;
      if (isResumeRequest(text, m.repair.taskNames[aside.task]) || answer?.value === true) return this.resume(step, aside);
      if (answer?.value === false || meansStop(text)) {
        await this.setAside!.delete(context);
        await context.sendActivity(m.repair.dropped(m.repair.taskNames[aside.task]));
        return step.endDialog();
      }
      // 「haiyue-nb」 after "shall we go back to the sign-up?": the answer to the set-aside question itself.
      if (aside.offered && !answer && !isQuestion(text) && (await this.answersSetAside(text, context))) return this.resumeWith(step, aside);
    } else if (isResumeRequest(text)) {
      await context.sendActivity(m.repair.nothingToResume);
      return step.endDialog();
    }

    const interruption = detectInterruption(text);
    if (interruption === 'cancel' || interruption === 'startOver') {
      if (aside) await this.setAside!.delete(context);
      await context.sendActivity(
        interruption === 'cancel'
          ? aside
            ? m.repair.dropped(m.repair.taskNames[aside.task])
            : m.nothingToCancel
          : `${m.startOver}\n\n${m.helpMenu}`,
      );
      return step.endDialog();
    }
    const viaInterruption = interruption ? INTERRUPTION_INTENT[interruption] : undefined;
    if (viaInterruption) return this.dispatch(step, viaInterruption);
    if (this.reseller && CONTACT_QUESTION.test(text)) {
      await context.sendActivity(m.customer.contactUs(this.reseller()));
      return step.endDialog();
    }
    // "No thanks, I'll do it myself" after an article: nothing to say no to, so it is acknowledged.
    if (readYesNo(text)?.value === false && !isQuestion(text)) {
      await context.sendActivity(m.repair.noThanks);
      return step.endDialog();
    }

    const recognition = byNamedRequest(notChatter(byTicketId(await this.recognizer.recognize(text, turnLocale(context))), text), text);
    const focus = await this.focus?.take(context);
    const followedUp = focus && (await this.followUp(step, text, recognition, focus));
    if (followedUp) return followedUp;
    const pointsBack = !!focus && refersBack(text) && !this.isNewRequest(recognition, focus, text);
    const sibling = pointsBack && focus.kind === 'article' ? this.followUps?.sibling(focus.id, text, turnLocale(context)) : undefined;
    if (sibling && this.faq) {
      return step.beginDialog(this.faq.dialogId, { intent: 'howto_faq', recognition, question: sibling } satisfies ChildDialogOptions);
    }
    if (focus && this.leftUnanswered(text, recognition, context, pointsBack)) {
      // Fin's and Rasa's rule: a question we cannot answer gets an honest "I don't know" and a person, not "didn't understand".
      valuesOf(step).pending = { kind: 'offer' };
      return step.beginDialog(HANDOFF_PROMPT, { prompt: m.repair.unansweredFollowUp } satisfies AnswerPromptOptions);
    }
    // A bare 「嗯嗯」 / "ok" with nothing asked: acknowledged, not "didn't understand" nor "goodbye".
    const yes = readYesNo(text);
    if (yes?.value === true && !yes.note && (recognition.intent === 'out_of_scope' || recognition.intent === 'goodbye')) {
      await context.sendActivity(m.repair.acknowledged);
      return step.endDialog();
    }
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
    const clarified = await this.clarify(step, text, recognition);
    if (clarified) return clarified;
    // 「平时的用量在哪能看到」: a how-to that one article answers surely needs no menu of intents.
    // When one of the two is a how-to question, an article that answers at all settles it.
    const howTo = recognition.intent === 'howto_faq' || recognition.alternatives[0]?.intent === 'howto_faq';
    if (
      isAmbiguous(recognition) &&
      (this.faq?.answersDirectly?.(text, turnLocale(context), context) ||
        (howTo && this.faq?.canAnswer(text, turnLocale(context), context)))
    ) {
      return step.beginDialog(this.faq.dialogId, { intent: recognition.intent, recognition } satisfies ChildDialogOptions);
    }
    if (isAmbiguous(recognition)) {
      const intents = [recognition.intent, recognition.alternatives[0]!.intent];
      Object.assign(valuesOf(step), { pending: { kind: 'choice', intents }, recognition });
      const choices = [
        ...intents.map((i) => ({ id: i, titles: [m.intentNames[i], messages('zh-CN').intentNames[i], messages('en').intentNames[i]] })),
        { id: 'none', titles: [m.noneOfThese, messages('zh-CN').noneOfThese, messages('en').noneOfThese] },
      ];
      return step.beginDialog(CHOICE_PROMPT, { prompt: m.whichOne, choices } satisfies AnswerPromptOptions);
    }
    return this.dispatch(step, recognition.intent, recognition);
  }

  /**
   * A short follow-up about the last thing shown, answered from it first; a confident new request of
   * another kind ("how do I add a user" after the DNS article) is not one unless it refers back.
   */
  private async followUp(
    step: WaterfallStepContext,
    text: string,
    recognition: RecognizerResult,
    focus: Focus,
  ): Promise<DialogTurnResult | undefined> {
    if (!this.followUps) return undefined;
    if (this.isNewRequest(recognition, focus, text)) return undefined;
    const followUp = await this.followUps.read(focus, text, turnLocale(step.context), step.context);
    if (!followUp) return undefined;
    if (followUp.kind === 'say') {
      await step.context.sendActivity(followUp.text);
      if (followUp.focus) await this.focus!.show(step.context, followUp.focus);
      return step.endDialog();
    }
    if (followUp.kind === 'passage' && this.faq) {
      return step.beginDialog(this.faq.dialogId, {
        intent: 'howto_faq',
        passage: { articleId: followUp.articleId, card: followUp.card },
      } satisfies ChildDialogOptions);
    }
    if (followUp.kind === 'route') return this.dispatch(step, followUp.intent, recognition, focus);
    return undefined;
  }

  /**
   * A vague message ("password", "outlook") that several articles could answer about equally: a menu of
   * the likeliest by title, and "none of these", rather than a guess or a broad category.
   */
  private async clarify(step: WaterfallStepContext, text: string, recognition: RecognizerResult): Promise<DialogTurnResult | undefined> {
    if (!this.faq?.clarify || !CLARIFIABLE.has(recognition.intent)) return undefined;
    // "Sign us up please" asks for the one thing we do, not about a topic.
    if (recognition.intent === 'account_setup' && SIGN_UP.test(text.normalize('NFKC').toLowerCase())) return undefined;
    const locale = turnLocale(step.context);
    const candidates = this.faq.clarify(text, locale);
    if (candidates.length < 2) return undefined;
    const m = messages(locale);
    Object.assign(valuesOf(step), { pending: { kind: 'articles', ids: candidates.map((c) => c.id), question: text }, recognition });
    const choices = [
      ...candidates.map((c) => ({ id: c.id, titles: [c.title] })),
      { id: 'none', titles: [m.noneOfThese, messages('zh-CN').noneOfThese, messages('en').noneOfThese] },
    ];
    return step.beginDialog(CHOICE_PROMPT, { prompt: m.whichOne, choices, openEnded: true } satisfies AnswerPromptOptions);
  }

  /** A request of another kind than the focus, recognised surely, that does not point back at it. */
  private isNewRequest(recognition: RecognizerResult, focus: Focus, text: string): boolean {
    const { intent, score } = recognition;
    if (OPEN_INTENTS.has(intent) || intent === OWNER[focus.kind]) return false;
    // "yeah, let's get that going" reads like a farewell to the model, but it agrees to what was shown.
    if (intent === 'goodbye' && readYesNo(text)?.value === true) return false;
    // A billing question right after a billing article ("付完了怎么确认到账") is about that article, and
    // 「那现在就帮我们办吧」 after the sign-up article asks for that sign-up.
    if (focus.kind === 'article' && intent === ARTICLE_AREAS[focus.id.split('/')[0]!]) return false;
    // "Any update?" right after an incident asks about that incident, unless it names a ticket of ours.
    if (focus.kind === 'incident' && intent === 'ticket_status' && !TICKET_WORDS.test(text)) return false;
    // 「那先帮我们加 3 个 E3」 points back but asks for something else: a request, not a question about it.
    return (score >= NEW_REQUEST_SCORE && !refersBack(text)) || (score >= REQUEST_SCORE && !isQuestion(text));
  }

  /**
   * A question right after something was shown that the recognizer cannot place, that is not plainly off
   * topic ("明天天气怎么样"), and that no article answers: 「开完大概几天能拿到」 after the fapiao article.
   */
  private leftUnanswered(text: string, recognition: RecognizerResult, context: TurnContext, pointsBack: boolean): boolean {
    const { intent, score } = recognition;
    // "Does that cost extra?" points back at what was shown, whatever a word in it suggests, unless it is a request.
    const aboutShown = pointsBack && (intent === 'howto_faq' || score < REQUEST_SCORE);
    if (!aboutShown && (!SMALL_TALK.has(intent) || (intent === 'out_of_scope' && score >= PLAINLY_OFF_TOPIC))) return false;
    return isQuestion(text) && !this.faq?.canAnswer(text, turnLocale(context), context);
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
    const answer = step.result as Answer | undefined;
    if (pending.kind === 'offer') {
      if (answer?.kind === 'answer' && answer.value === true) return this.dispatch(step, 'escalate_human');
      await step.context.sendActivity(m.handoffDeclined);
      return step.endDialog();
    }
    if (pending.kind === 'articles') {
      const id = answer?.kind === 'answer' ? pending.ids.find((i) => i === answer.value) : undefined;
      if (id && this.faq) return step.beginDialog(this.faq.dialogId, { intent: 'howto_faq', articleId: id } satisfies ChildDialogOptions);
      // 「手机上用的那个」: none of the titles, but it narrows the first message down.
      const narrowed = answer?.kind === 'other' ? `${pending.question} ${answer.text}` : undefined;
      if (narrowed && this.faq?.canAnswer(narrowed, turnLocale(step.context))) {
        return step.beginDialog(this.faq.dialogId, { intent: 'howto_faq', question: narrowed } satisfies ChildDialogOptions);
      }
      await step.context.sendActivity(m.helpMenu);
      return step.endDialog();
    }
    const picked = answer?.kind === 'answer' ? pending.intents.find((i) => i === answer.value) : undefined;
    if (picked) return this.dispatch(step, picked, recognition);
    await step.context.sendActivity(m.helpMenu);
    return step.endDialog();
  }

  private async dispatch(
    step: WaterfallStepContext,
    intent: Intent,
    recognition?: RecognizerResult,
    focus?: Focus,
  ): Promise<DialogTurnResult> {
    const route = this.routes[intent];
    valuesOf(step).current = intent;
    const locale = turnLocale(step.context);
    const text = step.context.activity.text ?? '';
    if (
      recognition &&
      !focus &&
      this.faq?.answersDirectly &&
      (ARTICLE_FIRST.has(intent) || asksForCompensation(text)) &&
      this.faq.answersDirectly(text, locale, step.context)
    ) {
      return step.beginDialog(this.faq.dialogId, { intent, recognition } satisfies ChildDialogOptions);
    }
    // "We're with another partner and want to move over to you": a set-up matter that is none of the tasks
    // we do, which an article answers; the task menu would not have it.
    if (
      recognition &&
      !focus &&
      intent === 'account_setup' &&
      !SETUP_TASKS.some(([, re]) => re.test(text.normalize('NFKC').toLowerCase())) &&
      this.faq?.canAnswer(text, locale, step.context)
    ) {
      return step.beginDialog(this.faq.dialogId, { intent, recognition } satisfies ChildDialogOptions);
    }
    if ('dialog' in route)
      return step.beginDialog(route.dialog, { intent, recognition, ...(focus && { focus }) } satisfies ChildDialogOptions);
    // A real question the recognizer could not place ("这种一般多久能处理好") still gets an article when one answers it.
    const worthSearching =
      !SMALL_TALK.has(intent) || ((intent === 'help' || intent === 'out_of_scope') && isQuestion(text) && text.trim().length >= 6);
    if (this.faq && worthSearching && this.faq.canAnswer(text, locale, step.context)) {
      return step.beginDialog(this.faq.dialogId, { intent, recognition } satisfies ChildDialogOptions);
    }
    // A side question in the middle of a task may lean on it ("what does 21Vianet do after I submit this?").
    const aside = worthSearching && isQuestion(text) ? await this.setAside?.get(step.context) : undefined;
    const withTask = aside && `${text} ${messages(locale).repair.taskNames[aside.task]}`;
    if (this.faq && withTask && this.faq.canAnswer(withTask, locale)) {
      return step.beginDialog(this.faq.dialogId, { intent, recognition, question: withTask } satisfies ChildDialogOptions);
    }
    // Chatter the bot answered itself is not a question left unanswered; an off-topic request is.
    if (intent === 'out_of_scope') markUnanswered();
    await step.context.sendActivity(route.reply(messages(locale)));
    return step.endDialog();
  }
}
