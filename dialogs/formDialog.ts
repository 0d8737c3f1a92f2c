import type { Activity } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { TaskName } from '../bot/conversation/task.js';
import type { Locale } from '../bot/i18n/locale.js';
import { messages, type Messages } from '../bot/i18n/messages.js';
import type { FieldExpectation } from '../bot/nlu/answerInterpreter.js';
import type { Recognizer } from '../bot/nlu/types.js';
import { turnLocale } from '../bot/turnLocale.js';
import { AnswerPrompt, withButtons, type Answer, type AnswerPromptOptions } from './prompts/answerPrompt.js';

/** Marks an optional field the customer skipped. */
export const SKIPPED = '\u0000skipped';

export type FormValues = Readonly<Record<string, string>>;

/** One question of a form. */
export interface FormField {
  readonly key: string;
  /** The normalised value of a reply, or undefined when it is not one. */
  parse(text: string): string | undefined;
  /** A value that parses but cannot be used (a domain prefix already taken): what to say instead. */
  check?(value: string, m: Messages): string | undefined;
  /** Words that name the field in a reply: corrections ("the e-mail is …") and questions about it. */
  readonly names: RegExp;
  readonly optional?: boolean;
  /** Any text answers it, a question included (a problem description). */
  readonly freeText?: boolean;
  /** Asked only when this says so (a subscription id only for Azure services). */
  when?(values: FormValues): boolean;
  ask(m: Messages, values: FormValues): string | Partial<Activity>;
  /** Why we ask, or what the field means: the answer to "what is a domain prefix?". */
  help(m: Messages): string;
  /** What a good answer looks like, after an unusable one. */
  hint(m: Messages): string;
  /** How the field is named in "I've changed the e-mail to …". */
  label(m: Messages): string;
  /** How a stored value is shown back. */
  show?(value: string, m: Messages, locale: Locale): string;
}

interface FormState {
  values: Record<string, string>;
  asking?: string;
}

const CONFIRM = 'confirm';

/**
 * A form the customer fills in one question at a time, in any order of events: each answer is stored, a
 * correction changes an earlier answer, an optional field can be skipped, help explains the question, and a
 * side question sets the whole form aside to be resumed at the same question. A summary is confirmed
 * before `complete` runs, and corrected there too.
 */
export abstract class FormDialog extends ComponentDialog {
  private readonly flow: string;

  constructor(
    id: string,
    private readonly fields: readonly FormField[],
    readonly task: TaskName,
    recognizer: Recognizer | undefined,
  ) {
    super(id);
    this.flow = `${id}.flow`;
    const expectations = fields.map((f): FieldExpectation => ({
      key: f.key,
      parse: (t) => f.parse(t),
      names: f.names,
      ...(f.optional && { optional: true }),
      ...(f.freeText && { freeText: true }),
    }));
    fields.forEach((f, i) =>
      this.addDialog(
        new AnswerPrompt(
          this.promptId(f.key),
          { kind: 'field', field: expectations[i]!, earlier: expectations.filter((_, j) => j !== i) },
          recognizer,
        ),
      ),
    );
    this.addDialog(new AnswerPrompt(this.promptId(CONFIRM), { kind: 'yesno', fields: expectations }, recognizer));
    this.addDialog(new WaterfallDialog(this.flow, [(s) => this.ask(s), (s) => this.receive(s)]));
    this.initialDialogId = this.flow;
  }

  /** The summary to confirm, or undefined to complete as soon as every field is answered. */
  protected abstract confirmation(m: Messages, values: FormValues, locale: Locale): string | undefined;

  /** Runs once the form is complete (and confirmed); `note` is what followed a "yes" ("好，顺便…"). */
  protected abstract complete(step: WaterfallStepContext, values: FormValues, note: string | undefined): Promise<DialogTurnResult>;

  /** Said when the customer says no at the confirmation. */
  protected abstract declined(m: Messages): string;

  private promptId(key: string): string {
    return `${this.id}.${key}`;
  }

  private async ask(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = step.values as FormState;
    state.values = { ...((step.options as Partial<FormState> | undefined)?.values ?? {}) };
    const m = messages(turnLocale(step.context));
    const field = this.fields.find((f) => state.values[f.key] === undefined && (f.when?.(state.values) ?? true));
    if (field) {
      state.asking = field.key;
      const ask = field.ask(m, state.values);
      const prompt = field.optional && typeof ask === 'string' ? withButtons(ask, [m.escalation.report.skip]) : ask;
      return step.beginDialog(this.promptId(field.key), {
        prompt,
        help: field.help(m),
        hint: field.hint(m),
        task: this.task,
      } satisfies AnswerPromptOptions);
    }
    const summary = this.confirmation(m, state.values, turnLocale(step.context));
    if (summary === undefined) return this.complete(step, state.values, undefined);
    state.asking = CONFIRM;
    return step.beginDialog(this.promptId(CONFIRM), { prompt: summary, task: this.task } satisfies AnswerPromptOptions);
  }

  private async receive(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = step.values as FormState;
    const answer = step.result as Answer;
    const m = messages(turnLocale(step.context));
    // Everything the form was begun with stays (e.g. identification's failure count); only the answers change.
    const again = () => step.replaceDialog(this.flow, { ...(step.options as object), values: state.values });
    if (answer.kind === 'gaveUp') {
      await step.context.sendActivity(m.customer.giveUp);
      return step.endDialog();
    }
    if (state.asking === CONFIRM && answer.kind === 'answer') {
      if (answer.value === true) return this.complete(step, state.values, answer.note);
      await step.context.sendActivity(this.declined(m));
      return step.endDialog();
    }
    const key = answer.kind === 'correction' ? answer.field : state.asking!;
    const field = this.fields.find((f) => f.key === key)!;
    if (answer.kind === 'skip') {
      state.values[key] = SKIPPED;
      return again();
    }
    const value = answer.kind === 'other' ? answer.text : String(answer.value);
    const problem = field.check?.(value, m);
    if (problem) {
      await step.context.sendActivity(problem);
      return again();
    }
    state.values[key] = value;
    if (answer.kind === 'correction') {
      // "Sorry, typo, it's …" after the form was turned down: the other answers given before still stand.
      const previous = (step.options as { previous?: FormValues } | undefined)?.previous ?? {};
      state.values = { ...previous, ...state.values };
      await step.context.sendActivity(m.repair.corrected(field.label(m), field.show?.(value, m, turnLocale(step.context)) ?? value));
    }
    return again();
  }
}
