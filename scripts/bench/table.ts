/** Prints rows of figures with their same-run baseline and the ratio between them, and keeps them for the JSON report. */
export interface Row {
  readonly name: string;
  readonly ours: number;
  readonly baseline: number;
  readonly unit: string;
  /** Which way is better, to say whether a ratio above 1 is good. */
  readonly better: 'higher' | 'lower';
  /** A target on the ratio ours / baseline (or, with `on: 'ours'`, on our own figure), printed as PASS or MISS. */
  readonly target?: { readonly op: '>=' | '<='; readonly value: number; readonly on?: 'ours' };
  /** A second reference for the same figure (the echo bot's floor), shown in its own column. */
  readonly floor?: number;
}

export const atLeast = (value: number): NonNullable<Row['target']> => ({ op: '>=', value });
export const atMost = (value: number, on?: 'ours'): NonNullable<Row['target']> => ({ op: '<=', value, ...(on && { on }) });

export interface Section {
  readonly title: string;
  readonly baselineName: string;
  readonly floorName?: string;
  readonly rows: ReadonlyArray<Row & { readonly ratio: number; readonly pass?: boolean }>;
}

/** Every section printed in this run, in order: bench.ts writes them to bench-results.json. */
export const sections: Section[] = [];

const fmt = (v: number, unit: string) => `${!Number.isFinite(v) ? '–' : v >= 100 ? v.toFixed(0) : v.toFixed(2)} ${unit}`;

export function printRows(title: string, baselineName: string, rows: readonly Row[], floorName?: string): void {
  const done = rows.map((r) => {
    const ratio = r.baseline === 0 ? NaN : r.ours / r.baseline;
    const measured = r.target?.on === 'ours' ? r.ours : ratio;
    const pass = r.target && (r.target.op === '>=' ? measured >= r.target.value : measured <= r.target.value);
    return { ...r, ratio, ...(pass !== undefined && { pass }) };
  });
  sections.push({ title, baselineName, ...(floorName && { floorName }), rows: done });
  const floors = floorName !== undefined && rows.some((r) => r.floor !== undefined);
  console.log(`\n${title}`);
  const head = `${'metric'.padEnd(34)}${'ours'.padStart(13)}${baselineName.padStart(14)}${'ratio'.padStart(8)}`;
  console.log(`${head}${floors ? `${floorName.padStart(13)}${'ours/floor'.padStart(11)}` : ''}  target`);
  for (const r of done) {
    const floor = floors ? `${fmt(r.floor ?? NaN, r.unit).padStart(13)}${(r.floor ? r.ours / r.floor : NaN).toFixed(2).padStart(11)}` : '';
    const t = r.target;
    const goal = t && (t.on === 'ours' ? `ours ${t.op} ${fmt(t.value, r.unit)}` : `${t.op} ${t.value}`);
    const figures = `${fmt(r.ours, r.unit).padStart(13)}${fmt(r.baseline, r.unit).padStart(14)}${r.ratio.toFixed(2).padStart(8)}`;
    console.log(`${r.name.padEnd(34)}${figures}${floor}  ${goal ? `${goal}: ${r.pass ? 'PASS' : 'MISS'}` : ''}`);
  }
}
