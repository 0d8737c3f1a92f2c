import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FEATURE_BITS, featurize } from './features.js';
import { INTENTS } from './intents.js';
import { DEFAULT_TRAINING, LinearModel, type SavedLinearModel } from './linearModel.js';

/** Sentences through the featurizer and a tiny training run: their result changes when the code's behaviour does. */
const PROBE = [
  '我的发票在哪里？',
  'I cannot sign in to Outlook on my phone',
  '帮我重置 O365 密码',
  'licence renewal e-mail 21v',
  'r u down rn, 帮我瞅瞅',
];

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

type Arrays = Pick<SavedLinearModel, 'rowOf' | 'weights' | 'bias' | 'idf'>;
const ARRAYS = ['rowOf', 'weights', 'bias', 'idf'] as const;

/** A JSON header (key, classes, array lengths; padded to 4 bytes), then the arrays' bytes: read back without parsing numbers. */
export function encodeModel(key: string, model: SavedLinearModel): Buffer {
  const lengths = ARRAYS.map((k) => model[k].length);
  const header = Buffer.from(JSON.stringify({ key, classes: model.classes, unseenIdf: model.unseenIdf, lengths }));
  const padded = Buffer.concat([header, Buffer.alloc((4 - ((4 + header.length) % 4)) % 4, 0x20)]);
  const size = Buffer.alloc(4);
  size.writeUInt32LE(padded.length);
  return Buffer.concat([size, padded, ...ARRAYS.map((k) => Buffer.from(model[k].buffer, model[k].byteOffset, model[k].byteLength))]);
}

/** The saved model when it was saved under `key`; undefined for another key or a damaged file. */
export function decodeModel(bytes: Uint8Array, key: string): SavedLinearModel | undefined {
  try {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const size = buf.readUInt32LE(0);
    type Header = { key?: unknown; classes?: unknown; unseenIdf?: unknown; lengths?: unknown };
    const h = JSON.parse(buf.subarray(4, 4 + size).toString('utf8')) as Header;
    if (h.key !== key || !Array.isArray(h.classes) || typeof h.unseenIdf !== 'number' || !Array.isArray(h.lengths)) return undefined;
    const lengths = h.lengths as number[];
    if (buf.length !== 4 + size + 4 * lengths.reduce((a, b) => a + b, 0)) return undefined;
    // A copy into a fresh, aligned buffer: the file's bytes may sit at any offset.
    const body = new Uint8Array(buf.subarray(4 + size)).buffer;
    let at = 0;
    const take = <T>(make: (b: ArrayBuffer, offset: number, n: number) => T, n: number) => ((at += 4 * n), make(body, at - 4 * n, n));
    const arrays: Arrays = {
      rowOf: take((b, o, n) => new Int32Array(b, o, n), lengths[0]!),
      weights: take((b, o, n) => new Float32Array(b, o, n), lengths[1]!),
      bias: take((b, o, n) => new Float32Array(b, o, n), lengths[2]!),
      idf: take((b, o, n) => new Float32Array(b, o, n), lengths[3]!),
    };
    return { classes: h.classes as string[], unseenIdf: h.unseenIdf, ...arrays };
  } catch {
    return undefined;
  }
}
