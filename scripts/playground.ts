// npm run playground [-- <Agents Playground options>]: Microsoft 365 Agents Playground against the bot
// on PORT (start it first with npm start). Prints the Playground's URL; opens a browser only where
// there is a desktop to open it on, so it also works over SSH or in a container.
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { loadConfig, readEnvironment, type Env } from '../bot/config.js';

const env = readEnvironment();
const config = loadConfig(env);
const args = process.argv.slice(2);
const has = (...names: string[]) => args.some((a) => names.some((n) => a === n || a.startsWith(`${n}=`)));

function onPath(command: string, path: string | undefined): boolean {
  return (path ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** The Playground opens its page with xdg-open on Linux; without a desktop that fails or hangs. */
function canOpenBrowser(e: Env, platform: NodeJS.Platform = process.platform): boolean {
  if (e.BROWSER === 'none') return false;
  if (platform === 'win32' || platform === 'darwin') return true;
  return Boolean(e.DISPLAY || e.WAYLAND_DISPLAY) && onPath('xdg-open', e.PATH);
}

// The bot listens on 127.0.0.1 without an app id; "localhost" may resolve to ::1 first.
const botHost = ['127.0.0.1', '0.0.0.0', '::'].includes(config.host)
  ? '127.0.0.1'
  : config.host.includes(':')
    ? `[${config.host}]`
    : config.host;
const endpoint = `http://${botHost}:${config.port}/api/messages`;
if (config.auth && !has('--client-id', '--cid')) {
  console.error(
    'The bot has a MicrosoftAppId: the Playground then needs --client-id, --client-secret and --tenant-id. ' +
      'For local tests, start the bot without an app id.',
  );
}
const reachable = await fetch(`http://${botHost}:${config.port}/healthz`, { signal: AbortSignal.timeout(1000) }).then(
  (r) => r.ok,
  () => false,
);
if (!reachable) console.error(`No bot answers on ${endpoint} yet: start it with "npm start" in another terminal.`);

const cli = join(dirname(createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/package.json')), 'cli.js');
const logFile = join(config.dataDir, 'm365agentsplayground.log');
mkdirSync(config.dataDir, { recursive: true });
const childArgs = [
  cli,
  ...(has('-e', '--app-endpoint') ? [] : ['--app-endpoint', endpoint]),
  ...(has('--disable-telemetry', '--dt') ? [] : ['--disable-telemetry']),
  ...args,
];
const openBrowser = canOpenBrowser(env);
const child = spawn(process.execPath, childArgs, {
  env: {
    ...env,
    // The Playground writes its log to ./devTools by default; keep it with the other local data.
    M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
    ...(!openBrowser && { TEAMSAPPTESTER_BROWSER: 'none' }),
  },
  stdio: ['inherit', 'pipe', 'inherit'],
});

let announced = false;
child.stdout.on('data', (chunk: Buffer) => {
  const text = chunk.toString();
  process.stdout.write(text);
  const port = /Listening on (\d+)/.exec(text)?.[1];
  if (port && !announced) {
    announced = true;
    console.log(`Microsoft 365 Agents Playground: http://localhost:${port}  (bot: ${endpoint}; log: ${logFile})`);
    if (!openBrowser) console.log('Open that address in a browser on this machine; none was opened here (no desktop).');
  }
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
