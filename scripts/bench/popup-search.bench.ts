/**
 * The popup's lookup, per keystroke: a reader types each example query letter by letter and
 * every prefix is searched, as the popup does on every input event. On the real knowledge base
 * and on one scaled ×100 with generated entries (`scripts/bench/scaled-kb.ts`). The budget is one frame:
 * results must follow typing without a visible lag.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KnowledgeBase } from '../../lib/kb/types';
import { buildLookup } from '../../lib/search/lookup';
import { scaleKnowledgeBase } from './scaled-kb';
import { percentile, type BenchContext, type BenchModule, type BenchRow } from './types';

/** What readers type: loosely spelled names, typos and partial names. */
const QUERIES = [
  'kazimi', 'suleimani', 'hashd', 'daesh', 'strategic dialog', 'Qassim Suleimani', 'khamenai',
  'abdul mahdi', 'pompeo', 'popular mobilization', 'electricity waiver', 'jerusalem post',
  'kadhimi tehran', 'quds force', 'iran', 'baghdad airport', 'parliament vote', 'qaani',
];

const KEYSTROKE_BUDGET_MS = 16;

/**
 * One sample per keystroke of every query typed letter by letter: the best of `rounds` tries of
 * `search` on that prefix. The machine is shared (2 cores, several engineers' test runs): time
 * spent waiting for a core is not the search's cost.
 */
export async function timeKeystrokes(rounds: number, search: (prefix: string) => unknown): Promise<number[]> {
  const best = new Map<string, number>();
  for (let round = 0; round < rounds; round++) {
    for (const [q, query] of QUERIES.entries()) {
      for (let i = 1; i <= query.length; i++) {
        const t = performance.now();
        await search(query.slice(0, i));
        const took = performance.now() - t;
        const key = `${q}:${i}`;
        best.set(key, Math.min(best.get(key) ?? Infinity, took));
      }
    }
  }
  return [...best.values()];
}

/** The in-memory lookup over a whole knowledge base (names, documents and passages) per keystroke. */
export async function measureKeystrokes(kb: KnowledgeBase, rounds: number): Promise<{ samples: number[]; buildMs: number }> {
  const start = performance.now();
  const lookup = buildLookup(kb);
  // The popup builds both parts right after it opens: no keystroke pays for them.
  lookup.warm();
  const buildMs = performance.now() - start;
  return { samples: await timeKeystrokes(rounds, (prefix) => lookup.search(prefix)), buildMs };
}

const popupSearch: BenchModule = {
  title: 'popup lookup',
  async run(ctx: BenchContext): Promise<BenchRow[]> {
    const kb = JSON.parse(readFileSync(join(ctx.root, 'data', 'kb.json'), 'utf8')) as KnowledgeBase;
    const rounds = ctx.quick ? 2 : 7;
    const rows: BenchRow[] = [];
    const factor = ctx.quick ? 10 : 100;
    const sizes: [label: string, kb: KnowledgeBase][] = [
      ['real KB', kb],
      [`KB ×${factor}`, scaleKnowledgeBase(kb, factor)],
    ];
    for (const [label, data] of sizes) {
      // Warm-up pass so the JIT's first compile is not counted as the reader's keystroke.
      await measureKeystrokes(data, 1);
      const { samples, buildMs } = await measureKeystrokes(data, rounds);
      const entries = `${data.entities.length} entities, ${data.passages.length} passages`;
      for (const p of [50, 95] as const) {
        const value = percentile(samples, p);
        rows.push({
          group: 'popup',
          name: `search per keystroke p${p}, ${label} (${entries})`,
          value,
          unit: 'ms',
          budget: `≤ ${KEYSTROKE_BUDGET_MS} ms`,
          status: value <= KEYSTROKE_BUDGET_MS ? 'ok' : 'over',
        });
      }
      rows.push({ group: 'popup', name: `lookup index build, ${label}`, value: buildMs, unit: 'ms', status: 'info' });
    }
    return rows;
  },
};

export default popupSearch;
