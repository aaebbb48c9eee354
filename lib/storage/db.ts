/**
 * Backstory's one IndexedDB database. Every schema change gets a new `version(n)` with an
 * upgrade that keeps user data, and a test in `test/background/` that upgrades a database
 * written by the previous version.
 *
 * DOM-free and `browser.*`-free: it needs only `indexedDB`, which the background, the popup and
 * the tests (fake-indexeddb) all have.
 */
import { Dexie, type EntityTable, type Table } from 'dexie';
import type {
  AutomaticRow,
  ContrastRow,
  DisagreementRow,
  DocumentRow,
  EntityRow,
  FingerprintRow,
  HighlightRow,
  ImportItemRow,
  ImportRow,
  MentionRow,
  MetaRow,
  NamesRow,
  PackRow,
  PassageRow,
  ReadingRow,
  TextRow,
} from './types';

export const DB_NAME = 'backstory';

export type BackstoryDb = Dexie & {
  entities: EntityTable<EntityRow, 'id'>;
  documents: EntityTable<DocumentRow, 'id'>;
  texts: EntityTable<TextRow, 'doc'>;
  passages: EntityTable<PassageRow, 'id'>;
  mentions: Table<MentionRow, [string, string]>;
  contrasts: EntityTable<ContrastRow, 'id'>;
  disagreements: EntityTable<DisagreementRow, 'id'>;
  fingerprints: EntityTable<FingerprintRow, 'doc'>;
  readings: EntityTable<ReadingRow, 'doc'>;
  packs: EntityTable<PackRow, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
  imports: EntityTable<ImportRow, 'id'>;
  importItems: Table<ImportItemRow, [string, number]>;
  highlights: EntityTable<HighlightRow, 'id'>;
  automatic: EntityTable<AutomaticRow, 'entity'>;
  names: EntityTable<NamesRow, 'key'>;
};

/** The knowledge-base tables: derived from documents and packs, written only by the builder. */
export const KB_TABLES = [
  'entities',
  'documents',
  'texts',
  'passages',
  'mentions',
  'contrasts',
  'disagreements',
  'fingerprints',
  'readings',
  'packs',
  'meta',
  'automatic',
] as const;

/** The tables one document's rows live in: written together in one transaction, removed together. */
export const DOCUMENT_TABLES = ['documents', 'texts', 'passages', 'mentions', 'fingerprints', 'readings'] as const;

/** Schema v1 (the Foundation): kept as history, Dexie needs it to upgrade older databases. */
export const SCHEMA_V1 = {
  entities: 'id, type',
  documents: 'id',
  passages: 'id, doc',
  meta: 'key',
  highlights: 'id, url, canonicalUrl, createdAt, *entities',
} as const;

/** Schema v2 (highlights): recency, tag and site indexes for the popup's list and filters. */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  highlights: 'id, url, canonicalUrl, createdAt, updatedAt, site, *entities, *tags',
} as const;

/**
 * Schema v3 (your own documents): the knowledge base becomes the source of truth, derived from
 * documents per document. v2's knowledge-base rows were copies of the bundled knowledge base in
 * another shape: the upgrade drops them (the starter corpus is installed again as a pack);
 * highlights are not touched.
 */
export const SCHEMA_V3 = {
  entities: 'id, type, origin, *linksTo',
  documents: 'id, pack, canonicalUrl, contentHash, domain, seq, extractionKey, *titleTerms',
  texts: 'doc',
  passages: 'id, doc, *terms',
  mentions: '[entity+doc], doc, [entity+rank]',
  contrasts: 'id, pack, *entities, *docs',
  disagreements: 'id, pack, *entities, *docs',
  fingerprints: 'doc, *probes',
  readings: 'doc',
  packs: 'id',
  meta: 'key',
  imports: 'id, state, startedAt',
  importItems: '[import+seq], import',
  highlights: SCHEMA_V2.highlights,
} as const;

/**
 * Schema v4 (automatic contrasts of the reader's documents): per entity, the contrasts and stance
 * strip the device computed from every document that mentions it, indexed by the documents they
 * draw on (removing a document finds the entities to compute again). A new table, empty until the
 * next change of the corpus; nothing else is touched.
 */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  automatic: 'entity, *docs',
} as const;

/**
 * Schema v5 (names learned from the reader's documents): one new table, `names`, for the
 * learned state (per document the names it gives, the reader's edits), what it resolved to, and
 * the curated matcher input learning starts from. No existing row is touched.
 */
export const SCHEMA_V5 = {
  ...SCHEMA_V4,
  names: 'key',
} as const;

export function openBackstoryDb(name: string = DB_NAME): BackstoryDb {
  const db = new Dexie(name) as BackstoryDb;
  db.version(1).stores(SCHEMA_V1);
  db.version(2)
    .stores(SCHEMA_V2)
    .upgrade((tx) =>
      // v1 rows get the fields v2 added; nothing is removed or rewritten.
      tx
        .table('highlights')
        .toCollection()
        .modify((row: Partial<HighlightRow> & { url: string }) => {
          row.tags ??= [];
          row.site ??= siteOf(row.url);
        }),
    );
  db.version(3)
    .stores(SCHEMA_V3)
    .upgrade(async (tx) => {
      // Copies of the bundled knowledge base in v2's shape; the builder installs the starter
      // corpus again. The reader's highlights are another table and stay as they are.
      await Promise.all(['entities', 'documents', 'passages', 'meta'].map((table) => tx.table(table).clear()));
    });
  // A table added: no rows to rewrite (until computed, cards show what the packs carry).
  db.version(4).stores(SCHEMA_V4);
  // Nothing to convert: the table starts empty and the builder learns on the next change.
  db.version(5).stores(SCHEMA_V5);
  return db;
}

/** Host name of a page URL ('' when it is not one), for "filter by site". */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
