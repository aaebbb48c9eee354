/**
 * Building the matcher (`buildMatcher`: folding, the Aho-Corasick automaton, packing) from
 * made-up names at 1k, 20k and 50k aliases. The device rebuilds it after every import with the
 * learned names beside the curated ones, so 20,000 aliases must build in a second; the 1k build
 * in the same run is the baseline, and the ratio says whether the build grows with the names
 * and nothing worse.
 */
import { generatedAliases } from './corpus-fixtures';
import { matcherFor } from './matcher.bench';
import { judge } from './table';
import { median, timeRuns } from './timing';
import type { BenchContext, BenchModule, BenchRow } from './types';

const matcherBuildBench: BenchModule = {
  title: 'matcher build',
  async run(ctx: BenchContext): Promise<BenchRow[]> {
    const runs = ctx.quick ? 1 : 5;
    const timed = (count: number) => {
      const names = generatedAliases(count);
      matcherFor(names.slice(0, 500)); // warm the code paths outside the timing
      return median(timeRuns(runs, () => void matcherFor(names)));
    };
    const at1k = timed(1_000);
    const rows: BenchRow[] = [{ group: 'matcher build', name: '1k aliases', value: at1k, unit: 'ms', status: 'info' }];
    for (const count of ctx.quick ? [20_000] : [20_000, 50_000]) {
      const ms = timed(count);
      rows.push({
        group: 'matcher build',
        name: `${count / 1000}k aliases vs the 1k build`,
        value: ms,
        unit: 'ms',
        baseline: { name: '1k aliases', value: at1k },
        ratio: ms / at1k,
        budget: count === 20_000 ? '≤ 1,000 ms' : undefined,
        status: count === 20_000 ? judge(ms, { atMost: 1_000 }) : 'info',
      });
    }
    return rows;
  },
};

export default matcherBuildBench;
