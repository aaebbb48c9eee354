/**
 * A knowledge store the size of a grown corpus for the popup's search rows, on fake-indexeddb:
 * the starter corpus installed by the builder, then generated documents (big-corpus.ts) written
 * straight into the rows lookup reads — `documents` with `titleTerms`, `passages` with `terms`,
 * built by the writer's own `documentRow` and `passageRow` — and their `texts`, in bulk. An
 * import through the builder would extract mentions, fingerprints and contrasts too, which the
 * search never reads, and takes ~15 minutes for 1,000 documents here.
 *
 * The names are what the popup would hold: the curated entities and those the product learns
 * from these documents (`learnNames`, as the builder runs it after an import), read back with
 * `knownEntities` as the popup reads them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toDocumentRecord } from '../../lib/corpus/identity';
import { parsePack } from '../../lib/corpus/pack';
import { SHIPPED_MATCHER_CONFIG } from '../../lib/kb/matcher-config';
import { documentPassages } from '../../lib/kb/passages';
import type { KnowledgeBase } from '../../lib/kb/types';
import { CorpusBuilder } from '../../lib/storage/corpus-builder';
import { openBackstoryDb, type BackstoryDb } from '../../lib/storage/db';
import { knownEntities } from '../../lib/storage/kb-reader';
import { documentRow, passageRow, readMeta } from '../../lib/storage/kb-writer';
import { learnNames } from '../../lib/storage/name-learning';
import { namesOnly } from '../../entrypoints/popup/popup-knowledge';
import { STARTER_PACK_FILE } from '../build-corpus';
import type { GeneratedDocument } from './big-corpus';

export interface SearchStore {
  db: BackstoryDb;
  /** The names the popup searches in memory: curated and learned entities. */
  names: KnowledgeBase;
  learned: number;
  documents: number;
  passages: number;
  /** Writing the generated rows, and learning names from them, in ms. */
  writeMs: number;
  learnMs: number;
  /** Closes and deletes the store. */
  close(): Promise<void>;
}

/** Documents written per transaction. */
const CHUNK = 250;

export async function searchStore(root: string, docs: readonly GeneratedDocument[], name: string, options: { learn?: boolean } = {}): Promise<SearchStore> {
  const starter = parsePack(readFileSync(join(root, STARTER_PACK_FILE), 'utf8'));
  if (!starter.ok) throw new Error(`${STARTER_PACK_FILE}: ${starter.reason}`);
  await indexedDB.deleteDatabase(name);
  const db = openBackstoryDb(name);
  const builder = new CorpusBuilder({ db, starterPack: () => Promise.resolve(starter.pack), matcherConfig: SHIPPED_MATCHER_CONFIG, onChange: () => undefined, onImportProgress: () => undefined });
  await builder.ready();

  const start = performance.now();
  const ids: string[] = [];
  let seq = (await readMeta(db, 'seq')) ?? 0;
  for (let i = 0; i < docs.length; i += CHUNK) {
    const writes = docs.slice(i, i + CHUNK).map((doc, k) => {
      const record = toDocumentRecord({
        title: doc.title,
        paragraphs: doc.paragraphs,
        url: doc.url,
        domain: new URL(doc.url).hostname,
        outlet: doc.outlet,
        byline: doc.byline,
        published: doc.published,
        origin: { kind: 'file', name: `doc-${i + k}.txt`, format: 'txt' },
      });
      const passages = documentPassages(record.id, doc.paragraphs).map(({ id, doc: d, para, text }) => passageRow({ id, doc: d, para, text, entities: [] }));
      const { paragraphs, ...row } = record;
      return { row: documentRow({ row: { ...row, addedAt: Date.now(), extractionKey: 'bench' }, paragraphs, rows: { mentions: [] } }, ++seq), paragraphs, passages };
    });
    await db.transaction('rw', [db.documents, db.texts, db.passages, db.meta], async () => {
      await Promise.all([
        db.documents.bulkPut(writes.map((w) => w.row)),
        db.texts.bulkPut(writes.map((w) => ({ doc: w.row.id, paragraphs: w.paragraphs }))),
        db.passages.bulkPut(writes.flatMap((w) => w.passages)),
        db.meta.put({ key: 'seq', value: seq }),
      ]);
    });
    ids.push(...writes.map((w) => w.row.id));
  }
  const writeMs = performance.now() - start;

  const learnStart = performance.now();
  // The matcher the builder would rebuild is not the search's: not stored.
  // Every document read for names, as a first learning step reads them (~2 minutes at 10,000 here).
  if (docs.length && options.learn !== false) await learnNames({ db, setMatcher: () => Promise.resolve() }, { added: ids, removed: [] }, 'bench');
  const learnMs = performance.now() - learnStart;
  const names = namesOnly(await knownEntities(db));
  const [documents, passages, learned] = await Promise.all([db.documents.count(), db.passages.count(), db.entities.where('origin').equals('learned').count()]);
  return {
    db,
    names,
    learned,
    documents,
    passages,
    writeMs,
    learnMs,
    async close() {
      db.close();
      await indexedDB.deleteDatabase(name);
    },
  };
}
