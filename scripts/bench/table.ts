/**
 * The bench's one table: every module's rows, aligned as plain text for the terminal and as
 * Markdown for the README. Pure functions, so a unit test keeps the format from rotting.
 */
import type { BenchRow } from './types';

export const COLUMNS = ['group', 'name', 'value', 'baseline', 'ratio', 'budget', 'status'] as const;

/** A figure with sensible precision: 3 significant digits, no exponent for ordinary sizes. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US');
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  if (abs >= 1) return value.toFixed(2);
  if (abs === 0) return '0';
  return value.toPrecision(2);
}

/** The row's cells, in `COLUMNS` order. */
export function cells(row: BenchRow): string[] {
  return [
    row.group,
    row.name,
    `${formatNumber(row.value)} ${row.unit}`.trim(),
    row.baseline ? `${row.baseline.name}: ${formatNumber(row.baseline.value)}` : '',
    row.ratio === undefined ? '' : `${formatNumber(row.ratio)}×`,
    row.budget ?? '',
    row.status ?? 'info',
  ];
}

/** Fixed-width text table for the terminal. */
export function formatTable(rows: readonly BenchRow[]): string {
  const lines = [[...COLUMNS] as string[], ...rows.map(cells)];
  const widths = COLUMNS.map((_, c) => Math.max(...lines.map((line) => line[c]!.length)));
  const render = (line: string[]) => line.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd();
  return [render(lines[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.slice(1).map(render)].join('\n');
}

/** The same table in Markdown, for the README's Performance section. */
export function formatMarkdown(rows: readonly BenchRow[]): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  return [
    `| ${COLUMNS.join(' | ')} |`,
    `|${COLUMNS.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${cells(row).map(escape).join(' | ')} |`),
  ].join('\n');
}

/** Ratio and status for a figure held to "at least" or "at most" a limit. */
export function judge(value: number, budget: { atMost?: number; atLeast?: number }): 'ok' | 'over' {
  if (budget.atMost !== undefined && !(value <= budget.atMost)) return 'over';
  if (budget.atLeast !== undefined && !(value >= budget.atLeast)) return 'over';
  return 'ok';
}
