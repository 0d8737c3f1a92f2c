import type { GraphConfig } from '../integrationConfig.js';
import type { Logger } from '../log.js';
import { CombinedHealthSource } from './combinedHealthSource.js';
import { EmbeddedHealthSource } from './embeddedHealthSource.js';
import { GraphClient } from './graphClient.js';
import { GraphHealthSource } from './graphHealthSource.js';
import type { HealthNotices } from './healthNotices.js';
import type { HealthSource } from './types.js';

/** The reseller's notices always; Graph on top for Microsoft 365 services when its keys are set. */
export function createHealthSource(notices: HealthNotices, graph: GraphConfig | undefined, logger: Logger): HealthSource {
  const embedded = new EmbeddedHealthSource(notices, logger);
  return graph ? new CombinedHealthSource(new GraphHealthSource(new GraphClient(graph), { logger }), embedded) : embedded;
}
