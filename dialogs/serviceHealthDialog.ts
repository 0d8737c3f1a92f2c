import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import { incidentCard, issueViews } from '../bot/cards/incidentCard.js';
import type { HealthWatch } from '../bot/health/healthWatchStore.js';
import { isSettled, type HealthIssue, type HealthSource, type ServiceHealthReport } from '../bot/health/types.js';
import type { HealthScope } from '../bot/health/types.js';
import { messages } from '../bot/i18n/messages.js';
import { extractEntities } from '../bot/nlu/entities.js';
import { SERVICE_NAMES } from '../bot/nlu/serviceNames.js';
import { isPersonal } from '../bot/proactive/storedConversations.js';
import { literalForMessage } from '../bot/text/literal.js';
import { turnLocale } from '../bot/turnLocale.js';
import type { ArticleSource } from './customerDialogDeps.js';
import { createCustomerLookup, type IdentityDeps } from './customerIdentity.js';
import { HealthChecksDialog } from './healthChecksDialog.js';
import { InterruptibleDialog } from './interruptibleDialog.js';
import type { ChildDialogOptions } from './mainDialog.js';
import { AnswerPrompt, type Answer, type AnswerPromptOptions } from './prompts/answerPrompt.js';
import type { FocusTracker } from './focusTracker.js';
import type { Recognizer } from '../bot/nlu/types.js';

/** Where incident-resolved subscriptions go (HealthWatchStore in the app). */
export interface WatchSink {
  add(watches: readonly HealthWatch[]): Promise<void>;
}

export interface HealthDialogDeps {
  readonly source: HealthSource;
  readonly watches: WatchSink;
  readonly identity: IdentityDeps;
  readonly articles: ArticleSource;
  /** Services answered for when nobody is identified; every service we know by default. */
  readonly monitored?: readonly string[];
  readonly recognizer?: Recognizer;
  readonly focus?: FocusTracker;
  readonly now?: () => Date;
}

const MAIN = 'serviceHealthMain';
const NOTIFY = 'serviceHealthNotify';
const CHECKS_OFFER = 'serviceHealthChecksOffer';
const LIVE_SUBSCRIPTIONS: ReadonlySet<string> = new Set(['active', 'trial', 'suspended']);

interface Values {
  pending: 'notify' | 'checks';
  reports: ServiceHealthReport[];
}

/** Problems first, then unknown, then fine: the line a customer looks for is at the top. */
const order = (r: ServiceHealthReport) => (r.status === 'unknown' ? 1 : isSettled(r.status) ? 2 : 0);

/**
 * `service_health`: the status of the named service, or of the services the identified customer subscribes
 * to (everything monitored for someone not identified: that is public, and never another customer's list).
 * Incidents come as a card with an offer to be told when they are over; if all is well, the slow-service
 * checks and then the support team. A status that could not be read is said to be unknown.
 */
export class ServiceHealthDialog extends InterruptibleDialog {
  static readonly id = 'serviceHealthDialog';

  constructor(private readonly deps: HealthDialogDeps) {
    super(ServiceHealthDialog.id);
    this.addDialog(new AnswerPrompt(NOTIFY, { kind: 'yesno' }, deps.recognizer));
    this.addDialog(new AnswerPrompt(CHECKS_OFFER, { kind: 'yesno' }, deps.recognizer));
    this.addDialog(new HealthChecksDialog(deps.articles, deps.recognizer));
    this.addDialog(new WaterfallDialog(MAIN, [(s) => this.report(s), (s) => this.afterOffer(s)]));
    this.initialDialogId = MAIN;
  }

