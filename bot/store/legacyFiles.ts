import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { DocumentStore } from './documentStore.js';
import { NEW_DOCUMENT } from './documentStore.js';
import { CorruptDataError } from './errors.js';

/** Whole-file data of earlier versions, by the key each now lives under. */
const SINGLE_FILES: ReadonlyArray<readonly [string, string]> = [
  ['directory.json', 'directory'],
  ['service-health.json', 'health/notices'],
];

async function readLegacy(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new CorruptDataError(file, 'not valid JSON', { cause: err });
  }
}

/**
 * Earlier versions kept tickets, the directory, health notices and feedback as whole files in DATA_DIR.
 * Each is copied once into the store (never over a newer document) and renamed `*.imported`, so nothing
 * a reseller had is lost on upgrade. Conversation state of the old journal is not carried over.
 */
export async function importLegacyFiles(dataDir: string, store: DocumentStore): Promise<void> {
  const done = (file: string) => fs.rename(file, `${file}.imported`);
  for (const [name, key] of SINGLE_FILES) {
    const file = join(dataDir, name);
    const data = await readLegacy(file);
    if (data === undefined) continue;
    if (typeof data !== 'object' || data === null) throw new CorruptDataError(file, 'not a JSON object');
    if (!(await store.read([key]))[key]) await store.write({ [key]: { ...(data as Record<string, unknown>), eTag: NEW_DOCUMENT } });
    await done(file);
  }
  const ticketsFile = join(dataDir, 'tickets.json');
  const tickets = (await readLegacy(ticketsFile)) as { nextNumber?: unknown; tickets?: unknown } | undefined;
  if (tickets !== undefined) {
    if (!Array.isArray(tickets.tickets)) throw new CorruptDataError(ticketsFile, 'not a ticket file', { path: '$.tickets' });
    for (const t of tickets.tickets as Array<Record<string, unknown>>) {
      const key = `tickets/${String(t.id)}`;
      if (!(await store.read([key]))[key]) await store.write({ [key]: { ...t, eTag: NEW_DOCUMENT } });
    }
    // The counter itself is repaired by the ticket store the first time an id is already taken.
    await done(ticketsFile);
  }
  const feedbackFile = join(dataDir, 'feedback.json');
  const feedback = (await readLegacy(feedbackFile)) as { feedback?: Array<{ at: string }>; unanswered?: Array<{ at: string }> } | undefined;
  if (feedback !== undefined) {
    const days = new Map<string, { feedback: unknown[]; unanswered: unknown[] }>();
    const dayOf = (at: string) =>
      days.get(at.slice(0, 10)) ?? days.set(at.slice(0, 10), { feedback: [], unanswered: [] }).get(at.slice(0, 10))!;
    for (const f of feedback.feedback ?? []) dayOf(f.at).feedback.push(f);
    for (const u of feedback.unanswered ?? []) dayOf(u.at).unanswered.push(u);
    for (const [day, entries] of days) {
      const key = `feedback/${day}`;
      if (!(await store.read([key]))[key]) await store.write({ [key]: { ...entries, eTag: NEW_DOCUMENT } });
    }
    await done(feedbackFile);
  }
}
