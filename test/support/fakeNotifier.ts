import type { Locale } from '../../bot/i18n/locale.js';
import type { Notifier, Recipient } from '../../bot/proactive/notifier.js';

/** Records what would be sent, in both languages; `reach` is what notify resolves to. */
export class FakeNotifier implements Notifier {
  readonly sent: Array<{ recipient: Recipient; text: Record<Locale, string> }> = [];
  reach = 1;

  async notify(recipient: Recipient, text: (locale: Locale) => string): Promise<number> {
    this.sent.push({ recipient, text: { en: text('en'), 'zh-CN': text('zh-CN') } });
    return this.reach;
  }
}
