import type { FocusTracker } from './focusTracker.js';
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { Escalator } from '../bot/escalation/escalator.js';
import type { HealthSummary } from '../bot/escalation/healthSummary.js';
import type { SubmitOutcome } from '../bot/escalation/serviceRequestSubmitter.js';
import type { HandOverInfo, HandOverResult } from '../bot/desk/deskHandover.js';
import type { HandoffState } from '../bot/handoff/handoffState.js';
import type { TranscriptLine } from '../bot/handoff/transcript.js';
import type { Recognizer } from '../bot/nlu/types.js';
import type { TicketStore } from '../bot/tickets/types.js';
import type { IdentityDeps } from './customerIdentity.js';

/** What the handoff, report-a-problem and ticket status dialogs depend on. */
export interface EscalationDeps {
  readonly identity: IdentityDeps;
  readonly tickets: TicketStore;
  /** The intent of the customer's question, for the handoff summary. */
  readonly recognizer: Recognizer;
  /** Kept by bot/handoff/conversationLog.ts. */
  readonly recent: StatePropertyAccessor<TranscriptLine[]>;
  readonly handoff: StatePropertyAccessor<HandoffState | undefined>;
  readonly escalator: Escalator;
  /** Absent without Partner Center: service requests then wait for the reseller to file them. */
  readonly submitter?: { submitNow(ticketId: string): Promise<SubmitOutcome> };
  readonly health?: HealthSummary;
  /** The reseller's agent desk (bot/desk), told of each handoff once its ticket exists. */
  readonly desk?: { handOver(context: TurnContext, info: HandOverInfo): Promise<HandOverResult> };
  /** Where the dialogs note the ticket they opened, for "is anyone on it?". */
  readonly focus?: FocusTracker;
  readonly now?: () => Date;
}
