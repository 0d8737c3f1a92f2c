import type { GraphConfig } from '../integrationConfig.js';
import type { Logger } from '../log.js';
import { CombinedHealthSource } from './combinedHealthSource.js';
import { EmbeddedHealthSource } from './embeddedHealthSource.js';
import { GraphClient } from './graphClient.js';
import { GraphHealthSource } from './graphHealthSource.js';
import { HealthFile } from './healthFile.js';
import type { HealthSource } from './types.js';

/** The reseller's file always; Graph on top for Microsoft 365 services when its keys are set. */
export function createHealthSource(dataDir: string, graph: GraphConfig | undefined, logger: Logger): HealthSource {
  const embedded = new EmbeddedHealthSource(new HealthFile(dataDir), logger);
  return graph ? new CombinedHealthSource(new GraphHealthSource(new GraphClient(graph), { logger }), embedded) : embedded;
}
