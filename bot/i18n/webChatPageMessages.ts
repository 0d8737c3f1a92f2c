/** Text of the local Web Chat test page (GET /). The page switches between both locales in the browser. */
export interface WebChatPageMessages {
  readonly htmlLang: string;
  readonly title: string;
  readonly intro: string;
  readonly languageLabel: string;
  readonly connecting: string;
  readonly connectFailed: string;
  readonly noScript: string;
  readonly footer: string;
  /** GET / when botframework-webchat (a dev dependency) is not installed. */
  readonly unavailableTitle: string;
  readonly unavailableHowTo: string;
}
