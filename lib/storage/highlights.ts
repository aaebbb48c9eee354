/**
 * The reader's saved highlights in IndexedDB: the only user data Backstory keeps, so every
 * write reports its failure in words (a full disk is "storage is full", not a stack trace) and
 * import writes all or nothing. DOM-free; the background calls these.
 */
import type { BackstoryDb } from './db';
import type { HighlightAnchorState, HighlightRow } from './types';
import { planImport, type ImportPlan } from '../highlights/json';

/** Thrown when the browser refuses to store more; the caller keeps the highlight to retry. */
export class StorageFullError extends Error {
  constructor() {
    super('Browser storage is full: free some space (or delete old highlights), then retry.');
    this.name = 'StorageFullError';
  }
}

/** Dexie wraps the browser's QuotaExceededError (sometimes inside an AbortError of the transaction). */
export function isQuotaError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const { name, inner } = e as { name?: string; inner?: unknown };
    if (name === 'QuotaExceededError') return true;
    e = inner;
  }
  return false;
}

async function write<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw isQuotaError(error) ? new StorageFullError() : error;
  }
}

export function saveHighlight(db: BackstoryDb, row: HighlightRow): Promise<HighlightRow> {
  return write(async () => {
    await db.highlights.put(row);
    return row;
  });
}

/** Every highlight, most recently saved first (the popup's list). */
export function listHighlights(db: BackstoryDb): Promise<HighlightRow[]> {
  return db.highlights.orderBy('createdAt').reverse().toArray();
}

/** The highlights of one page, by the URL it was visited at or its canonical URL. */
export async function highlightsForPage(db: BackstoryDb, urls: readonly string[]): Promise<HighlightRow[]> {
  const [byUrl, byCanonical] = await Promise.all([
    db.highlights.where('url').anyOf(urls).toArray(),
    db.highlights.where('canonicalUrl').anyOf(urls).toArray(),
  ]);
  const seen = new Map<string, HighlightRow>();
  for (const h of [...byUrl, ...byCanonical]) seen.set(h.id, h);
  return [...seen.values()].sort((a, b) => a.start - b.start);
}

export function updateHighlight(
  db: BackstoryDb,
  id: string,
  change: Partial<Pick<HighlightRow, 'note' | 'tags'>>,
  now: number,
): Promise<HighlightRow | undefined> {
  return write(() =>
    db.transaction('rw', db.highlights, async () => {
      const row = await db.highlights.get(id);
      if (!row) return undefined;
      const updated = { ...row, ...change, updatedAt: now };
      await db.highlights.put(updated);
      return updated;
    }),
  );
}

/** Deletes and returns the row, so the popup can offer undo (`saveHighlight` puts it back). */
export function deleteHighlight(db: BackstoryDb, id: string): Promise<HighlightRow | undefined> {
  return db.transaction('rw', db.highlights, async () => {
    const row = await db.highlights.get(id);
    if (row) await db.highlights.delete(id);
    return row;
  });
}

/** Remember how re-anchoring went (the popup lists orphans); no `updatedAt` change: not an edit. */
export function recordAnchoring(db: BackstoryDb, states: ReadonlyMap<string, HighlightAnchorState>): Promise<void> {
  return write(() =>
    db.transaction('rw', db.highlights, async () => {
      const rows = await db.highlights.bulkGet([...states.keys()]);
      const changed = rows.flatMap((row) => {
        const state = row && states.get(row.id);
        return row && state && row.anchor?.status !== state.status ? [{ ...row, anchor: state }] : [];
      });
      if (changed.length > 0) await db.highlights.bulkPut(changed);
    }),
  );
}

/** Merge an imported file's highlights in one transaction: all are written, or none. */
export function importHighlights(db: BackstoryDb, imported: readonly HighlightRow[]): Promise<Omit<ImportPlan, 'put'>> {
  return write(() =>
    db.transaction('rw', db.highlights, async () => {
      const plan = planImport(await db.highlights.toArray(), imported);
      await db.highlights.bulkPut(plan.put);
      return { added: plan.added, updated: plan.updated, unchanged: plan.unchanged };
    }),
  );
}
