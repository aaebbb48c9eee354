/**
 * The popup's lookup, per keystroke: a reader types each example query letter by letter and
 * every prefix is searched, as the popup does on every input event. On the real knowledge base
 * and on one scaled ×100 with generated entries (`lib/search/scale.ts`). The budget is one frame:
 * results must follow typing without a visible lag.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KnowledgeBase } from '../../lib/kb/types';
import { buildLookup } from '../../lib/search/lookup';
import { scaleKnowledgeBase } from '../../lib/search/scale';
import { percentile, type BenchContext, type BenchModule, type BenchRow } from './types';

/** What readers type: the examples, typos and partial names. */
const QUERIES = [
  'kazimi', 'suleimani', 'hashd', 'daesh', 'strategic dialog', 'Qassim Suleimani', 'khamenai',
  'abdul mahdi', 'pompeo', 'popular mobilization', 'electricity waiver', 'jerusalem post',
  'kadhimi tehran', 'quds force', 'iran', 'baghdad airport', 'parliament vote', 'qaani',
];

const KEYSTROKE_BUDGET_MS = 16;

function measureKeystrokes(kb: KnowledgeBase, rounds: number): { samples: number[]; buildMs: number } {
  const start = performance.now();
  const lookup = buildLookup(kb);
  const buildMs = performance.now() - start;
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const query of QUERIES) {
      for (let i = 1; i <= query.length; i++) {
        const t = performance.now();
        lookup.search(query.slice(0, i));
        samples.push(performance.now() - t);
      }
    }
  }
  return { samples, buildMs };
}

const popupSearch: BenchModule = {
  title: 'popup lookup',
  async run(ctx: BenchContext): Promise<BenchRow[]> {
    const kb = JSON.parse(readFileSync(join(ctx.root, 'data', 'kb.json'), 'utf8')) as KnowledgeBase;
    const rounds = ctx.quick ? 1 : 5;
    const rows: BenchRow[] = [];
    const sizes: [label: string, kb: KnowledgeBase][] = [
      ['real KB', kb],
      ['KB ×100', scaleKnowledgeBase(kb, ctx.quick ? 10 : 100)],
    ];
    for (const [label, data] of sizes) {
      // Warm-up pass so the JIT's first compile is not counted as the reader's keystroke.
      measureKeystrokes(data, 1);
      const { samples, buildMs } = measureKeystrokes(data, rounds);
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
