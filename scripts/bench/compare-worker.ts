/**
 * The service worker's start, this build against others, side by side in one session (the
 * machine is shared: only figures taken together compare): per round and per build, a fresh
 * profile (the starter corpus installed), browsers launched over an installed profile, and
 * restarts woken by a page, as
 * extras.bench.ts takes them (`backstory:kb-load`: the background's script evaluated, plus the
 * first page question from arrival to answer), and the script's evaluation alone.
 * Run: `npx tsx scripts/bench/compare-worker.ts [rounds] [other build dirs...]`.
 */
import { launchWithExtension } from '../../test/e2e/harness';
import { browserStarts, kbLoads } from './extras.bench';
import { median } from './timing';
import { percentile } from './types';

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 3);
  const dirs = [undefined, ...process.argv.slice(3)];
  const taken = dirs.map((dir) => ({ name: dir ?? 'this build', cold: [] as number[], launches: [] as number[], restarts: [] as number[], evals: [] as number[] }));
  for (let round = 0; round < rounds; round++) {
    for (const [i, dir] of dirs.entries()) {
      taken[i]!.launches.push(...(await browserStarts(2, dir)));
      const harness = await launchWithExtension(dir ? { extensionDir: dir } : {});
      try {
        const { loads, evals } = await kbLoads(harness, 4);
        const build = taken[i]!;
        build.cold.push(loads[0] ?? Number.NaN);
        build.restarts.push(...loads.slice(1));
        build.evals.push(...evals.slice(1));
      } finally {
        await harness.close();
      }
    }
  }
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  for (const b of taken) {
    console.log(
      `${b.name}: install median ${ms(median(b.cold))} (${b.cold.map((v) => v.toFixed(0)).join(', ')}); ` +
        `browser launched over the installed profile, median ${ms(median(b.launches))} (${b.launches.map((v) => v.toFixed(0)).join(', ')}); ` +
        `restart p50 ${ms(percentile(b.restarts, 50))}, p95 ${ms(percentile(b.restarts, 95))} (n=${b.restarts.length}); ` +
        `script evaluated on restart, median ${ms(median(b.evals))}`,
    );
  }
}

await main();
