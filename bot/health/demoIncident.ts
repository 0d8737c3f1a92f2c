import type { HealthNotices, StoredIncident } from './healthNotices.js';

export const DEMO_INCIDENT_ID = 'DEMO-1';

/** The demo's one active incident: Exchange mail delays, started an hour before seeding. Re-seeding replaces it. */
export async function seedDemoIncident(file: HealthNotices, now: Date): Promise<StoredIncident> {
  const incident: StoredIncident = {
    id: DEMO_INCIDENT_ID,
    service: 'exchange',
    classification: 'incident',
    status: 'serviceDegradation',
    title: '部分用户收发邮件延迟 / Some users see delays sending and receiving mail',
    impact:
      '外部邮件可能延迟 30 分钟以上送达，网页版和客户端均受影响。/ External mail may arrive more than 30 minutes late, on the web and in Outlook.',
    startTime: new Date(now.getTime() - 3600_000).toISOString(),
    lastUpdate: now.toISOString(),
  };
  await file.update(
    (data) => ({ data: { ...data, incidents: [...data.incidents.filter((i) => i.id !== DEMO_INCIDENT_ID), incident] }, result: undefined }),
    now,
  );
  return incident;
}
