import type { Logger, LogFields } from '../log.js';
import type { TelemetryConfig } from './telemetryConfig.js';

export interface Telemetry {
  /** The same logger, whose info, warn and error events also go to Application Insights. */
  wrap(logger: Logger): Logger;
  /** Sends what is buffered and stops. */
  shutdown(): Promise<void>;
}

/** Events that are the bot's own story (custom events); every other log line goes as a trace. */
const CUSTOM_EVENTS = new Set([
  'turn',
  'intent',
  'ticket_opened',
  'handoff_status',
  'handoff_relayed',
  'handoff_lapsed',
  'service_request_submitted',
]);
const SEVERITY = { info: 9, warn: 13, error: 17 } as const;
const SHUTDOWN_MS = 5_000;

/**
 * Traces and requests (incoming and outgoing HTTP, as the OpenTelemetry HTTP instrumentation records them) and the
 * bot's log events, to Application Insights through Microsoft's Azure Monitor OpenTelemetry exporter. Loaded only
 * when configured, and before the HTTP modules, so that they are instrumented. Log events carry ids and
 * measurements only (see log.ts); debug lines, the only ones that may hold message text, are never sent.
 * Not the full @azure/monitor-opentelemetry distro: it always probes the VM metadata service, and its
 * statsbeat reports to the global cloud's ingestion endpoint, neither right for Azure operated by 21Vianet.
 */
export async function startTelemetry(config: TelemetryConfig): Promise<Telemetry> {
  // The exporter's SDK statistics go to the global cloud (westus) whatever the connection string: off.
  process.env.APPLICATION_INSIGHTS_NO_STATSBEAT = 'true';
  const [exporter, logs, traces, resources, instrumentation, http] = await Promise.all([
    import('@azure/monitor-opentelemetry-exporter'),
    import('@opentelemetry/sdk-logs'),
    import('@opentelemetry/sdk-trace-node'),
    import('@opentelemetry/resources'),
    import('@opentelemetry/instrumentation'),
    import('@opentelemetry/instrumentation-http'),
  ]);
  const options = { connectionString: config.connectionString, disableOfflineStorage: true };
  const resource = resources.resourceFromAttributes({ 'service.name': 'csp-support-bot' });
  const tracerProvider = new traces.NodeTracerProvider({
    resource,
    spanProcessors: [new traces.BatchSpanProcessor(new exporter.AzureMonitorTraceExporter(options))],
  });
  tracerProvider.register();
  const loggerProvider = new logs.LoggerProvider({
    resource,
    processors: [new logs.BatchLogRecordProcessor(new exporter.AzureMonitorLogExporter(options))],
  });
  const disable = instrumentation.registerInstrumentations({
    tracerProvider,
    // Request and dependency telemetry: method, route, status and duration; never a body.
    instrumentations: [new http.HttpInstrumentation()],
  });
  const otel = loggerProvider.getLogger('csp-support-bot');
  const send = (level: keyof typeof SEVERITY, event: string, fields: LogFields = {}) => {
    const attributes: Record<string, string | number | boolean> = { event };
    for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== null) attributes[k] = v;
    if (CUSTOM_EVENTS.has(event)) attributes['microsoft.custom_event.name'] = event;
    otel.emit({ severityNumber: SEVERITY[level], severityText: level.toUpperCase(), body: event, attributes });
  };
  return {
    wrap: (logger) => ({
      debug: (event, fields) => logger.debug(event, fields),
      info: (event, fields) => (logger.info(event, fields), send('info', event, fields)),
      warn: (event, fields) => (logger.warn(event, fields), send('warn', event, fields)),
      error: (event, fields) => (logger.error(event, fields), send('error', event, fields)),
    }),
    shutdown: async () => {
      disable();
      // An unreachable endpoint must not hold up the stop: at most a few seconds for the last batch.
      const flushed = Promise.allSettled([tracerProvider.shutdown(), loggerProvider.shutdown()]);
      await Promise.race([flushed, new Promise((done) => setTimeout(done, SHUTDOWN_MS).unref())]);
    },
  };
}
