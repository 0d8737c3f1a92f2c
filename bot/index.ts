// Composition root: read config, start telemetry when configured, load the recognizer, start the app, stop gracefully on a signal.
import { exposesUnauthenticatedTurns, loadConfig, readEnvironment } from './config.js';
import { createLogger } from './log.js';
import { loggedRecognizer } from './nlu/loggedRecognizer.js';
import type { Telemetry } from './telemetry/startTelemetry.js';

async function main(): Promise<void> {
  const config = loadConfig(readEnvironment());
  // Telemetry first, so that it instruments the HTTP modules the app loads; without the setting nothing of it loads.
  let telemetry: Telemetry | undefined;
  if (config.telemetry) telemetry = await (await import('./telemetry/startTelemetry.js')).startTelemetry(config.telemetry);
  const logger = telemetry ? telemetry.wrap(createLogger(config.logLevel)) : createLogger(config.logLevel);
  // The app's modules load while the recognizer's files are read.
  const app$ = import('./app.js');
  app$.catch(() => undefined); // a load failure surfaces where it is awaited, not as an unhandled rejection
  const { createRecognizer } = await import('./nlu/createRecognizer.js');
  process.on('unhandledRejection', (reason) => {
    logger.error('unhandled_rejection', {
      error: reason instanceof Error ? reason.name : typeof reason,
      detail: reason instanceof Error ? reason.message : undefined,
    });
  });

  const recognizer = loggedRecognizer(await createRecognizer(config, logger), logger);
  const { startApp } = await app$;
  const app = await startApp({ config, logger, recognizer });
  console.error(`Bot ready: POST ${app.url}/api/messages (Bot Framework Emulator: no app id needed)`);
  if (config.localWebChat) console.error(`Web Chat test page: ${app.url}/`);
  if (exposesUnauthenticatedTurns(config)) {
    console.error('WARNING: ALLOW_UNAUTHENTICATED_NETWORK=yes: other machines can run turns on this bot without authentication.');
  }

  let signals = 0;
  const shutdown = (signal: string) => {
    if (++signals > 1) process.exit(1); // a second Ctrl+C means "now"
    logger.info('shutdown', { signal });
    app.stop().then(
      async () => {
        await telemetry?.shutdown();
        process.exit(0);
      },
      (err: unknown) => {
        logger.error('shutdown_failed', { error: err instanceof Error ? err.message : String(err) });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  // Start-up problems (config, a corrupt data file, an unreadable DATA_DIR, the knowledge base) are the
  // operator's to fix: say what is wrong in one message, without a stack trace.
  console.error(err instanceof Error ? `${err.message}` : String(err));
  process.exit(1);
});
