import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { writeFileDurably } from '../storage/durableFile.js';

const FILE = 'admin-endpoint.json';

/** Where the running bot listens, so the ticket console finds it whatever PORT it was given. */
export interface AdminEndpoint {
  readonly pid: number;
  readonly port: number;
}

/** Written after the bot listens; the returned function removes it on stop. */
export async function publishAdminEndpoint(dataDir: string, port: number): Promise<() => Promise<void>> {
  const file = join(dataDir, FILE);
  await writeFileDurably(file, JSON.stringify({ pid: process.pid, port } satisfies AdminEndpoint));
  return async () => {
    const current = await readAdminEndpoint(dataDir);
    if (current?.pid === process.pid) await fs.rm(file, { force: true });
  };
}

export async function readAdminEndpoint(dataDir: string): Promise<AdminEndpoint | undefined> {
  try {
    const v = JSON.parse(await fs.readFile(join(dataDir, FILE), 'utf8')) as Partial<AdminEndpoint>;
    return Number.isInteger(v.pid) && Number.isInteger(v.port) ? (v as AdminEndpoint) : undefined;
  } catch {
    return undefined;
  }
}
