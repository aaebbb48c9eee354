/**
 * What the database says the builder has left to do: install the starter corpus (the reads
 * wait for it), or resume (items of an import in the journal, documents read with another
 * matcher than the stored one: the reads go on with what is stored meanwhile). A background
 * that starts over a settled database answers cards without starting the builder.
 */
import type { BackstoryDb } from './db';
import { readMeta } from './kb-writer';

export type BuilderWork = 'install' | 'resume' | undefined;

export async function builderWork(db: BackstoryDb): Promise<BuilderWork> {
  if ((await readMeta(db, 'installed')) === undefined) return 'install';
  if ((await db.importItems.limit(1).count()) > 0) return 'resume';
  const key = await readMeta(db, 'extractionKey');
  if (key === undefined || (await db.documents.where('extractionKey').notEqual(key).limit(1).count()) > 0) return 'resume';
  return undefined;
}
