/** The desk's typed commands. Plain text matching, like the interruptions: never the recognizer. */

const normalized = (text: string) =>
  text
    .normalize('NFKC')
    .trim()
    .replace(/[.!?。！？~～]+$/u, '')
    .replace(/\s+/gu, ' ')
    .trim();

/** The customer leaves the person and comes back to the bot. */
export function isEndChat(text: string): boolean {
  return /^(?:end (?:the )?chat|end (?:the )?live chat|back to (?:the )?bot|结束人工|结束人工服务|结束人工对话|退出人工)$/iu.test(
    normalized(text),
  );
}

/** `@bot use this channel as the support desk` / `@机器人 设为客服频道`, once the mention is gone. */
export function isDeskRegistration(text: string): boolean {
  return /^(?:use this channel as (?:the |our )?support desk|设为客服频道|设置为客服频道|把这个频道设为客服频道)$/iu.test(normalized(text));
}

/** `/desk <token>`: the token, or '' when the command has none. */
export function deskTokenCommand(text: string): string | undefined {
  const m = /^\/desk(?:\s+(\S+))?\s*$/iu.exec(text.trim());
  return m ? (m[1] ?? '') : undefined;
}

export const isQueueCommand = (text: string) => /^\/queue$/iu.test(text.trim());

/** `T-1001 <message>` (or `t1001: …`): the ticket id and the message after it. */
export function ticketAddressed(text: string): { ticketId: string; text: string } | undefined {
  const m = /^\s*T-?(\d{3,8})\b[\s:：,，]*([\s\S]*)$/iu.exec(text);
  return m ? { ticketId: `T-${m[1]}`, text: m[2]!.trim() } : undefined;
}
