import type { BotConfig } from '../../bot/config.js';
import { demoDirectory } from '../../bot/directory/demoDirectory.js';
import type { DirectoryData } from '../../bot/directory/types.js';
import type { StoredIncident } from '../../bot/health/healthNotices.js';
import { seedDemoIncident } from '../../bot/health/demoIncident.js';
import { openStorage } from '../../bot/store/openStorage.js';

/**
 * Writes the demo directory and the one active demo incident to the configured storage. `npm run seed:demo`
 * and the conversation runner both seed through here, so the runner's bot sees exactly the demo data.
 */
export async function seedDemoData(
  config: Pick<BotConfig, 'storage' | 'blob' | 'dataDir'>,
  now = new Date(),
): Promise<{ directory: DirectoryData; incident: StoredIncident }> {
  const { directory, healthNotices } = await openStorage(config);
  const data = demoDirectory();
  await directory.replace(data);
  const incident = await seedDemoIncident(healthNotices, now);
  return { directory: data, incident };
}
