/**
 * The contract every benchmark module follows, so `npm run bench` can run them all and print one
 * table. Each figure is reported with the baseline it was measured against in the same run (the
 * machine varies; ratios against a same-run baseline do not), and with the budget it is held to.
 */
export interface BenchRow {
  /** Section of the table, e.g. "matcher", "content script", "card", "popup", "highlights". */
  group: string;
  /** What was measured, e.g. "hover intent → card painted p95". */
  name: string;
  value: number;
  /** "ms", "MB/s", "bytes", "kB gz", "ranges", ... */
  unit: string;
  /** The same-run baseline this figure is compared with, when there is one. */
  baseline?: { name: string; value: number };
  /** value / baseline.value (or the inverse when higher is better; say which in `name`). */
  ratio?: number;
  /** The goal from the performance budget, as text ("≤ 16 ms", "≥ 5× regex"). */
  budget?: string;
  /** Whether the figure meets the budget; 'info' when there is no budget. */
  status?: 'ok' | 'over' | 'info';
}

export interface BenchContext {
  /** Fewer repetitions and smaller inputs (BENCH_QUICK=1): for checking the bench itself runs. */
  quick: boolean;
  /** Repository root. */
  root: string;
  /**
   * Whether to run the part of a module named `part` (BENCH_PART=<text> runs only the parts whose
   * name contains it, so one row can be measured without the minutes the whole module takes).
   * Absent: every part.
   */
  wants?: (part: string) => boolean;
}

/** `ctx.wants`, defaulting to every part. */
export function wants(ctx: BenchContext, part: string): boolean {
  return ctx.wants?.(part) ?? true;
}

export interface BenchModule {
  title: string;
  run(ctx: BenchContext): Promise<BenchRow[]>;
}

/** p-th percentile (0–100) of a list of samples, nearest-rank. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}
