/** Classification metrics for the NLU evaluation: accuracy, per-label P/R/F1, macro-F1, confusion. */
export interface LabelScore {
  readonly label: string;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly support: number;
}

export interface Metrics {
  readonly count: number;
  readonly accuracy: number;
  /** Mean F1 over the labels present in the gold data. */
  readonly macroF1: number;
  readonly perLabel: readonly LabelScore[];
  /** confusion[gold][predicted] = count */
  readonly confusion: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

export function computeMetrics(pairs: ReadonlyArray<{ gold: string; predicted: string }>): Metrics {
  const labels = [...new Set(pairs.flatMap((p) => [p.gold, p.predicted]))].sort();
  const confusion: Record<string, Record<string, number>> = {};
  for (const { gold, predicted } of pairs) {
    confusion[gold] ??= {};
    confusion[gold][predicted] = (confusion[gold][predicted] ?? 0) + 1;
  }
  const perLabel = labels.map((label) => {
    const tp = confusion[label]?.[label] ?? 0;
    const predictedCount = pairs.filter((p) => p.predicted === label).length;
    const support = pairs.filter((p) => p.gold === label).length;
    const precision = predictedCount === 0 ? 0 : tp / predictedCount;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, precision, recall, f1, support };
  });
  const gold = perLabel.filter((l) => l.support > 0);
  return {
    count: pairs.length,
    accuracy: pairs.length === 0 ? 0 : pairs.filter((p) => p.gold === p.predicted).length / pairs.length,
    macroF1: gold.length === 0 ? 0 : gold.reduce((s, l) => s + l.f1, 0) / gold.length,
    perLabel,
    confusion,
  };
}
