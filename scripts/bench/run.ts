/**
 * `npm run bench`: runs every benchmark module in this folder (`*.bench.ts`, each a
 * `BenchModule`) and prints one table. `BENCH_QUICK=1` runs each briefly, to check the bench
 * itself works. Modules are found by file name so each feature adds its own without editing
 * this runner.
 */
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchModule, BenchRow } from './types';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const quick = process.env.BENCH_QUICK === '1';

function format(value: number): string {
  return Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 10 ? value.toFixed(1) : value.toFixed(2);
}

async function main(): Promise<void> {
  const files = readdirSync(here).filter((f) => f.endsWith('.bench.ts')).sort();
  const rows: BenchRow[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(join(here, file)).href)) as { default: BenchModule };
    process.stderr.write(`running ${module.default.title}…\n`);
    rows.push(...(await module.default.run({ quick, root })));
  }
  const lines = [
    '| group | measure | value | budget | status |',
    '|---|---|---|---|---|',
    ...rows.map(
      (r) => `| ${r.group} | ${r.name} | ${format(r.value)} ${r.unit} | ${r.budget ?? ''} | ${r.status ?? 'info'} |`,
    ),
  ];
  console.log(lines.join('\n'));
  if (rows.some((r) => r.status === 'over')) process.exitCode = 1;
}

await main();
