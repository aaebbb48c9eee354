/**
 * Backstory's one IndexedDB database. Every schema change gets a new `version(n)` with an
 * upgrade that keeps user data, and a test in `test/background/` that upgrades a database
 * written by the previous version.
 *
 * DOM-free and `browser.*`-free: it needs only `indexedDB`, which the background, the popup and
 * the tests (fake-indexeddb) all have.
 */
import { Dexie, type EntityTable } from 'dexie';
import type { DocumentRow, EntityRow, HighlightRow, MetaRow, PassageRow } from './types';

export const DB_NAME = 'backstory';

export type BackstoryDb = Dexie & {
  entities: EntityTable<EntityRow, 'id'>;
  documents: EntityTable<DocumentRow, 'id'>;
  passages: EntityTable<PassageRow, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
  highlights: EntityTable<HighlightRow, 'id'>;
};

/** The knowledge-base tables: a copy of the bundled knowledge base, safe to drop and refill. */
export const KB_TABLES = ['entities', 'documents', 'passages', 'meta'] as const;

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
