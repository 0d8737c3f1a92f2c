import { FEATURE_BITS, type SparseVector } from './features.js';

export interface TrainingOptions {
  readonly epochs?: number;
  readonly learningRate?: number;
  readonly l2?: number;
  readonly seed?: number;
}

/**
 * Multinomial logistic regression over hashed sparse features, trained with plain SGD. Training
 * uses a dense weight table; afterwards only the rows of features seen in training are kept (about
 * one in six), since an unseen feature's weights stay exactly zero.
 */
export class LinearModel {
  private constructor(
    readonly classes: readonly string[],
    /** Row of each hashed feature in `weights`, or -1 for a feature never seen in training. */
    private readonly rowOf: Int32Array,
    private readonly weights: Float32Array,
    private readonly bias: Float32Array,
  ) {}

  static train(examples: ReadonlyArray<{ x: SparseVector; y: number }>, classes: readonly string[], options: TrainingOptions = {}): LinearModel {
    const { epochs = 40, learningRate = 0.6, l2 = 1e-6, seed = 7 } = options;
    const dims = 1 << FEATURE_BITS;
    const k = classes.length;
    const weights = new Float32Array(dims * k);
    const bias = new Float32Array(k);
    const identity = Int32Array.from({ length: dims }, (_, i) => i);
    const model = new LinearModel(classes, identity, weights, bias);
    const order = examples.map((_, i) => i);
    let rand = seed >>> 0;
    const next = () => ((rand = (Math.imul(rand, 1664525) + 1013904223) >>> 0) / 4294967296);
    const probs = new Float64Array(k);
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      const lr = learningRate / (1 + epoch * 0.15);
      for (const idx of order) {
        const { x, y } = examples[idx]!;
        model.scoresInto(x, probs);
        softmaxInPlace(probs);
        for (let c = 0; c < k; c++) {
          const g = probs[c]! - (c === y ? 1 : 0);
          if (Math.abs(g) < 1e-4) continue;
          bias[c]! -= lr * g * 0.1;
          for (let f = 0; f < x.index.length; f++) {
            const w = x.index[f]! * k + c;
            weights[w] = weights[w]! * (1 - lr * l2) - lr * g * x.value[f]!;
          }
        }
      }
    }
    return LinearModel.compact(classes, weights, bias, examples);
  }

  private static compact(classes: readonly string[], dense: Float32Array, bias: Float32Array, examples: ReadonlyArray<{ x: SparseVector }>): LinearModel {
    const k = classes.length;
    const rowOf = new Int32Array(1 << FEATURE_BITS).fill(-1);
    let rows = 0;
    for (const { x } of examples) for (const f of x.index) if (rowOf[f] === -1) rowOf[f] = rows++;
    const weights = new Float32Array(rows * k);
    for (let f = 0; f < rowOf.length; f++) {
      const row = rowOf[f]!;
      if (row >= 0) weights.set(dense.subarray(f * k, f * k + k), row * k);
    }
    return new LinearModel(classes, rowOf, weights, bias);
  }

  /** Class probabilities, summing to 1. */
  predict(x: SparseVector): Float64Array {
    const out = new Float64Array(this.classes.length);
    this.scoresInto(x, out);
    return softmaxInPlace(out);
  }

  private scoresInto(x: SparseVector, out: Float64Array): void {
    const k = this.classes.length;
    for (let c = 0; c < k; c++) out[c] = this.bias[c]!;
    for (let f = 0; f < x.index.length; f++) {
      const row = this.rowOf[x.index[f]!]!;
      if (row < 0) continue;
      const base = row * k;
      const v = x.value[f]!;
      for (let c = 0; c < k; c++) out[c]! += this.weights[base + c]! * v;
    }
  }
}

function softmaxInPlace(v: Float64Array): Float64Array {
  let max = -Infinity;
  for (const s of v) max = Math.max(max, s);
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i] = Math.exp(v[i]! - max);
  for (let i = 0; i < v.length; i++) v[i]! /= sum;
  return v;
}
