/** What the bot says about its own reliability (issue: reliability, security, scale-out). */
export interface ReliabilityMessages {
  /** Two messages of one conversation were handled at the same time on two instances; the later one was not kept. */
  readonly sendAgain: string;
}
