import { FEATURE_BITS, type SparseVector } from './features.js';

/** What training uses unless told otherwise (part of the saved model's key). */
export const DEFAULT_TRAINING = { epochs: 30, learningRate: 2, l2: 1e-6, seed: 7 } as const;

/** A trained model's arrays: what the start-up cache saves and restores. */
export interface SavedLinearModel {
  readonly classes: readonly string[];
  readonly rowOf: Int32Array;
  readonly weights: Float32Array;
  readonly bias: Float32Array;
  readonly idf: Float32Array;
  readonly unseenIdf: number;
}

export interface TrainingOptions {
  readonly epochs?: number;
  readonly learningRate?: number;
  readonly l2?: number;
  readonly seed?: number;
}

/**
 * Multinomial logistic regression over hashed sparse features, trained with plain SGD. Only features
 * seen in training get a row of weights (about one in six of the hashed space; an unseen feature's
 * weights would stay zero anyway), so the table is small enough to stay in the CPU cache while training.
 * Features are weighted by inverse document frequency (in place of the vector's own values), so words
 * every intent uses ("I", "my", "的") count less than the ones that tell intents apart. A feature never
 * seen in training still counts, with the highest idf, in the vector's length: unknown words lower
 * the confidence, which is what sends off-topic messages below the threshold.
 */
export class LinearModel {
  private constructor(
    readonly classes: readonly string[],
    /** Row of each hashed feature in `weights`, or -1 for a feature never seen in training. */
    private readonly rowOf: Int32Array,
    /** rows × classes, one row per feature, classes adjacent. */
    private readonly weights: Float32Array,
    private readonly bias: Float32Array,
    /** Inverse document frequency of each row's feature. */
    private readonly idf: Float32Array,
    /** The same for a feature never seen in training (document frequency 0). */
    private readonly unseenIdf: number,
  ) {}

  static train(
    examples: ReadonlyArray<{ x: SparseVector; y: number }>,
    classes: readonly string[],
    options: TrainingOptions = {},
  ): LinearModel {
    const d = DEFAULT_TRAINING;
    const { epochs = d.epochs, learningRate = d.learningRate, l2 = d.l2, seed = d.seed } = options;
    const k = classes.length;
    const rowOf = new Int32Array(1 << FEATURE_BITS).fill(-1);
    let rows = 0;
    // Each example as offsets into the weight table, computed once instead of once per epoch.
    const offsets = examples.map(({ x }) => {
      const out = new Uint32Array(x.index.length);
      for (let f = 0; f < x.index.length; f++) {
        const h = x.index[f]!;
        if (rowOf[h] === -1) rowOf[h] = rows++;
        out[f] = rowOf[h]! * k;
      }
      return out;
    });
    // Smoothed idf, as in common tf-idf implementations: ln((1 + n) / (1 + df)) + 1.
    const df = new Float64Array(rows);
    for (const at of offsets) for (const o of at) df[o / k]!++;
    const idf = Float32Array.from(df, (d) => Math.log((1 + examples.length) / (1 + d)) + 1);
    const unseenIdf = Math.log(1 + examples.length) + 1;
    const values = offsets.map((at) => unitWeights(Float32Array.from(at, (o) => idf[o / k]!)));
    const weights = new Float32Array(rows * k);
    const bias = new Float32Array(k);
    const order = Uint32Array.from(examples.keys());
    let rand = seed >>> 0;
    const next = () => (rand = (Math.imul(rand, 1664525) + 1013904223) >>> 0) / 4294967296;
    const probs = new Float64Array(k);
    const step = new Float64Array(k);
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const t = order[i]!;
        order[i] = order[j]!;
        order[j] = t;
      }
      const lr = learningRate / (1 + epoch * 0.15);
      const decay = 1 - lr * l2;
      for (const idx of order) {
        const at = offsets[idx]!;
        const value = values[idx]!;
        const y = examples[idx]!.y;
        scores(at, value, weights, bias, probs);
        softmaxInPlace(probs);
        let active = false;
        for (let c = 0; c < k; c++) {
          const g = probs[c]! - (c === y ? 1 : 0);
          // Classes already predicted right need no update; skipping them is most of the speed.
          step[c] = Math.abs(g) < 1e-4 ? 0 : lr * g;
          if (step[c] !== 0) {
            active = true;
            bias[c]! -= step[c]! * 0.1;
          }
        }
        if (!active) continue;
        for (let f = 0; f < at.length; f++) {
          const base = at[f]!;
          const v = value[f]!;
          for (let c = 0; c < k; c++) {
            const s = step[c]!;
            if (s !== 0) weights[base + c] = weights[base + c]! * decay - s * v;
          }
        }
      }
    }
    return new LinearModel(classes, rowOf, weights, bias, idf, unseenIdf);
  }

  save(): SavedLinearModel {
    return { classes: this.classes, rowOf: this.rowOf, weights: this.weights, bias: this.bias, idf: this.idf, unseenIdf: this.unseenIdf };
  }

  static restore(s: SavedLinearModel): LinearModel {
    return new LinearModel(s.classes, s.rowOf, s.weights, s.bias, s.idf, s.unseenIdf);
  }

  /** Class probabilities, summing to 1. */
  predict(x: SparseVector): Float64Array {
    const k = this.classes.length;
    const out = new Float64Array(k);
    for (let c = 0; c < k; c++) out[c] = this.bias[c]!;
    // Two passes instead of a weighted copy: classifying allocates nothing but the result.
    let sq = 0;
    for (const h of x.index) {
      const row = this.rowOf[h]!;
      const w = row < 0 ? this.unseenIdf : this.idf[row]!;
      sq += w * w;
    }
    const norm = Math.sqrt(sq) || 1;
    for (const h of x.index) {
      const row = this.rowOf[h]!;
      if (row < 0) continue;
      const base = row * k;
      const v = this.idf[row]! / norm;
      for (let c = 0; c < k; c++) out[c]! += this.weights[base + c]! * v;
    }
    return softmaxInPlace(out);
  }
}

function scores(at: Uint32Array, value: Float32Array, weights: Float32Array, bias: Float32Array, out: Float64Array): void {
  const k = out.length;
  for (let c = 0; c < k; c++) out[c] = bias[c]!;
  for (let f = 0; f < at.length; f++) {
    const base = at[f]!;
    const v = value[f]!;
    for (let c = 0; c < k; c++) out[c]! += weights[base + c]! * v;
  }
}

/** Scales `w` in place to unit length. */
function unitWeights(w: Float32Array): Float32Array {
  let sq = 0;
  for (const v of w) sq += v * v;
  const norm = Math.sqrt(sq) || 1;
  for (let i = 0; i < w.length; i++) w[i]! /= norm;
  return w;
}

function softmaxInPlace(v: Float64Array): Float64Array {
  let max = -Infinity;
  for (const s of v) max = Math.max(max, s);
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i] = Math.exp(v[i]! - max);
  for (let i = 0; i < v.length; i++) v[i]! /= sum;
  return v;
}
