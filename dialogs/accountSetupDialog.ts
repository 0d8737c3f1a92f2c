import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { parseDomainPrefix, parseEmail, parseMobile } from '../bot/directory/answerParsers.js';
import type { SetupTask } from '../bot/directory/signUpForm.js';
import { LOCALES } from '../bot/i18n/locale.js';
import { messages } from '../bot/i18n/messages.js';
import { readTitle } from '../bot/nlu/answerInterpreter.js';
import { turnLocale } from '../bot/turnLocale.js';
import type { ChildDialogOptions } from './mainDialog.js';
import { articleText, type CustomerDialogDeps } from './customerDialogDeps.js';
import { SETUP_TASKS } from './customerTopics.js';
import { IdentifyDialog } from './identifyDialog.js';
import { InterruptibleDialog } from './interruptibleDialog.js';
import { bilingual, openTicket } from './openTicket.js';
import { AnswerPrompt, type Answer, type AnswerPromptOptions } from './prompts/answerPrompt.js';
import { identified, requireCustomer } from './requireCustomer.js';
import { giveUp } from './prompts/giveUp.js';
import { SignUpFormDialog } from './signUpFormDialog.js';

const ARTICLES: Readonly<Record<Exclude<SetupTask, 'signUp'>, string>> = {
  resetPassword: 'account/reset-password',
  addUsers: 'account/add-users',
  customDomain: 'account/custom-domain',
  mfa: 'account/mfa',
};
const TASK_OF_ARTICLE: ReadonlyMap<string, SetupTask> = new Map<string, SetupTask>([
  ['account/sign-up', 'signUp'],
  ...Object.entries(ARTICLES).map(([task, id]) => [id, task as SetupTask] as const),
]);
const TASKS: readonly SetupTask[] = ['signUp', 'resetPassword', 'addUsers', 'customDomain', 'mfa'];

const MAIN = 'setupMain';
const HELP = 'setupHelp';
const TASK = 'setupTask';
const OFFER = 'setupOffer';

/** The task named in a first message: by a keyword cue, or by a button title in either language. */
function taskIn(text: string): SetupTask | undefined {
  const t = text.normalize('NFKC').toLowerCase();
  const titles = TASKS.map((task) => ({ id: task, titles: LOCALES.map((l) => messages(l).customer.setup.taskNames[task]) }));
  const byTitle = readTitle(text, titles);
  return (SETUP_TASKS.find(([, re]) => re.test(t))?.[0] ?? byTitle) as SetupTask | undefined;
}

/** `account_setup`: sign-up for prospects; articles plus "we do it for you" for existing customers. */
export class AccountSetupDialog extends InterruptibleDialog {
  static readonly id = 'accountSetupDialog';

  constructor(private readonly deps: CustomerDialogDeps) {
    super(AccountSetupDialog.id);
    this.addDialog(new AnswerPrompt(TASK, { kind: 'choice' }, deps.recognizer));
    this.addDialog(new AnswerPrompt(OFFER, { kind: 'yesno' }, deps.recognizer));
    this.addDialog(new SignUpFormDialog(deps.identity.directory, deps.tickets, deps.recognizer, deps.focus));
    this.addDialog(new IdentifyDialog(deps.identity, deps.recognizer));
    this.addDialog(new WaterfallDialog(MAIN, [(s) => this.chooseTask(s), (s) => this.route(s)]));
    this.addDialog(new WaterfallDialog(HELP, [(s) => this.offer(s), (s) => this.afterOffer(s), (s) => this.onBehalf(s)]));
    this.initialDialogId = MAIN;
  }

