import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { parseDomainPrefix, parseEmail, parseMobile, parseName } from '../bot/directory/answerParsers.js';
import type { SetupTask, SignUpForm } from '../bot/directory/signUpForm.js';
import { messages } from '../bot/i18n/messages.js';
import { turnLocale } from '../bot/turnLocale.js';
import type { ChildDialogOptions } from './mainDialog.js';
import { articleText, type CustomerDialogDeps } from './customerDialogDeps.js';
import { SETUP_TASKS } from './customerTopics.js';
import { IdentifyDialog } from './identifyDialog.js';
import { InterruptibleDialog } from './interruptibleDialog.js';
import { bilingual, openTicket } from './openTicket.js';
import { FieldPrompt, GAVE_UP, giveUpAfterTries, pickChoice, withButtons, giveUp, unlessConfirmed } from './prompts/fieldPrompt.js';
import { YesNoPrompt } from './prompts/yesNoPrompt.js';
import { identified, requireCustomer } from './requireCustomer.js';

const ARTICLES: Readonly<Record<Exclude<SetupTask, 'signUp'>, string>> = {
  resetPassword: 'account/reset-password',
  addUsers: 'account/add-users',
  customDomain: 'account/custom-domain',
  mfa: 'account/mfa',
};
const TASKS: readonly SetupTask[] = ['signUp', 'resetPassword', 'addUsers', 'customDomain', 'mfa'];
const FIELDS = ['company', 'domainPrefix', 'adminName', 'adminEmail', 'adminMobile', 'services'] as const;
type Field = (typeof FIELDS)[number];

const MAIN = 'setupMain';
const SIGN_UP = 'setupSignUp';
const HELP = 'setupHelp';
const TASK = 'setupTask';
const CONFIRM = 'setupConfirm';
const PROMPT: Record<Field, string> = Object.fromEntries(FIELDS.map((f) => [f, `setup.${f}`])) as Record<Field, string>;

interface SignUpValues {
  form: Partial<Record<Field, string>>;
}

/** `account_setup`: sign-up for prospects; articles plus "we do it for you" for existing customers. */
export class AccountSetupDialog extends InterruptibleDialog {
  static readonly id = 'accountSetupDialog';

  constructor(private readonly deps: CustomerDialogDeps) {
    super(AccountSetupDialog.id);
    const hint = (pick: (m: ReturnType<typeof messages>['customer']['setup']) => string) => ({ hint: (m: ReturnType<typeof messages>) => pick(m.customer.setup) });
    this.addDialog(new FieldPrompt(TASK, (t) => pickChoice(t, (m) => m.customer.setup.taskNames, SETUP_TASKS) ?? hint((s) => s.taskHint)));
    this.addDialog(new FieldPrompt(PROMPT.company, (t) => parseName(t, 2, 100) ?? hint((s) => s.companyHint)));
    this.addDialog(
      new FieldPrompt(PROMPT.domainPrefix, (t) => {
        const prefix = parseDomainPrefix(t);
        if (!prefix) return hint((s) => s.prefixHint);
        return this.deps.identity.directory.domainPrefixInUse(prefix) ? hint((s) => s.prefixTaken(prefix)) : prefix;
      }),
    );
    this.addDialog(new FieldPrompt(PROMPT.adminName, (t) => parseName(t, 2, 60) ?? hint((s) => s.nameHint)));
    this.addDialog(new FieldPrompt(PROMPT.adminEmail, (t) => parseEmail(t) ?? { hint: (m) => m.customer.identify.emailHint }));
    this.addDialog(new FieldPrompt(PROMPT.adminMobile, (t) => parseMobile(t) ?? hint((s) => s.mobileHint)));
    this.addDialog(new FieldPrompt(PROMPT.services, (t) => parseName(t, 2, 300) ?? hint((s) => s.servicesHint)));
    this.addDialog(new YesNoPrompt(CONFIRM, giveUpAfterTries));
    this.addDialog(new IdentifyDialog(deps.identity));
    this.addDialog(new WaterfallDialog(MAIN, [(s) => this.chooseTask(s), (s) => this.route(s)]));
    this.addDialog(new WaterfallDialog(SIGN_UP, [...FIELDS.map((f, i) => (s: WaterfallStepContext) => this.collect(s, f, i)), (s) => this.confirm(s), (s) => this.submit(s)]));
    this.addDialog(new WaterfallDialog(HELP, [(s) => this.offer(s), (s) => this.afterOffer(s), (s) => this.onBehalf(s)]));
    this.initialDialogId = MAIN;
  }