  private async report(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const m = messages(turnLocale(step.context)).health;
    const focus = (step.options as ChildDialogOptions | undefined)?.focus;
    // "Let me know when it's fixed" about the incident just shown: the watch, without the report again.
    if (focus?.kind === 'incident' && canNotify(step.context)) {
      const found = await this.deps.source.issue(focus.id);
      if (found.kind === 'found' && !found.issue.resolved) {
        await this.watch(step.context, [{ issue: found.issue, services: [found.issue.service] }]);
        await step.context.sendActivity(m.notifyConfirmed(1));
        return step.endDialog();
      }
    }
    const { scope, services } = await this.scope(step);
    const reports = (await this.deps.source.check(services)).sort((a, b) => order(a) - order(b));
    const unknown = reports.filter((r) => r.status === 'unknown').map((r) => r.service);
    const issues = issueViews(reports.flatMap((r) => r.issues));
    const text = [m.heading(scope), ...reports.map((r) => m.line(r.service, r.status))];
    if (unknown.length > 0) text.push(m.unknownNote(unknown));
    else if (issues.length === 0) text.push(m.allHealthy(services));
    await step.context.sendActivity(text.join('\n\n'));
    Object.assign(step.values as Values, { reports });

    if (issues.length > 0) {
      await step.context.sendActivity({ attachments: [incidentCard(messages(turnLocale(step.context)), issues)] });
      await this.deps.focus?.show(step.context, { kind: 'incident', id: issues[0]!.issue.id });
      if (!canNotify(step.context)) {
        await step.context.sendActivity(m.notifyUnavailable);
        return step.endDialog();
      }
      (step.values as Values).pending = 'notify';
      return step.beginDialog(NOTIFY, { prompt: m.offerNotify } satisfies AnswerPromptOptions);
    }
    await this.deps.focus?.show(step.context, { kind: 'health', services: reports.map((r) => r.service) });
    (step.values as Values).pending = 'checks';
    return step.beginDialog(CHECKS_OFFER, { prompt: m.offerChecks, statementMeans: true } satisfies AnswerPromptOptions);
  }

  private async afterOffer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const all = messages(turnLocale(step.context));
    const m = all.health;
    const { pending, reports } = step.values as Values;
    const answer = step.result as Answer;
    if (answer.kind !== 'answer') {
      await step.context.sendActivity(all.customer.giveUp);
      return step.endDialog();
    }
    if (pending === 'checks') {
      if (answer.value === true) return step.replaceDialog(HealthChecksDialog.id);
      await step.context.sendActivity(m.checksDeclined);
      return step.endDialog();
    }
    if (answer.value === false) {
      await step.context.sendActivity(m.notifyDeclined);
      return step.endDialog();
    }
    const views = issueViews(reports.flatMap((r) => r.issues));
    await this.watch(step.context, views);
    await step.context.sendActivity(m.notifyConfirmed(views.length));
    return step.endDialog();
  }

  private async watch(context: TurnContext, views: ReadonlyArray<{ issue: HealthIssue; services: readonly string[] }>): Promise<void> {
    const a = context.activity;
    const createdAt = (this.deps.now ?? (() => new Date()))().toISOString();
    await this.deps.watches.add(
      views.map(({ issue, services }) => ({
        recipient: { channelId: a.channelId, userId: a.from.id },
        issueId: issue.id,
        service: services[0]!,
        title: issue.title,
        createdAt,
      })),
    );
  }

  /** Named services first; otherwise the identified customer's subscriptions; otherwise everything monitored. */
  private async scope(step: WaterfallStepContext): Promise<{ scope: HealthScope; services: string[] }> {
    const options = step.options as ChildDialogOptions | undefined;
    const entities = options?.recognition?.entities ?? extractEntities(step.context.activity.text ?? '');
    const named = unique(entities.filter((e) => e.type === 'service').map((e) => e.value));
    // Outlook is where mail problems show; the mail itself is Exchange Online, whose incidents explain them.
    if (named.includes('outlook') && !named.includes('exchange')) named.push('exchange');
    if (named.length > 0) return { scope: { kind: 'named' }, services: named };
    const who = await createCustomerLookup(this.deps.identity)(step.context);
    if (who) {
      const subscribed = unique(
        this.deps.identity.directory
          .subscriptionsOf(who.customer.id)
          .filter((s) => LIVE_SUBSCRIPTIONS.has(s.status))
          .flatMap((s) => s.services),
      ).filter((s) => SERVICE_NAMES[s]);
      if (subscribed.length > 0)
        return { scope: { kind: 'customer', company: literalForMessage(who.customer.company) }, services: byCatalogueOrder(subscribed) };
    }
    return { scope: { kind: 'monitored' }, services: [...(this.deps.monitored ?? Object.keys(SERVICE_NAMES))] };
  }
}

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

function byCatalogueOrder(ids: readonly string[]): string[] {
  const catalogue = Object.keys(SERVICE_NAMES);
  return [...ids].sort((a, b) => catalogue.indexOf(a) - catalogue.indexOf(b));
}

/** A follow-up needs a one-to-one conversation and a user id to key it by. */
function canNotify(context: TurnContext): boolean {
  return isPersonal(context.activity) && !!context.activity.from?.id;
}
