import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FEATURE_BITS, featurize } from './features.js';
import { INTENTS } from './intents.js';
import { DEFAULT_TRAINING, LinearModel, type SavedLinearModel } from './linearModel.js';

/** Sentences through the featurizer and a tiny training run: their result changes when the code's behaviour does. */
const PROBE = ['我的发票在哪里？', 'I cannot sign in to Outlook on my phone', '帮我重置 O365 密码', 'licence renewal e-mail 21v'];

/** The trained model's name: the utterance files' bytes and how this code featurizes and trains. */
export async function modelKey(intentsDir: string): Promise<string> {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([FEATURE_BITS, INTENTS, DEFAULT_TRAINING]));
  const examples = PROBE.map((text, i) => ({ x: featurize(text), y: i % 2 }));
  const probe = LinearModel.train(examples, ['a', 'b'], { epochs: 3 }).save();
  for (const e of examples) hash.update(e.x.index);
  for (const a of [probe.rowOf, probe.weights, probe.bias, probe.idf]) hash.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  hash.update(String(probe.unseenIdf));
  for (const name of (await readdir(intentsDir)).filter((n) => /\.ya?ml$/.test(n)).sort()) {
    hash.update(`\n${name}\n`);
    hash.update(await readFile(join(intentsDir, name)));
  }
  return hash.digest('base64url');
}

const base64 = (a: Int32Array | Float32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
/** A copy, so that the typed array is aligned whatever the Buffer's offset. */
const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'base64')).buffer;

export function encodeModel(key: string, model: SavedLinearModel): string {
  const { classes, rowOf, weights, bias, idf, unseenIdf } = model;
  return JSON.stringify({ key, classes, unseenIdf, rowOf: base64(rowOf), weights: base64(weights), bias: base64(bias), idf: base64(idf) });
}

/** The saved model when it was saved under `key`; undefined for another key or an unreadable file. */
export function decodeModel(json: string, key: string): SavedLinearModel | undefined {
  try {
    const d = JSON.parse(json) as Record<string, unknown>;
    if (d.key !== key || !Array.isArray(d.classes) || typeof d.unseenIdf !== 'number') return undefined;
    const [rowOf, weights, bias, idf] = (['rowOf', 'weights', 'bias', 'idf'] as const).map((k) => bytes(String(d[k])));
    return {
      classes: d.classes as string[], unseenIdf: d.unseenIdf,
      rowOf: new Int32Array(rowOf!), weights: new Float32Array(weights!), bias: new Float32Array(bias!), idf: new Float32Array(idf!),
    };
  } catch {
    return undefined;
  }
}
