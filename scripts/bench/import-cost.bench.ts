/**
 * What an import through *Your documents* costs per document, as the background builds it
 * (lib/storage/corpus-builder.ts over the import journal) on fake-indexeddb in Node: the
 * IndexedDB requests and transactions per document (counted: the browser's cost grows with
 * these), the milliseconds per document here, extraction alone on the same documents, and a
 * card read (cardSource) every 20 ms during the import, which waits for the builder's slices.
 * fake-indexeddb is not a browser: the request counts carry over, the milliseconds only roughly
 * (the browser figures in docs/architecture.md came from a timed import of 200 articles in the built extension).
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toDocumentRecord } from '../../lib/corpus/identity';
import type { DocumentDraft } from '../../lib/corpus/draft';
import { parsePack } from '../../lib/corpus/pack';
import { importBatches } from '../../lib/kb/import-items';
import { createExtractor, extractDocument } from '../../lib/kb/extract';
import { SHIPPED_MATCHER_CONFIG } from '../../lib/kb/matcher-config';
import type { ImportItem } from '../../lib/message-schemas';
import { EMPTY_READER_SOURCES } from '../../lib/recognition/sources';
import { CorpusBuilder } from '../../lib/storage/corpus-builder';
import { currentLabels } from '../../lib/storage/corpus-reader';
import { openBackstoryDb } from '../../lib/storage/db';
import { readMeta } from '../../lib/storage/kb-writer';
import { cardSource } from '../../lib/storage/kb-reader';
import { shippedSources } from '../../lib/storage/shipped-sources';
import { STARTER_PACK_FILE } from '../build-corpus';
import { generateDocuments, type GeneratedDocument } from './big-corpus';
import { countIdbRequests } from './idb-requests';
import { percentile, type BenchContext, type BenchModule, type BenchRow } from './types';

const GROUP = 'import (fake-indexeddb)';
/** The card the probe asks for during the import: an entity the starter corpus quotes. */
const CARD_ENTITY = 'mustafa-al-kadhimi';

export function draftOf(doc: GeneratedDocument, i: number): DocumentDraft {
  const domain = new URL(doc.url).hostname;
  return {
    title: doc.title,
    paragraphs: doc.paragraphs,
    url: doc.url,
    domain,
    outlet: doc.outlet,
    byline: doc.byline,
    published: doc.published,
    origin: { kind: 'file', name: 'bench.jsonl', format: 'jsonl', line: i + 1 },
  };
}

interface ImportRun {
  ms: number;
  requests: number;
  transactions: number;
  byMethod: Map<string, number>;
  cards: number[];
  added: number;
  duplicates: number;
  extractMs: number;
}

/** One import of `items` into a fresh store with the starter corpus; with `probe`, a card read every 20 ms meanwhile. */
async function runImport(root: string, items: readonly ImportItem[], probe: boolean): Promise<ImportRun> {
  const starter = parsePack(readFileSync(join(root, STARTER_PACK_FILE), 'utf8'));
  if (!starter.ok) throw new Error(`${STARTER_PACK_FILE}: ${starter.reason}`);
  // Counted from before the database opens: Dexie binds `IDBDatabase.transaction` when it opens.
  const counter = countIdbRequests();
  const db = openBackstoryDb(`import-cost-${items.length}-${Date.now()}`);
  try {
    const builder = new CorpusBuilder({
      db,
      starterPack: () => Promise.resolve(starter.pack),
      matcherConfig: SHIPPED_MATCHER_CONFIG,
      onChange: () => undefined,
      onImportProgress: () => undefined,
    });
    await builder.ready();
    // Extraction alone, with the builder's matcher, on the same documents.
    const extractor = createExtractor((await readMeta(db, 'matcher'))!, (await readMeta(db, 'matcherInput'))!);
    const t0 = performance.now();
    for (const item of items) if (item.kind === 'draft') extractDocument(toDocumentRecord(item.draft), extractor);
    const extractMs = (performance.now() - t0) / items.length;

    const labels = await currentLabels(db, { shipped: shippedSources, edits: () => Promise.resolve(EMPTY_READER_SOURCES) });
    const cards: number[] = [];
    let importing = true;
    const reads = (async () => {
      while (probe && importing) {
        await new Promise((r) => setTimeout(r, 20));
        const t = performance.now();
        await cardSource(db, CARD_ENTITY, labels);
        cards.push(performance.now() - t);
      }
    })();
    counter.reset();
    const start = performance.now();
    const started = await builder.startImport(items.length, 'bench', ['bench.jsonl']);
    for (const batch of importBatches(items)) await builder.receive(started.id, batch);
    await builder.endImport(started.id);
    await builder.kick();
    const ms = performance.now() - start;
    const { requests, transactions } = counter.counts;
    const byMethod = new Map(counter.counts.byMethod);
    importing = false;
    await reads;
    const [status] = await builder.importStatus(started.id);
    if (status?.state !== 'done' || status.added + status.duplicates !== items.length) {
      throw new Error(`the import did not finish: ${JSON.stringify(status)}`);
    }
    return { ms, requests, transactions, byMethod, cards, added: status.added, duplicates: status.duplicates, extractMs };
  } finally {
    counter.stop();
    db.close();
  }
}

export async function measureImport(root: string, count: number): Promise<BenchRow[]> {
  const docs = generateDocuments(root, count);
  const items: ImportItem[] = docs.map((d, i) => ({ kind: 'draft', name: 'bench.jsonl', line: i + 1, draft: draftOf(d, i) }));
  const quiet = await runImport(root, items, false);
  const probed = await runImport(root, items, true);
  if (process.env.BENCH_VERBOSE) console.error([...quiet.byMethod].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${(v / count).toFixed(1)}`).join('\n'));
  const p95 = percentile(probed.cards, 95);
  return [
    { group: GROUP, name: `${count} documents: IndexedDB requests per document`, value: quiet.requests / count, unit: 'requests', status: 'info' },
    { group: GROUP, name: `${count} documents: transactions per document`, value: quiet.transactions / count, unit: 'tx', status: 'info' },
    { group: GROUP, name: `${count} documents: import per document`, value: quiet.ms / count, unit: 'ms', baseline: { name: 'extraction alone', value: quiet.extractMs }, ratio: quiet.ms / count / quiet.extractMs, status: 'info' },
    { group: GROUP, name: `${count} documents: card read every 20 ms during the import, p95 (${probed.cards.length} reads)`, value: p95, unit: 'ms', budget: '≤ 100 ms', status: p95 <= 100 ? 'ok' : 'over' },
    { group: GROUP, name: `${count} documents: added (the rest duplicates)`, value: quiet.added, unit: 'documents', status: 'info' },
  ];
}

const bench: BenchModule = {
  title: 'import cost per document',
  run: (ctx: BenchContext) => measureImport(ctx.root, ctx.quick ? 40 : 300),
};
export default bench;
