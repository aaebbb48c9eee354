/**
 * The corpus at 1,000 and 10,000 documents of real article text (big-corpus.ts writes them at
 * bench time, in a temporary folder):
 *
 * - the CLI's build (`npm run corpus -- --add DIR`) in documents per second with one and two
 *   worker threads, held to the import budget (1,000 articles in 60 s); the two builds must give
 *   the same pack;
 * - a card's data cold (no cache: the store read and `buildCardData`) from the knowledge store
 *   (lib/storage, the pack imported through the builder's import journal), on fake-indexeddb in
 *   Node: not a browser's IndexedDB, so a ratio to the starter corpus on the same store is the
 *   figure to read;
 * - the bytes each document adds, estimated from the serialized size of its rows (document,
 *   passages, mentions, fingerprint): no browser measure of IndexedDB's own size here.
 *
 * The popup's search at these sizes is corpus-search.bench.ts's (it needs no build or import).
 *
 * Baselines from the same run: the starter corpus for cards; for the build, one core
 * reading and extracting in the main thread (a sample of the same files) for one worker, one
 * worker for two.
 */
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseImportFile } from '../../lib/corpus/import-file';
import { toDocumentRecord } from '../../lib/corpus/identity';
import { serialisePack, type CorpusPack } from '../../lib/corpus/pack';
import { compileGazetteer } from '../../lib/kb/gazetteer';
import { createExtractor, extractDocument } from '../../lib/kb/extract';
import { readCorpusInput } from '../build-corpus';
import { createHtmlParser } from '../corpus/html-parser';
import { buildFolderPack, listFiles, type FolderBuild } from '../corpus/folder-pack';
import { generateDocuments, writeCorpusFolder } from './big-corpus';
import { storeCards } from './store-cards';
import { judge } from './table';
import { percentile, type BenchContext, type BenchModule, type BenchRow } from './types';

/** "Import 1,000 articles ≤ 60 s", as a rate the CLI is held to at every size. */
const BUILD_BUDGET_DOCS_PER_S = 1_000 / 60;
const CARD_BUDGET_MS = 100;
/** Entities whose cold card is timed at scale, where one card can take seconds. */
const CARD_SAMPLE = 40;
/** Files the in-process baseline reads: enough for a steady rate, a fraction of a build. */
const BASELINE_FILES = 120;

const docsPerSecond = (documents: number, ms: number) => documents / (ms / 1000);

/** Documents a build read (kept, and skipped as duplicates). */
const documentsRead = (build: FolderBuild) => (build.pack?.documents.length ?? 0) + build.duplicates.length;

async function timedBuild(dir: string, workers: number, size: number): Promise<{ build: FolderBuild; ms: number; hash: string }> {
  const start = performance.now();
  const build = await buildFolderPack(dir, { id: `bench-${size}`, title: `Bench corpus, ${size} documents`, packVersion: 1, workers, gazetteer: readCorpusInput() });
  const ms = performance.now() - start;
  const hash = build.pack ? createHash('sha256').update(serialisePack(build.pack)).digest('hex') : '';
  return { build, ms, hash };
}

/** One core reading and extracting the first files of the folder with the same code, no workers. */
function inProcessRate(dir: string): number {
  const compiled = compileGazetteer(readCorpusInput());
  const extractor = createExtractor(compiled.matcher!, compiled.matcherInput);
  const parseHtml = createHtmlParser();
  const files = listFiles(dir).filter((f) => !f.endsWith('.jsonl')).slice(0, BASELINE_FILES);
  const start = performance.now();
  let documents = 0;
  for (const name of files) {
    for (const draft of parseImportFile(name, new Uint8Array(readFileSync(join(dir, name))), { parseHtml }).documents) {
      extractDocument(toDocumentRecord(draft), extractor);
      documents++;
    }
  }
  return docsPerSecond(documents, performance.now() - start);
}

/** Serialized bytes of the rows a pack's documents add to the store, per document. */
function bytesPerDocument(pack: CorpusPack): number {
  const size = (rows: readonly unknown[]) => rows.reduce<number>((n, row) => n + Buffer.byteLength(JSON.stringify(row)), 0);
  const { documents, derived } = pack;
  return (size(documents) + size(derived!.passages) + size(derived!.mentions) + size(derived!.fingerprints)) / documents.length;
}

