/**
 * Copies the bundled knowledge base into IndexedDB when it changed.
 *
 * The knowledge base's `version` is a content hash: equal versions mean equal data, so seeding
 * is a no-op then. A new version replaces the knowledge-base tables in one transaction (a reader
 * never sees half of one and half of the other), and never opens a user table.
 */
import type { KnowledgeBase, Perspective } from '../kb/types';
import type { BackstoryDb } from './db';

export type SeedResult = 'seeded' | 'unchanged';

export async function seedKnowledgeBase(db: BackstoryDb, kb: KnowledgeBase): Promise<SeedResult> {
  return db.transaction('rw', [db.entities, db.documents, db.passages, db.meta], async () => {
    if ((await seededVersion(db)) === kb.version) return 'unchanged';
    await Promise.all([db.entities.clear(), db.documents.clear(), db.passages.clear(), db.meta.clear()]);
    await db.entities.bulkPut(kb.entities);
    await db.documents.bulkPut(kb.documents);
    await db.passages.bulkPut(kb.passages);
    await db.meta.bulkPut([
      { key: 'perspectives', value: kb.perspectives },
      // Written last: a version row means the rows above are all there.
      { key: 'kbVersion', value: kb.version },
    ]);
    return 'seeded';
  });
}

/** The version of the knowledge base now in the database, if any. */
export async function seededVersion(db: BackstoryDb): Promise<string | undefined> {
  const row = await db.meta.get('kbVersion');
  return row?.key === 'kbVersion' ? row.value : undefined;
}

/** The perspectives of the seeded knowledge base (empty before the first seed). */
export async function seededPerspectives(db: BackstoryDb): Promise<Perspective[]> {
  const row = await db.meta.get('perspectives');
  return row?.key === 'perspectives' ? row.value : [];
}
