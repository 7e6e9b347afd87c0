/** The benchmark's rows: samples → median (min–max), ratio to the baseline, target met or not. */
import { median } from './measure';

export interface Row {
  metric: string;
  unit: 'ms' | 'fps' | 'count' | 'MB' | 'KB';
  ours: number[];
  /** Samples of the bare React Flow page, measured in the same run; null: no counterpart. */
  baseline: number[] | null;
  target: string;
  /** Whether the target is met, from our median and the ratio (ours ÷ baseline medians). */
  check: ((ours: number, ratio: number) => boolean) | null;
}

export interface RowResult {
  metric: string;
  unit: string;
  ours: { median: number; min: number; max: number; samples: number[] };
  baseline: { median: number; min: number; max: number; samples: number[] } | null;
  ratio: number | null;
  target: string;
  met: boolean | null;
}

function summary(samples: number[]) {
  const ok = samples.filter((s) => Number.isFinite(s));
  return {
    median: median(ok),
    min: ok.length ? Math.min(...ok) : Number.NaN,
    max: ok.length ? Math.max(...ok) : Number.NaN,
    samples,
  };
}

export function evaluate(row: Row): RowResult {
  const ours = summary(row.ours);
  const baseline = row.baseline ? summary(row.baseline) : null;
  const ratio = baseline ? ours.median / baseline.median : null;
  const met =
    row.check && Number.isFinite(ours.median) ? row.check(ours.median, ratio ?? Number.NaN) : null;
  return { metric: row.metric, unit: row.unit, ours, baseline, ratio, target: row.target, met };
}

function fmt(n: number, unit: string): string {
  if (!Number.isFinite(n)) return '—';
  const digits = unit === 'count' ? 0 : Math.abs(n) >= 100 ? 0 : Math.abs(n) >= 10 ? 1 : 2;
  return n.toFixed(digits);
}

function cell(s: RowResult['ours'] | null, unit: string): string {
  if (!s) return '—';
  const suffix = unit === 'count' ? '' : ` ${unit}`;
  return s.samples.length > 1
    ? `${fmt(s.median, unit)} (${fmt(s.min, unit)}–${fmt(s.max, unit)})${suffix}`
    : `${fmt(s.median, unit)}${suffix}`;
}

/** The one table, as Markdown (readable in a terminal and pasteable into the README). */
export function table(results: RowResult[]): string {
  const head = ['metric', 'ours: median (min–max)', 'baseline', 'ratio', 'target', 'met?'];
  const lines = results.map((r) => [
    r.metric,
    cell(r.ours, r.unit),
    cell(r.baseline, r.unit),
    r.ratio === null || !Number.isFinite(r.ratio) ? '—' : `${r.ratio.toFixed(2)}×`,
    r.target,
    r.met === null ? '—' : r.met ? 'yes' : '**no**',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [row(head), row(widths.map((w) => '-'.repeat(w))), ...lines.map(row)].join('\n');
}
