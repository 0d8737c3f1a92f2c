// The peer baseline: a bot of the shape of BotBuilder-Samples' core-bot, without the cloud recognizer, on
// the project's own botbuilder, botbuilder-dialogs and restify. What a plain, idiomatic botbuilder bot
// costs per turn: two state objects loaded and saved every turn, one component dialog run with
// runDialog, CloudAdapter on restify, no authentication.
import restify, { type Request, type Response } from 'restify';
import {
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  MemoryStorage,
  UserState,
  type StatePropertyAccessor,
  type TurnContext,
} from 'botbuilder';
import { ComponentDialog, runDialog, TextPrompt, WaterfallDialog, type DialogState, type WaterfallStepContext } from 'botbuilder-dialogs';

interface Profile {
  questions: number;
}

const PROMPT = 'questionPrompt';
const STEPS = 'questionSteps';

/** Asks what the user needs, acknowledges the answer, and asks again: one prompt and one reply per turn. */
class QuestionDialog extends ComponentDialog {
  constructor(private readonly profile: StatePropertyAccessor<Profile>) {
    super('questionDialog');
    this.addDialog(new TextPrompt(PROMPT));
    this.addDialog(new WaterfallDialog(STEPS, [(step) => this.ask(step), (step) => this.answer(step)]));
    this.initialDialogId = STEPS;
  }

  private ask(step: WaterfallStepContext) {
    return step.prompt(PROMPT, 'What can I help you with today?');
  }

  private async answer(step: WaterfallStepContext) {
    const profile = await this.profile.get(step.context, { questions: 0 });
    profile.questions++;
    await step.context.sendActivity(`Thanks, question ${profile.questions} noted: ${String(step.result).slice(0, 200)}`);
    return step.replaceDialog(STEPS); // loop: the next turn answers the fresh prompt
  }
}

/** ActivityHandler that runs the dialog on messages and saves both states at the end of every turn. */
class PeerBot extends ActivityHandler {
  constructor(
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
    dialog: QuestionDialog,
  ) {
    super();
    const dialogState: StatePropertyAccessor<DialogState> = conversationState.createProperty('DialogState');
    this.onMessage(async (context, next) => {
      await runDialog(dialog, context, dialogState);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
    await this.userState.saveChanges(context, false);
  }
}

export interface RunningPeer {
  readonly url: string;
  close(): Promise<void>;
}

export async function startPeer(port: number, host: string): Promise<RunningPeer> {
  const storage = new MemoryStorage();
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const bot = new PeerBot(conversationState, userState, new QuestionDialog(userState.createProperty<Profile>('profile')));

  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  adapter.onTurnError = async (context, error) => {
    console.error(`peer turn error: ${error}`);
    await context.sendActivity('Sorry, something went wrong.');
    await conversationState.delete(context);
  };

  const server = restify.createServer({ handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser());
  server.get('/healthz', async (_req: Request, res: Response) => {
    res.json(200, { status: 'ok' });
  });
  server.post('/api/messages', async (req: Request, res: Response) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return {
    url: `http://${host}:${server.address().port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