  private async chooseTask(step: WaterfallStepContext): Promise<DialogTurnResult> {
    // 「那现在就帮我们办吧」 right after a set-up article: the task that article is about.
    const focus = (step.options as ChildDialogOptions | undefined)?.focus;
    const fromArticle = focus?.kind === 'article' ? TASK_OF_ARTICLE.get(focus.id) : undefined;
    (step.values as { articleShown?: boolean }).articleShown = fromArticle !== undefined;
    const task = fromArticle ?? taskIn(step.context.activity.text ?? '');
    if (task) return step.next({ kind: 'answer', value: task } satisfies Answer);
    const locale = turnLocale(step.context);
    const m = messages(locale).customer.setup;
    const choices = TASKS.map((t) => ({ id: t, titles: [m.taskNames[t], ...LOCALES.map((l) => messages(l).customer.setup.taskNames[t])] }));
    return step.beginDialog(TASK, { prompt: m.whichTask, hint: m.taskHint, choices } satisfies AnswerPromptOptions);
  }

  private async route(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = step.result as Answer;
    if (answer.kind !== 'answer') return giveUp(step);
    const task = answer.value as SetupTask;
    // The article was just shown when the customer asked us to do it: the offer alone, not the article again.
    if (task !== 'signUp')
      return step.replaceDialog(HELP, { task, articleShown: (step.values as { articleShown?: boolean }).articleShown });
    await step.context.sendActivity(messages(turnLocale(step.context)).customer.setup.signUpIntro);
    // Entities in the first message (an e-mail, a mobile number, an onmschina domain) prefill the form.
    const entities = (step.options as ChildDialogOptions | undefined)?.recognition?.entities ?? [];
    const values: Record<string, string> = {};
    const email = parseEmail(entities.find((e) => e.type === 'email')?.value ?? '');
    const mobile = parseMobile(entities.find((e) => e.type === 'phone')?.value ?? '');
    const prefix = parseDomainPrefix(entities.find((e) => e.type === 'domain' && e.value.endsWith('.partner.onmschina.cn'))?.value ?? '');
    if (email) values.adminEmail = email;
    if (mobile) values.adminMobile = mobile;
    if (prefix && !this.deps.identity.directory.domainPrefixInUse(prefix)) values.domainPrefix = prefix;
    return step.replaceDialog(SignUpFormDialog.id, { values });
  }

  private async offer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { task, articleShown } = step.options as { task: Exclude<SetupTask, 'signUp'>; articleShown?: boolean };
    (step.values as { task?: string }).task = task;
    const locale = turnLocale(step.context);
    const m = messages(locale).customer.setup;
    const article = this.deps.articles.get(ARTICLES[task], locale);
    // "Can you just do it for us?" right after the article is already the yes.
    if (articleShown) return step.next({ kind: 'answer', value: true } satisfies Answer);
    if (article) await step.context.sendActivity({ text: articleText(article), textFormat: 'markdown' });
    await this.deps.focus?.show(step.context, { kind: 'article', id: ARTICLES[task] });
    return step.beginDialog(OFFER, { prompt: m.offerOnBehalf(m.taskNames[task]), task: 'onBehalf' } satisfies AnswerPromptOptions);
  }

  private async afterOffer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = step.result as Answer;
    if (answer.kind !== 'answer') return giveUp(step);
    if (answer.value !== true) {
      await step.context.sendActivity(messages(turnLocale(step.context)).customer.declined);
      return step.endDialog();
    }
    return requireCustomer(step, this.deps.identity);
  }

  private async onBehalf(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const who = identified(this.deps.identity, step.result);
    if (!who) return step.endDialog();
    const task = (step.values as { task: Exclude<SetupTask, 'signUp'> }).task;
    const m = messages(turnLocale(step.context)).customer.setup;
    const ticket = await openTicket(
      step.context,
      this.deps.tickets,
      {
        category: 'account_setup',
        customer: who.customer.id,
        title: `${m.taskNames[task]}: ${who.customer.company}`,
        summary: bilingual((c) =>
          c.setup.onBehalfTicket(c.setup.taskNames[task], `${who.contact.name} <${who.contact.email}>`, who.customer.company),
        ),
        details: { task, contact: who.contact.email },
      },
      this.deps.identity.directory.reseller(),
      this.deps.focus,
    );
    if (ticket) await step.context.sendActivity(m.onBehalfCreated(ticket.id, m.taskNames[task]));
    return step.endDialog();
  }
}
