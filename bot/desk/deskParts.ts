import type { Activity, StatePropertyAccessor } from 'botbuilder';
import type { DeskConfig } from '../config.js';
import type { CustomerDirectory } from '../directory/customerDirectory.js';
import type { Escalator } from '../escalation/escalator.js';
import type { HandoffState } from '../handoff/handoffState.js';
import type { DeskMessages } from '../i18n/deskMessages.js';
import type { Logger } from '../log.js';
import { literalForMessage } from '../text/literal.js';
import type { TicketStore } from '../tickets/types.js';
import type { DeskBoard } from './deskBoard.js';
import type { DeskHandoffs } from './deskHandoffs.js';
import type { DeskAgent, DeskRegistry } from './deskRegistry.js';
import type { DeskSender } from './deskSender.js';

/** What the desk's flows share; built once by createDesk. */
export interface DeskParts {
  readonly config: DeskConfig;
  readonly registry: DeskRegistry;
  readonly handoffs: DeskHandoffs;
  readonly board: DeskBoard;
  readonly sender: DeskSender;
  /** The plain ticket store: the desk tells the customer itself, so no status notice on top. */
  readonly tickets: TicketStore;
  readonly escalator: Escalator;
  readonly directory: Pick<CustomerDirectory, 'reseller' | 'customerById'>;
  /** The customer conversation's handoff state (conversation state), as the handoff dialog sets it. */
  readonly handoff: StatePropertyAccessor<HandoffState | undefined>;
  readonly logger: Logger;
  readonly now: () => Date;
}

/** An agent's name as the customer sees it: literal, since Teams and Web Chat render markdown. */
export const shownAgent = (m: DeskMessages, agent: DeskAgent | undefined) =>
  agent?.name ? literalForMessage(agent.name) : m.agentFallback;

/** The reseller's team, by name when the directory has one. */
export const teamName = (parts: Pick<DeskParts, 'directory'>, m: DeskMessages) => {
  const name = parts.directory.reseller()?.name;
  return m.team(name ? literalForMessage(name) : undefined);
};

/** Links of a message's files and images (http or https only): what is relayed in their place. */
export function attachmentLinks(activity: Partial<Activity>, m: DeskMessages): string[] {
  return (activity.attachments ?? []).flatMap((a) => {
    const download = (a.content as { downloadUrl?: unknown } | undefined)?.downloadUrl;
    const url = typeof download === 'string' ? download : a.contentUrl;
    if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) return [];
    return [m.attachment(literalForMessage(a.name ?? a.contentType ?? 'file'), url)];
  });
}

/** A relayed message: the words (literal, for the other side's renderer) and then any attachment links. */
export function relayedText(text: string, activity: Partial<Activity>, m: DeskMessages): string {
  return [...(text === '' ? [] : [literalForMessage(text)]), ...attachmentLinks(activity, m)].join('\n');
}
