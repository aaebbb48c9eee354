/**
 * `npm run bench`: runs every benchmark module in this folder (`*.bench.ts`, each a default
 * export following `types.ts`) one after another and prints one table. BENCH_QUICK=1 runs
 * them small, to check the bench itself works. Modules that drive Chromium need a built
 * extension (`npx wxt build`).
 */
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchModule, BenchRow } from './types';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const quick = process.env.BENCH_QUICK === '1';

async function main(): Promise<number> {
  const files = readdirSync(here).filter((f) => f.endsWith('.bench.ts')).sort();
  const rows: BenchRow[] = [];
  let failed = 0;
  for (const file of files) {
    const module = (await import(pathToFileURL(join(here, file)).href)) as { default: BenchModule };
    process.stderr.write(`running ${module.default.title}…\n`);
    try {
      rows.push(...(await module.default.run({ quick, root })));
    } catch (error) {
      failed++;
      process.stderr.write(`${file} failed: ${(error as Error).message}\n`);
    }
  }
  console.log(formatTable(rows));
  return failed ? 1 : 0;
}

function formatTable(rows: readonly BenchRow[]): string {
  const header = ['group', 'measure', 'value', 'baseline', 'budget', 'status'];
  const lines = rows.map((r) => [
    r.group,
    r.name,
    `${r.value} ${r.unit}`,
    r.baseline ? `${r.baseline.name}: ${r.baseline.value}${r.ratio !== undefined ? ` (×${r.ratio.toFixed(2)})` : ''}` : '',
    r.budget ?? '',
    r.status ?? 'info',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [fmt(header), fmt(widths.map((w) => '-'.repeat(w))), ...lines.map(fmt)].join('\n');
}

process.exitCode = await main();
