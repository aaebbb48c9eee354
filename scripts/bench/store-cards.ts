/**
 * The knowledge store as the extension keeps it (lib/storage: the one builder, schema v3) on
 * fake-indexeddb, for the scale benchmarks: the starter corpus installed, a built pack imported
 * through the import journal as *Your documents* sends it, and cards read from it cold.
 * fake-indexeddb is not a browser's IndexedDB: read the figures against the starter corpus's on
 * the same store, in the same run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCardData } from '../../lib/card-data';
import { parsePack, type CorpusPack } from '../../lib/corpus/pack';
import { importBatches, packImportItems } from '../../lib/kb/import-items';
import { SHIPPED_MATCHER_CONFIG } from '../../lib/kb/matcher-config';
import { EMPTY_READER_SOURCES } from '../../lib/recognition/sources';
import { CorpusBuilder } from '../../lib/storage/corpus-builder';
import { currentLabels } from '../../lib/storage/corpus-reader';
import { openBackstoryDb } from '../../lib/storage/db';
import { cardSource, mentionCount } from '../../lib/storage/kb-reader';
import { shippedSources } from '../../lib/storage/shipped-sources';
import { STARTER_PACK_FILE } from '../build-corpus';

export interface StoreCards {
  /** Each sampled entity's card data, read cold (store read + buildCardData), in ms. */
  samples: number[];
  /** Installing the starter corpus and importing the pack, in ms (`phases` says where it went). */
  importMs: number;
  /** What the builder did with the pack, in ms each: its documents written, names learned, stale documents, contrasts. */
  phases: ImportPhases;
  documents: number;
}

export interface ImportPhases {
  /** Starter corpus installed and the pack's documents written (the import's summary shown). */
  writesMs: number;
  /** Learning names from the added documents, the matcher rebuilt when they changed. */
  learningMs: number;
  /** Documents stamped with another matcher: read again, or stamped anew when none of the changed names occurs. */
  staleMs: number;
  read: number;
  restamped: number;
  /** The automatic contrasts of the entities the documents touch, after the rest. */
  automaticMs: number;
  automaticEntities: number;
}

/** Every k-th entity that has accounts (at most `limit`), its card read once from a fresh store. */
export async function storeCards(root: string, pack: CorpusPack | undefined, name: string, limit = Infinity): Promise<StoreCards> {
  const starter = parsePack(readFileSync(join(root, STARTER_PACK_FILE), 'utf8'));
  if (!starter.ok) throw new Error(`${STARTER_PACK_FILE}: ${starter.reason}`);
  const db = openBackstoryDb(name);
  const phases: ImportPhases = { writesMs: 0, learningMs: 0, staleMs: 0, read: 0, restamped: 0, automaticMs: 0, automaticEntities: 0 };
  let writesDone: number | undefined;
  let learnedAt: number | undefined;
  const builder = new CorpusBuilder({
    db,
    starterPack: () => Promise.resolve(starter.pack),
    matcherConfig: SHIPPED_MATCHER_CONFIG,
    onChange: () => undefined,
    onImportProgress: (status) => {
      if (status.state === 'done') writesDone ??= performance.now();
    },
    onLearned: (result) => {
      phases.learningMs += result.ms;
      learnedAt = performance.now();
    },
    onReextracted: (report) => {
      phases.read += report.read;
      phases.restamped += report.restamped;
    },
    onAutomatic: (report) => {
      phases.automaticMs += report.ms;
      phases.automaticEntities += report.entities;
    },
  });
  const start = performance.now();
  await builder.ready();
  if (pack) {
    const items = packImportItems(pack, `${pack.id}.json`);
    const started = await builder.startImport(pack.documents.length, pack.title, [`${pack.id}.json`]);
    for (const batch of importBatches(items)) await builder.receive(started.id, batch);
    await builder.endImport(started.id);
    await builder.kick();
  }
  const importMs = performance.now() - start;
  phases.writesMs = (writesDone ?? performance.now()) - start;
  // Stale documents are read after learning, to the end of the drain.
  phases.staleMs = learnedAt === undefined ? 0 : performance.now() - learnedAt;
  // The automatic contrasts the import's documents touch are computed after it: cards are read once they are stored.
  await builder.automaticSettled();
  const labels = await currentLabels(db, { shipped: shippedSources, edits: () => Promise.resolve(EMPTY_READER_SOURCES) });
  const entities = (await db.entities.toArray()).map((e) => e.id).sort();
  const quoted: string[] = [];
  for (const id of entities) if ((await mentionCount(db, id)) > 0) quoted.push(id);
  const step = Math.max(1, Math.ceil(quoted.length / limit));
  const samples: number[] = [];
  for (const id of quoted.filter((_, i) => i % step === 0)) {
    const t = performance.now();
    const source = await cardSource(db, id, labels);
    if (!source || !buildCardData(source, id, (doc, passage) => `reader.html?doc=${doc}&p=${passage}`)) throw new Error(`no card for ${id}`);
    samples.push(performance.now() - t);
  }
  const documents = await db.documents.count();
  db.close();
  await indexedDB.deleteDatabase(name);
  return { samples, importMs, phases, documents };
}
