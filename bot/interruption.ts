/** Commands that work at any point of any dialog. Plain text matching: they must never depend on the recognizer. */
export type Interruption = 'cancel' | 'help' | 'startOver' | 'agent';

const PATTERNS: ReadonlyArray<readonly [Interruption, RegExp]> = [
  ['cancel', /^(?:cancel|stop|quit|exit|never ?mind|取消|退出|不办了)$/iu],
  ['help', /^(?:help|menu|\?|？|帮助|菜单|帮助菜单)$/iu],
  ['startOver', /^(?:start ?over|restart|reset|重新开始|从头开始|重来)$/iu],
  ['agent', /^(?:agent|human|(?:talk to )?(?:a )?(?:person|human|agent)|转人工|人工|人工客服|找人工)$/iu],
];

export function detectInterruption(text: string): Interruption | undefined {
  const normalized = text
    .normalize('NFKC')
    .trim()
    .replace(/[.!。！~～]+$/u, '')
    .trim();
  return PATTERNS.find(([, re]) => re.test(normalized))?.[0];
}
