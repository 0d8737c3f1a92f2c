import type { ConfigReader } from '../configReader.js';

/** Azure Monitor (Application Insights) through OpenTelemetry. */
export interface TelemetryConfig {
  readonly connectionString: string;
  /** From the connection string, e.g. https://chinanorth3-0.in.applicationinsights.azure.cn/ (no trailing slash). */
  readonly ingestionEndpoint: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * APPLICATIONINSIGHTS_CONNECTION_STRING as the portal gives it. Its IngestionEndpoint is required: without
 * one the exporter would send to the global cloud's endpoint, never right for Azure operated by 21Vianet.
 */
export function readTelemetry(r: ConfigReader): TelemetryConfig | undefined {
  const connectionString = r.get('APPLICATIONINSIGHTS_CONNECTION_STRING');
  if (connectionString === undefined) return undefined;
  const parts = new Map(
    connectionString
      .split(';')
      .filter(Boolean)
      .map((p) => {
        const at = p.indexOf('=');
        return [p.slice(0, at).trim().toLowerCase(), p.slice(at + 1).trim()] as const;
      }),
  );
  const key = parts.get('instrumentationkey');
  const endpoint = parts.get('ingestionendpoint');
  const problems: string[] = [];
  if (!key || !GUID.test(key)) problems.push('an InstrumentationKey GUID');
  let ingestionEndpoint: string | undefined;
  try {
    const url = new URL(endpoint ?? '');
    if (url.protocol === 'https:' || url.protocol === 'http:') ingestionEndpoint = url.href.replace(/\/+$/, '');
  } catch {
    // reported below
  }
  if (!ingestionEndpoint) problems.push('an IngestionEndpoint URL');
  if (problems.length > 0) {
    const what = problems.join(' and ');
    r.problems.push(`APPLICATIONINSIGHTS_CONNECTION_STRING needs ${what} (copy it from the Application Insights resource)`);
    return undefined;
  }
  return { connectionString, ingestionEndpoint: ingestionEndpoint! };
}
