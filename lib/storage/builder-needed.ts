/**
 * Whether the builder has work the database says it left: the starter corpus not installed,
 * items of an import in the journal, documents read with another matcher than the stored one. A
 * background that starts over a settled database answers cards without starting the builder.
 */
import type { BackstoryDb } from './db';
import { readMeta } from './kb-writer';

export async function builderNeeded(db: BackstoryDb): Promise<boolean> {
  if ((await readMeta(db, 'installed')) === undefined) return true;
  if ((await db.importItems.limit(1).count()) > 0) return true;
  const key = await readMeta(db, 'extractionKey');
  return key === undefined || (await db.documents.where('extractionKey').notEqual(key).limit(1).count()) > 0;
}
