import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Azurite's published development account (documented, not a secret). */
const ACCOUNT = 'devstoreaccount1';
const KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface Azurite {
  readonly connectionString: string;
  /** The account's blob endpoint, for clients with a token credential. */
  readonly accountUrl: string;
  /** A container name no other test uses. */
  container(): string;
  stop(): Promise<void>;
}

export interface AzuriteOptions {
  /** HTTPS with this certificate and key (PEM files), and OAuth bearer tokens checked (`--oauth basic`, HTTPS only). */
  readonly oauthHttps?: { readonly cert: string; readonly key: string };
}

/** Starts the Azurite blob service in memory on a free loopback port. */
export async function startAzurite(options: AzuriteOptions = {}): Promise<Azurite> {
  const main = join(dirname(createRequire(import.meta.url).resolve('azurite/package.json')), 'dist/src/blob/main.js');
  const tls = options.oauthHttps ? ['--oauth', 'basic', '--cert', options.oauthHttps.cert, '--key', options.oauthHttps.key] : [];
  const child: ChildProcess = spawn(
    process.execPath,
    [
      main,
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      '0',
      '--inMemoryPersistence',
      '--skipApiVersionCheck',
      '--disableTelemetry',
      '--loose',
      ...tls,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Azurite did not start: ${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /listens on https?:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`Azurite exited with ${code}: ${output}`)));
  });
  child.stdout!.resume();
  child.stderr!.resume();
  const scheme = options.oauthHttps ? 'https' : 'http';
  return {
    connectionString: `DefaultEndpointsProtocol=${scheme};AccountName=${ACCOUNT};AccountKey=${KEY};BlobEndpoint=${scheme}://127.0.0.1:${port}/${ACCOUNT}`,
    accountUrl: `${scheme}://127.0.0.1:${port}/${ACCOUNT}`,
    container: () => `test-${randomBytes(6).toString('hex')}`,
    stop: () =>
      new Promise<void>((resolve) => {
        process.off('exit', killOnExit);
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
