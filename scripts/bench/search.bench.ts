/**
 * Popup lookup per keystroke: the time `SearchIndex.search` takes for each prefix a reader types
 * ("k", "ka", … "kazimi"), on the real knowledge base and on one a hundred times its size
 * (each entity cloned with its names re-spelled), in Node, with the same code as the popup.
 * Baseline: the time to build the index once, which the popup pays on open.
 */
import { buildEntityIndex, type SearchableEntity } from '../../lib/search';
import { loadKb } from './corpus-fixtures';
import { judge } from './table';
import { timeRuns } from './timing';
import { percentile, type BenchContext, type BenchModule, type BenchRow } from './types';

const TYPED = ['kazimi', 'soleimani', 'popular mobilization', 'hashd', 'strategic dialogue', 'quds force', 'muhandis', 'pompeo'];

/** `times` copies of the entities, each copy's names altered so they are new words to the index. */
export function scaledEntities(entities: readonly SearchableEntity[], times: number): SearchableEntity[] {
  const out: SearchableEntity[] = [...entities];
  for (let copy = 1; copy < times; copy++) {
    const suffix = ` ${String.fromCharCode(97 + (copy % 26))}${copy}`;
    for (const e of entities) {
      out.push({ ...e, id: `${e.id}-${copy}`, name: e.name + suffix, aliases: e.aliases.map((a) => a + suffix) });
    }
  }
  return out;
}

function keystrokeTimes(entities: readonly SearchableEntity[], rounds: number): { samples: number[]; buildMs: number } {
  let index = buildEntityIndex(entities);
  const buildMs = timeRuns(1, () => void (index = buildEntityIndex(entities)))[0]!;
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const word of TYPED) {
      for (let i = 1; i <= word.length; i++) samples.push(...timeRuns(1, () => void index.search(word.slice(0, i))));
    }
  }
  return { samples, buildMs };
}

export const searchBench: BenchModule = {
  title: 'popup search',
  async run(ctx: BenchContext): Promise<BenchRow[]> {
    const entities = loadKb(ctx.root).entities;
    const rows: BenchRow[] = [];
    for (const times of [1, 100]) {
      const { samples, buildMs } = keystrokeTimes(scaledEntities(entities, times), ctx.quick ? 1 : 3);
      const label = times === 1 ? `real KB (${entities.length} entities)` : `×${times} KB (${entities.length * times} entities)`;
      for (const p of [50, 95]) {
        const value = percentile(samples, p);
        rows.push({
          group: 'popup',
          name: `search per keystroke, ${label}, p${p}`,
          value,
          unit: 'ms',
          baseline: { name: 'index build', value: buildMs },
          ratio: value / buildMs,
          budget: p === 95 && times === 100 ? '≤ 16 ms' : undefined,
          status: p === 95 && times === 100 ? judge(value, { atMost: 16 }) : 'info',
        });
      }
    }
    return rows;
  },
};

export default searchBench;
