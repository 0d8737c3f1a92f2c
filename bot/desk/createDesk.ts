import type { BotAdapter, ConversationState, Middleware, StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { DeskConfig } from '../config.js';
import type { CustomerDirectory } from '../directory/customerDirectory.js';
import type { Escalator } from '../escalation/escalator.js';
import type { HandoffState } from '../handoff/handoffState.js';
import type { Logger } from '../log.js';
import type { DocumentStore } from '../store/documentStore.js';
import { PrefixedStore } from '../store/prefixedStore.js';
import type { TicketStore } from '../tickets/types.js';
import { DeskBoard } from './deskBoard.js';
import { DeskCommands } from './deskCommands.js';
import { handOver, type HandOverInfo, type HandOverResult } from './deskHandover.js';
import { DeskHandoffs } from './deskHandoffs.js';
import type { DeskParts } from './deskParts.js';
import { DeskRegistry } from './deskRegistry.js';
import { DeskRelay } from './deskRelay.js';
import { DeskSender } from './deskSender.js';
import { DeskWatcher } from './deskWatcher.js';

/** How often waiting handoffs are checked against DESK_TAKE_MINUTES. */
const CHECK_MS = 15_000;

/** The agent desk as the app wires it: two middleware, the dialog's hand-over, and the not-taken check. */
export interface Desk {
  /** Before the conversation log: desk turns and desk commands. */
  readonly commands: Middleware;
  /** After the conversation log: the customer's side of a desk handoff. */
  readonly relay: Middleware;
  readonly handoffs: DeskHandoffs;
  handOver(context: TurnContext, info: HandOverInfo): Promise<HandOverResult>;
  start(): void;
  stop(): Promise<void>;
}

export function createDesk(deps: {
  readonly config: DeskConfig;
  /** The whole store: the desk keeps its documents under `desk/`. */
  readonly store: DocumentStore;
  readonly adapter: BotAdapter;
  readonly appId: string;
  /** The plain ticket store (no status notices: the desk tells the customer itself). */
  readonly tickets: TicketStore;
  readonly escalator: Escalator;
  readonly directory: Pick<CustomerDirectory, 'reseller' | 'customerById'>;
  readonly handoff: StatePropertyAccessor<HandoffState | undefined>;
  readonly conversationState: ConversationState;
  readonly logger: Logger;
  readonly now?: () => Date;
  readonly checkMs?: number;
}): Desk {
  const now = deps.now ?? (() => new Date());
  const store = new PrefixedStore(deps.store, 'desk/');
  const registry = new DeskRegistry(store);
  const handoffs = new DeskHandoffs(store, now);
  const sender = new DeskSender(deps.adapter, deps.appId);
  const board = new DeskBoard({ registry, handoffs, sender, tickets: deps.tickets, directory: deps.directory, logger: deps.logger });
  const parts: DeskParts = {
    config: deps.config,
    registry,
    handoffs,
    board,
    sender,
    tickets: deps.tickets,
    escalator: deps.escalator,
    directory: deps.directory,
    handoff: deps.handoff,
    logger: deps.logger,
    now,
  };
  const watcher = new DeskWatcher(parts, deps.checkMs ?? CHECK_MS);
  return {
    commands: new DeskCommands(parts),
    relay: new DeskRelay(parts, deps.conversationState),
    handoffs,
    handOver: (context, info) => handOver(parts, context, info),
    start() {
      if (deps.config.mode !== 'hub') watcher.start();
    },
    stop: () => watcher.stop(),
  };
}
