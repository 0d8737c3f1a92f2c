import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { parseDomainPrefix, parseEmail, parseMobile, parseName } from '../bot/directory/answerParsers.js';
import type { CustomerDirectory } from '../bot/directory/customerDirectory.js';
import type { SignUpForm } from '../bot/directory/signUpForm.js';
import { messages, type Messages } from '../bot/i18n/messages.js';
import type { Recognizer } from '../bot/nlu/types.js';
import type { TicketStore } from '../bot/tickets/types.js';
import type { FocusTracker } from './focusTracker.js';
import { turnLocale } from '../bot/turnLocale.js';
import { FormDialog, type FormField, type FormValues } from './formDialog.js';
import { bilingual, openTicket } from './openTicket.js';

type Key = keyof SignUpForm;

function field(
  key: Key,
  names: RegExp,
  parse: (t: string) => string | undefined,
  ask: (m: Messages['customer']['setup']) => string,
  hint: (m: Messages) => string,
): FormField {
  return {
    key,
    names,
    parse,
    ask: (m) => ask(m.customer.setup),
    hint,
    help: (m) => m.customer.setup.signUpHelp[key],
    label: (m) => m.customer.setup.signUpLabels[key],
  };
}

/** The sign-up form for a prospect: six questions, a summary to confirm, then a reseller ticket. */
export class SignUpFormDialog extends FormDialog {
  static readonly id = 'signUpForm';

  constructor(
    private readonly directory: CustomerDirectory,
    private readonly tickets: TicketStore,
    recognizer: Recognizer | undefined,
    private readonly focus?: FocusTracker,
  ) {
    const prefix = field(
      'domainPrefix',
      /域名|前缀|domain|prefix|onmschina/i,
      parseDomainPrefix,
      (s) => s.askPrefix,
      (m) => m.customer.setup.prefixHint,
    );
    super(
      SignUpFormDialog.id,
      [
        field(
          'company',
          /公司|企业|名称|company|business name/i,
          (t) => parseName(t, 2, 100),
          (s) => s.askCompany,
          (m) => m.customer.setup.companyHint,
        ),
        { ...prefix, check: (p, m) => (directory.domainPrefixInUse(p) ? m.customer.setup.prefixTaken(p) : undefined) },
        field(
          'adminName',
          /管理员|姓名|名字|称呼|admin|name/i,
          (t) => parseName(t, 2, 60),
          (s) => s.askAdminName,
          (m) => m.customer.setup.nameHint,
        ),
        field(
          'adminEmail',
          /邮箱|邮件|e-?mail|mail address/i,
          parseEmail,
          (s) => s.askAdminEmail,
          (m) => m.customer.identify.emailHint,
        ),
        field(
          'adminMobile',
          /手机|电话|号码|mobile|phone|cell/i,
          parseMobile,
          (s) => s.askMobile,
          (m) => m.customer.setup.mobileHint,
        ),
        // Free text: "Microsoft 365 Business Premium, 30 seats" reads as a subscription request, yet it is the answer.
        {
          ...field(
            'services',
            /服务|产品|套餐|版本|service|plan|licen[cs]e|product/i,
            (t) => parseName(t, 2, 300),
            (s) => s.askServices,
            (m) => m.customer.setup.servicesHint,
          ),
          freeText: true,
        },
      ],
      'signUp',
      recognizer,
    );
  }

  protected confirmation(m: Messages, values: FormValues): string {
    return m.customer.setup.confirmSignUp(values as unknown as SignUpForm);
  }

  protected declined(m: Messages): string {
    return m.customer.setup.signUpDeclined;
  }

  protected async complete(step: WaterfallStepContext, values: FormValues, note: string | undefined): Promise<DialogTurnResult> {
    const form = values as unknown as SignUpForm;
    const m = messages(turnLocale(step.context)).customer;
    const reseller = this.directory.reseller();
    const ticket = await openTicket(
      step.context,
      this.tickets,
      {
        category: 'account_setup',
        title: `${m.setup.taskNames.signUp}: ${form.company}`,
        summary: bilingual((c) => c.setup.signUpTicket(form)),
        details: { task: 'signUp', ...form, ...(note && { note }) },
      },
      reseller,
      this.focus,
    );
    if (ticket) await step.context.sendActivity(m.setup.signUpCreated(ticket.id, reseller));
    return step.endDialog();
  }
}
