import type { Locale } from '../i18n/locale.js';
import { messages } from '../i18n/messages.js';

/**
 * The services' health, one line per locale, for the handoff ticket (the service health sources
 * implement it in the app). Plain TypeScript: a port, not a client.
 */
export type HealthSummary = (serviceIds: readonly string[]) => Promise<Readonly<Record<Locale, string>>>;

/** Never throws and never waits long: a missing, failing or slow source reads "unknown", not "healthy". */
export async function summariseHealth(
  source: HealthSummary | undefined,
  serviceIds: readonly string[],
  timeoutMs = 2000,
): Promise<Readonly<Record<Locale, string>>> {
  const unknown = { 'zh-CN': messages('zh-CN').escalation.handoff.healthUnknown, en: messages('en').escalation.handoff.healthUnknown };
  if (!source) return unknown;
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), timeoutMs)));
    const got = await Promise.race([source(serviceIds), timeout]);
    return got && typeof got['zh-CN'] === 'string' && typeof got.en === 'string' ? got : unknown;
  } catch {
    return unknown;
  } finally {
    clearTimeout(timer);
  }
}
