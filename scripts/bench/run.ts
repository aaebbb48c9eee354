/**
 * `npm run bench`: runs every `scripts/bench/*.bench.ts` module, prints one table and writes
 * `bench-results/bench.json` (and the Markdown table beside it, for the README).
 * `BENCH_QUICK=1` runs each module small, to check the bench itself still works.
 * `BENCH_ONLY=name` runs only the modules whose file name contains `name`, and `BENCH_PART=text`
 * only the parts of them whose name contains `text` (modules name their parts: `wants`).
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatMarkdown, formatTable } from './table';
import type { BenchContext, BenchModule, BenchRow } from './types';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export async function discoverModules(dir: string, only?: string): Promise<{ file: string; module: BenchModule }[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only))).sort();
  const found: { file: string; module: BenchModule }[] = [];
  for (const file of files) {
    const imported = (await import(pathToFileURL(join(dir, file)).href)) as { default?: BenchModule };
    if (!imported.default || typeof imported.default.run !== 'function') {
      throw new Error(`${file} has no default export implementing BenchModule`);
    }
    found.push({ file, module: imported.default });
  }
  return found;
}

/** Runs the modules one after another; a failing module becomes one 'over' row, not a crash. */
export async function runModules(modules: { file: string; module: BenchModule }[], ctx: BenchContext, log = console.error): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const { file, module } of modules) {
    const start = Date.now();
    log(`bench: ${module.title} (${file})…`);
    try {
      rows.push(...(await module.run(ctx)));
    } catch (error) {
      log(`bench: ${file} failed:`, error);
      rows.push({ group: module.title, name: `FAILED: ${String(error).slice(0, 120)}`, value: Number.NaN, unit: '', status: 'over' });
    }
    log(`bench: ${module.title} done in ${((Date.now() - start) / 1000).toFixed(1)} s`);
  }
  return rows;
}

async function main(): Promise<void> {
  const quick = process.env.BENCH_QUICK === '1';
  const part = process.env.BENCH_PART;
  const ctx: BenchContext = { quick, root: ROOT, ...(part ? { wants: (name: string) => name.includes(part) } : {}) };
  const started = Date.now();
  const modules = await discoverModules(join(ROOT, 'scripts', 'bench'), process.env.BENCH_ONLY);
  const rows = await runModules(modules, ctx);
  console.log(formatTable(rows));
  const out = join(ROOT, 'bench-results');
  await mkdir(out, { recursive: true });
  const seconds = (Date.now() - started) / 1000;
  await writeFile(
    join(out, 'bench.json'),
    JSON.stringify({ date: new Date().toISOString(), quick, seconds, node: process.version, rows }, null, 2),
  );
  await writeFile(join(out, 'bench.md'), `${formatMarkdown(rows)}\n`);
  console.error(`bench: ${rows.length} figures in ${seconds.toFixed(0)} s → bench-results/bench.json, bench.md`);
  if (rows.some((r) => r.name.startsWith('FAILED'))) process.exitCode = 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
