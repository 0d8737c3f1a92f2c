import { ActivityTypes, TurnContext, type Activity, type Middleware } from 'botbuilder';

interface MentionEntity {
  readonly type: string;
  readonly text?: string;
  readonly mentioned?: { readonly id?: string; readonly name?: string };
}

const AT_TAG = /<at(?:\s[^>]*)?>([\s\S]*?)<\/at>/giu;

function isMention(entity: { type: string }): boolean {
  return entity.type.toLowerCase() === 'mention';
}

/**
 * Takes the bot's @mention out of a Teams message before anything reads the text: the SDK's
 * removeRecipientMention for each mention of the bot, then any leftover <at> tag naming the bot
 * (new Teams splits a multi-word name into one tag per word, each its own entity, and a Chinese
 * display name is followed by text without a space). Other people's mentions keep their names
 * without the tags. The bot's mention entities are removed as well.
 */
export function stripBotMention(activity: Activity): void {
  const botId = activity.recipient?.id;
  const entities = (activity.entities ?? []) as MentionEntity[];
  const ours = entities.filter((e) => isMention(e) && e.mentioned?.id !== undefined && e.mentioned.id === botId);
  if (typeof activity.text === 'string' && (ours.length > 0 || /<at[\s>]/iu.test(activity.text))) {
    for (let i = 0; i < ours.length; i++) TurnContext.removeRecipientMention(activity);
    const names = new Set(
      [activity.recipient?.name, ...ours.flatMap((m) => [m.mentioned?.name, m.text?.replace(AT_TAG, '$1')])]
        .filter((n): n is string => typeof n === 'string' && n.trim() !== '')
        .map((n) => n.trim().toLowerCase()),
    );
    activity.text = activity.text
      .replace(AT_TAG, (_tag, inner: string) => (names.has(inner.trim().toLowerCase()) ? ' ' : inner))
      .replace(/&nbsp;/giu, ' ')
      .replace(/[ \t\u00a0\u3000]{2,}/gu, ' ')
      .trim();
  }
  if (ours.length > 0) activity.entities = (activity.entities ?? []).filter((e) => !ours.includes(e as MentionEntity));
}

/** Runs stripBotMention on every Teams message, so recognition, language detection and dialogs see the words only. */
export class TeamsMentions implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (context.activity.channelId === 'msteams' && context.activity.type === ActivityTypes.Message) stripBotMention(context.activity);
    await next();
  }
}
