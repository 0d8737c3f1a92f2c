import type { DialogContext, DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { parseEmail, parseMobile, parseName } from '../../bot/directory/answerParsers.js';
import type { Messages } from '../../bot/i18n/messages.js';
import type { Recognizer, RecognizerResult } from '../../bot/nlu/types.js';
import { FormDialog, SKIPPED, type FormField, type FormValues } from '../../dialogs/formDialog.js';

/** Test texts of the form (a real form takes them from bot/i18n). */
export const CONTACT = {
  askName: 'name?',
  askEmail: 'e-mail?',
  askMobile: 'mobile?',
  nameHelp: 'We address you by it.',
  emailHelp: 'We send the confirmation there.',
  mobileHelp: 'Only if you want a call back.',
  nameHint: 'A name like Lei Wang.',
  emailHint: 'An address like a@b.cn.',
  mobileHint: 'A number like 13812345678.',
  declined: 'not sent',
  summary: (v: FormValues) => `name=${v.name} email=${v.email} mobile=${v.mobile === SKIPPED ? '-' : v.mobile} - send?`,
} as const;

const field = (key: 'name' | 'email' | 'mobile', names: RegExp, parse: (t: string) => string | undefined, optional = false): FormField => ({
  key,
  names,
  parse,
  ...(optional && { optional: true }),
  ask: () => CONTACT[`ask${key === 'name' ? 'Name' : key === 'email' ? 'Email' : 'Mobile'}`],
  help: () => CONTACT[`${key}Help`],
  hint: () => CONTACT[`${key}Hint`],
  label: () => key,
});

type ContactFormOptions = { readonly recognition?: RecognizerResult; readonly values?: FormValues };

/**
 * A three-question form (name, e-mail, optional mobile) with a summary, begun with what the first message
 * already says (its e-mail and phone entities); each completed form is kept in `completed`.
 */
export class ContactForm extends FormDialog {
  static readonly id = 'contactForm';
  readonly completed: Array<{ values: FormValues; note: string | undefined }> = [];

  constructor(recognizer?: Recognizer) {
    super(
      ContactForm.id,
      [
        field('name', /name|名字|姓名/i, (t) => parseName(t, 2, 60)),
        field('email', /e-?mail|邮箱/i, parseEmail),
        field('mobile', /mobile|phone|手机/i, parseMobile, true),
      ],
      'signUp',
      recognizer,
    );
  }

  override async beginDialog(dc: DialogContext, options?: ContactFormOptions): Promise<DialogTurnResult> {
    if (options?.values) return super.beginDialog(dc, options);
    const entities = options?.recognition?.entities ?? [];
    const email = parseEmail(entities.find((e) => e.type === 'email')?.value ?? '');
    const mobile = parseMobile(entities.find((e) => e.type === 'phone')?.value ?? '');
    return super.beginDialog(dc, { values: { ...(email && { email }), ...(mobile && { mobile }) } });
  }

  protected confirmation(_m: Messages, values: FormValues): string {
    return CONTACT.summary(values);
  }

  protected declined(): string {
    return CONTACT.declined;
  }

  protected async complete(step: WaterfallStepContext, values: FormValues, note: string | undefined): Promise<DialogTurnResult> {
    this.completed.push({ values: { ...values }, note });
    await step.context.sendActivity('saved');
    return step.endDialog();
  }
}
