import type { HealthSummary } from '../escalation/healthSummary.js';
import { LOCALES } from '../i18n/locale.js';
import { messages } from '../i18n/messages.js';
import type { HealthSource } from './types.js';

/** The handoff ticket's health line in both languages, from the same source the health dialog uses. */
export function ticketHealthSummary(source: HealthSource): HealthSummary {
  return async (serviceIds) => {
    const reports = await source.check(serviceIds);
    const line = (locale: (typeof LOCALES)[number]) => reports.map((r) => messages(locale).health.line(r.service, r.status)).join('; ');
    return { 'zh-CN': line('zh-CN'), en: line('en') };
  };
}