  private async chooseTask(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const text = step.context.activity.text ?? '';
    const task = pickChoice(text, (m) => m.customer.setup.taskNames, SETUP_TASKS);
    if (task) return step.next(task);
    const m = messages(turnLocale(step.context)).customer.setup;
    return step.prompt(TASK, { prompt: withButtons(m.whichTask, TASKS.map((t) => m.taskNames[t])) });
  }

  private async route(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (step.result === GAVE_UP) return giveUp(step);
    const task = step.result as SetupTask;
    if (task !== 'signUp') return step.replaceDialog(HELP, { task });
    await step.context.sendActivity(messages(turnLocale(step.context)).customer.setup.signUpIntro);
    // Entities in the first message (an e-mail, a mobile number, an onmschina domain) prefill the form.
    const entities = (step.options as ChildDialogOptions | undefined)?.recognition?.entities ?? [];
    const form: Partial<Record<Field, string>> = {};
    const email = entities.find((e) => e.type === 'email')?.value;
    const phone = entities.find((e) => e.type === 'phone')?.value;
    const prefix = entities.find((e) => e.type === 'domain' && e.value.endsWith('.partner.onmschina.cn'))?.value;
    if (email && parseEmail(email)) form.adminEmail = parseEmail(email);
    if (phone && parseMobile(phone)) form.adminMobile = parseMobile(phone);
    const p = prefix && parseDomainPrefix(prefix);
    if (p && !this.deps.identity.directory.domainPrefixInUse(p)) form.domainPrefix = p;
    return step.replaceDialog(SIGN_UP, { form } satisfies SignUpValues);
  }

  private async collect(step: WaterfallStepContext, field: Field, index: number): Promise<DialogTurnResult> {
    const values = step.values as SignUpValues;
    if (index === 0) values.form = { ...((step.options as SignUpValues | undefined)?.form ?? {}) };
    else {
      if (step.result === GAVE_UP) return giveUp(step);
      if (typeof step.result === 'string') values.form[FIELDS[index - 1]!] = step.result;
    }
    if (values.form[field]) return step.next();
    const m = messages(turnLocale(step.context)).customer.setup;
    const question: Record<Field, string> = { company: m.askCompany, domainPrefix: m.askPrefix, adminName: m.askAdminName, adminEmail: m.askAdminEmail, adminMobile: m.askMobile, services: m.askServices };
    return step.prompt(PROMPT[field], { prompt: question[field] });
  }

  private async confirm(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (step.result === GAVE_UP) return giveUp(step);
    const values = step.values as SignUpValues;
    if (typeof step.result === 'string') values.form.services = step.result;
    const m = messages(turnLocale(step.context)).customer.setup;
    return step.prompt(CONFIRM, { prompt: m.confirmSignUp(values.form as SignUpForm) });
  }

  private async submit(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const m = messages(turnLocale(step.context)).customer;
    const stop = await unlessConfirmed(step, m.setup.signUpDeclined);
    if (stop) return stop;
    const form = (step.values as SignUpValues).form as SignUpForm;
    const reseller = this.deps.identity.directory.reseller();
    const ticket = await openTicket(
      step.context,
      this.deps.tickets,
      { category: 'account_setup', title: `${m.setup.taskNames.signUp}: ${form.company}`, summary: bilingual((c) => c.setup.signUpTicket(form)), details: { task: 'signUp', ...form } },
      reseller,
    );
    if (ticket) await step.context.sendActivity(m.setup.signUpCreated(ticket.id, reseller));
    return step.endDialog();
  }

  private async offer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const task = (step.options as { task: Exclude<SetupTask, 'signUp'> }).task;
    (step.values as { task?: string }).task = task;
    const locale = turnLocale(step.context);
    const m = messages(locale).customer.setup;
    const article = this.deps.articles.get(ARTICLES[task], locale);
    if (article) await step.context.sendActivity({ text: articleText(article), textFormat: 'markdown' });
    return step.prompt(CONFIRM, { prompt: m.offerOnBehalf(m.taskNames[task]) });
  }

  private async afterOffer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const stop = await unlessConfirmed(step, messages(turnLocale(step.context)).customer.declined);
    if (stop) return stop;
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
        category: 'account_setup', customer: who.customer.id, title: `${m.taskNames[task]}: ${who.customer.company}`,
        summary: bilingual((c) => c.setup.onBehalfTicket(c.setup.taskNames[task], `${who.contact.name} <${who.contact.email}>`, who.customer.company)),
        details: { task, contact: who.contact.email },
      },
      this.deps.identity.directory.reseller(),
    );
    if (ticket) await step.context.sendActivity(m.onBehalfCreated(ticket.id, m.taskNames[task]));
    return step.endDialog();
  }
}
