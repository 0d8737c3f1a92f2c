/** Prints rows of figures with their same-run baseline and the ratio between them. */
export interface Row {
  readonly name: string;
  readonly ours: number;
  readonly baseline: number;
  readonly unit: string;
  /** Which way is better, to say whether a ratio above 1 is good. */
  readonly better: 'higher' | 'lower';
}

export function printRows(title: string, baselineName: string, rows: readonly Row[]): void {
  console.log(`\n${title}`);
  console.log(`${'metric'.padEnd(34)}${'ours'.padStart(12)}${baselineName.padStart(14)}${'ratio'.padStart(9)}`);
  for (const r of rows) {
    const ratio = r.baseline === 0 ? NaN : r.ours / r.baseline;
    const fmt = (v: number) => `${v >= 100 ? v.toFixed(0) : v.toFixed(2)} ${r.unit}`;
    console.log(`${r.name.padEnd(34)}${fmt(r.ours).padStart(12)}${fmt(r.baseline).padStart(14)}${ratio.toFixed(2).padStart(9)}  (${r.better} is better)`);
  }
}
