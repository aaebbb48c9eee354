/**
 * The popup's search per keystroke as the popup runs it, at the starter corpus, 1,000 and 10,000
 * documents: the names in memory (`buildLookup` over the curated and learned entities only,
 * documents and passages left out, as components/popup/Popup.tsx asks it) and then documents and
 * passages through their word indexes in the knowledge store (`searchCorpus`). The store is
 * search-store.ts's: the starter corpus installed by the builder, the generated documents'
 * rows written in bulk, names learned from them by the product's own step.
 *
 * On fake-indexeddb in Node, which is not a browser's IndexedDB: the ratio to the starter
 * corpus on the same store in the same run is the figure to read (no Chromium figure yet).
 */
import 'fake-indexeddb/auto';
import { buildLookup } from '../../lib/search/lookup';
import { searchCorpus } from '../../lib/storage/corpus-search';
import { generateDocuments } from './big-corpus';
import { timeKeystrokes } from './popup-search.bench';
import { searchStore, type SearchStore } from './search-store';
import { judge } from './table';
import { percentile, wants, type BenchContext, type BenchModule, type BenchRow } from './types';

const KEYSTROKE_BUDGET_MS = 16;

interface Measured {
  total: number[];
  names: number[];
  corpus: number[];
}

/** Every keystroke's names and corpus parts, each the best of `rounds`, and both together. */
async function measure(store: SearchStore, rounds: number): Promise<Measured> {
  const lookup = buildLookup(store.names);
  // The popup builds the names' index right after it opens: no keystroke pays for it.
  lookup.warm();
  const names = (prefix: string) => lookup.search(prefix, { documents: 0, passages: 0 });
  const corpus = (prefix: string) => searchCorpus(store.db, prefix);
  // Once to warm the JIT, then measured.
  await timeKeystrokes(1, async (prefix) => (names(prefix), await corpus(prefix)));
  return {
    total: await timeKeystrokes(rounds, async (prefix) => (names(prefix), await corpus(prefix))),
    names: await timeKeystrokes(rounds, names),
    corpus: await timeKeystrokes(rounds, corpus),
  };
}

const corpusSearch: BenchModule = {
  title: 'popup search at scale',
  async run(ctx: BenchContext): Promise<BenchRow[]> {
    const sizes = process.env.BENCH_CORPUS_SIZES?.split(',').map(Number) ?? (ctx.quick ? [200] : [1_000, 10_000]);
    const rounds = ctx.quick ? 1 : 5;
    const rows: BenchRow[] = [];
    const starterStore = await searchStore(ctx.root, [], 'bench-search-starter');
    const starter = await measure(starterStore, rounds);
    const starterLabel = `starter corpus (${starterStore.documents} documents, ${starterStore.passages.toLocaleString('en-US')} passages, ${starterStore.names.entities.length} names)`;
    await starterStore.close();
    const p95 = (samples: number[]) => percentile(samples, 95);
    const baseline = (samples: number[]) => ({ name: 'starter corpus, same store, same run', value: p95(samples) });
    const budget = `≤ ${KEYSTROKE_BUDGET_MS} ms`;
    rows.push({
      group: 'popup',
      name: `search per keystroke p95 (names in memory + searchCorpus), ${starterLabel}, fake-indexeddb`,
      value: p95(starter.total),
      unit: 'ms',
      budget,
      status: judge(p95(starter.total), { atMost: KEYSTROKE_BUDGET_MS }),
    });

    for (const size of sizes) {
      if (!wants(ctx, `search ${size}`)) continue;
      const store = await searchStore(ctx.root, generateDocuments(ctx.root, size), `bench-search-${size}`);
      const label = `${store.documents.toLocaleString('en-US')} documents, ${store.passages.toLocaleString('en-US')} passages, ${store.names.entities.length.toLocaleString('en-US')} names (${store.learned.toLocaleString('en-US')} learned)`;
      const measured = await measure(store, rounds);
      await store.close();
      const row = (part: string, samples: number[], base: number[], judged: boolean): BenchRow => ({
        group: 'popup',
        name: `${part}, ${label}, fake-indexeddb`,
        value: p95(samples),
        unit: 'ms',
        baseline: baseline(base),
        ratio: p95(samples) / p95(base),
        ...(judged ? { budget, status: judge(p95(samples), { atMost: KEYSTROKE_BUDGET_MS }) } : { status: 'info' as const }),
      });
      rows.push(
        row('search per keystroke p95 (names in memory + searchCorpus)', measured.total, starter.total, true),
        row('same, names part p95', measured.names, starter.names, false),
        row('same, searchCorpus part p95', measured.corpus, starter.corpus, false),
        {
          group: 'popup',
          name: `store for the search rows, ${size.toLocaleString('en-US')} documents: rows written in bulk ${(store.writeMs / 1000).toFixed(1)} s, names learned ${(store.learnMs / 1000).toFixed(1)} s (not an import's cost)`,
          value: (store.writeMs + store.learnMs) / 1000,
          unit: 's',
          status: 'info',
        },
      );
    }
    return rows;
  },
};

export default corpusSearch;