const corpusScale: BenchModule = {
  title: 'corpus at scale',
  async run(ctx: BenchContext): Promise<BenchRow[]> {
    // BENCH_CORPUS_SIZES=1000 runs one size (the 10,000-document part takes ~15 minutes here).
    const sizes = process.env.BENCH_CORPUS_SIZES?.split(',').map(Number) ?? (ctx.quick ? [60, 200] : [1_000, 10_000]);
    const rows: BenchRow[] = [];
    // Once to warm the JIT (the store code's first run is not a card's cost), once measured.
    await storeCards(ctx.root, undefined, 'bench-cards-warm-up');
    const starterStore = await storeCards(ctx.root, undefined, 'bench-cards-starter');
    const starterCards = percentile(starterStore.samples, 95);
    let oneWorkerAtFirstSize: number | undefined;

    for (const size of sizes) {
      const dir = join(tmpdir(), `backstory-bench-corpus-${size}`);
      writeCorpusFolder(dir, generateDocuments(ctx.root, size));
      const one = await timedBuild(dir, 1, size);
      const two = await timedBuild(dir, 2, size);
      const pack = two.build.pack!;
      const rate1 = docsPerSecond(documentsRead(one.build), one.ms);
      const rate2 = docsPerSecond(documentsRead(two.build), two.ms);
      const label = `${size.toLocaleString('en-US')} documents (${pack.documents.length.toLocaleString('en-US')} kept, ${two.build.duplicates.length} skipped as copies)`;
      const baseline1 = oneWorkerAtFirstSize === undefined
        ? { name: 'one core, main thread, read + extract (same files, no merge)', value: inProcessRate(dir) }
        : { name: `1 worker at ${sizes[0]!.toLocaleString('en-US')} documents`, value: oneWorkerAtFirstSize };
      oneWorkerAtFirstSize ??= rate1;
      const budget = `≥ ${BUILD_BUDGET_DOCS_PER_S.toFixed(1)} docs/s (1,000 in 60 s)`;
      rows.push(
        {
          group: 'corpus CLI',
          name: `npm run corpus -- --add: ${label}, 1 worker`,
          value: rate1,
          unit: 'docs/s',
          baseline: baseline1,
          ratio: rate1 / baseline1.value,
          budget,
          status: judge(rate1, { atLeast: BUILD_BUDGET_DOCS_PER_S }),
        },
        {
          group: 'corpus CLI',
          name: `same, 2 workers (ratio = speed-up)${one.hash === two.hash ? ', the same pack' : ' — PACKS DIFFER'}`,
          value: rate2,
          unit: 'docs/s',
          baseline: { name: '1 worker, same folder', value: rate1 },
          ratio: rate2 / rate1,
          budget,
          status: one.hash !== two.hash ? 'over' : judge(rate2, { atLeast: BUILD_BUDGET_DOCS_PER_S }),
        },
        {
          group: 'corpus CLI',
          name: `same, 2 workers: reading ${(two.build.timings.readMs / 1000).toFixed(1)} s, extracting ${(two.build.timings.extractMs / 1000).toFixed(1)} s, merging (main thread) — the merge's share`,
          value: two.build.timings.mergeMs / two.ms,
          unit: 'of the build',
          status: 'info',
        },
        { group: 'corpus CLI', name: `same, pack written (${size.toLocaleString('en-US')} documents)`, value: Buffer.byteLength(serialisePack(pack)) / 1024 / 1024, unit: 'MB', status: 'info' },
      );

      const cards = await storeCards(ctx.root, pack, `bench-cards-${size}`, CARD_SAMPLE);
      const cardP95 = percentile(cards.samples, 95);
      const stored = `${cards.documents.toLocaleString('en-US')} documents`;
      rows.push(
        {
          group: 'card',
          name: `card data cold p95 (store read + buildCardData, ${cards.samples.length} entities), ${stored} in the knowledge store on fake-indexeddb`,
          value: cardP95,
          unit: 'ms',
          baseline: { name: 'starter corpus, same store, same run', value: starterCards },
          ratio: cardP95 / starterCards,
          budget: `≤ ${CARD_BUDGET_MS} ms`,
          status: judge(cardP95, { atMost: CARD_BUDGET_MS }),
        },
        {
          group: 'card',
          name: `starter corpus installed and the pack imported through the import journal, ${stored} (fake-indexeddb, not a browser)`,
          value: cards.importMs / 1000,
          unit: 's',
          status: 'info',
        },
        {
          group: 'card',
          name:
            `same import, by step: documents written ${(cards.phases.writesMs / 1000).toFixed(1)} s; names learned ${(cards.phases.learningMs / 1000).toFixed(1)} s; ` +
            `stale documents ${(cards.phases.staleMs / 1000).toFixed(1)} s (${cards.phases.read.toLocaleString('en-US')} read again, ${cards.phases.restamped.toLocaleString('en-US')} only stamped anew); ` +
            `automatic contrasts of ${cards.phases.automaticEntities.toLocaleString('en-US')} entities ${(cards.phases.automaticMs / 1000).toFixed(1)} s — share of the import that is documents written`,
          value: cards.phases.writesMs / (cards.importMs + cards.phases.automaticMs),
          unit: 'of the work',
          status: 'info',
        },
        {
          group: 'storage',
          name: `bytes per document, ${size.toLocaleString('en-US')} documents (estimate: serialized rows — document, passages, mentions, fingerprint; no index or browser overhead)`,
          value: bytesPerDocument(pack),
          unit: 'bytes',
          status: 'info',
        },
      );
    }
    return rows;
  },
};

export default corpusScale;
