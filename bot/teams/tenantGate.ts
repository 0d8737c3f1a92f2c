import { ActivityTypes, type Activity, type Middleware, type TurnContext } from 'botbuilder';
import { messages } from '../i18n/messages.js';
import { normalizeLocale, type Locale } from '../i18n/locale.js';
import type { Logger } from '../log.js';
import { teamsTenantId } from './teamsTenant.js';

/** The refusal in both languages, the channel's language first: we cannot know which one they read. */
export function tenantDenial(locale: string | undefined): string {
  const first: Locale = normalizeLocale(locale) ?? 'zh-CN';
  const second: Locale = first === 'zh-CN' ? 'en' : 'zh-CN';
  return `${messages(first).teams.tenantDenied}\n\n${messages(second).teams.tenantDenied}`;
}

/** Our own proactive turns (continueConversation) carry a stored reference, which may lack the tenant. */
function isProactive(activity: Activity): boolean {
  return activity.type === ActivityTypes.Event && activity.name === 'ContinueConversation';
}

function botWasAdded(activity: Activity): boolean {
  return (activity.membersAdded ?? []).some((m) => m.id === activity.recipient?.id);
}

/**
 * With ALLOWED_TENANTS set, Teams activities from any other tenant (or from none) end here: no state is
 * read, no dialog runs, no welcome card is sent. A message, or adding the bot, gets a polite refusal;
 * an invoke gets 403. Other channels carry no trustworthy tenant, so the list does not apply to them.
 */
export class TenantGate implements Middleware {
  private readonly allowed?: ReadonlySet<string>;

  constructor(
    allowedTenants: readonly string[] | undefined,
    private readonly logger: Logger,
  ) {
    if (allowedTenants) this.allowed = new Set(allowedTenants.map((t) => t.toLowerCase()));
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const activity = context.activity;
    if (!this.allowed || activity.channelId !== 'msteams' || isProactive(activity)) return next();
    const tenant = teamsTenantId(activity)?.toLowerCase();
    if (tenant !== undefined && this.allowed.has(tenant)) return next();

    this.logger.warn('tenant_denied', { tenant: tenant ?? null, conversation: activity.conversation?.id, type: activity.type });
    if (activity.type === ActivityTypes.Message || (activity.type === ActivityTypes.ConversationUpdate && botWasAdded(activity))) {
      await context.sendActivity(tenantDenial(activity.locale));
    } else if (activity.type === ActivityTypes.Invoke) {
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 403 } });
    }
  }
}
