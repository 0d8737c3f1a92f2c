import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generate } from 'selfsigned';

export interface TestCertificate {
  readonly cert: string;
  readonly key: string;
  /** PEM files, e.g. for NODE_EXTRA_CA_CERTS in a child process. */
  readonly certFile: string;
  readonly keyFile: string;
}

/** A throw-away certificate for localhost and 127.0.0.1, written to `dir`: loopback HTTPS stand-ins trust only it. */
export async function selfSignedCert(dir: string): Promise<TestCertificate> {
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], { keySize: 2048 });
  const certFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  await writeFile(certFile, pems.cert);
  await writeFile(keyFile, pems.private);
  return { cert: pems.cert, key: pems.private, certFile, keyFile };
}
