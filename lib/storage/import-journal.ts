/**
 * The import journal: an import's items wait in IndexedDB from the moment they arrive until the
 * builder has built each one, and each is settled (added, skipped as a duplicate, refused) in the
 * same transaction as the document it adds. So a killed service worker, builder or browser
 * leaves no half document and loses no item: the next start builds what is pending, and an
 * import whose page stopped sending says how many items never arrived.
 */
import type { Duplicate, ImportItem, ImportStatus } from '../message-schemas';
import type { BackstoryDb } from './db';
import { storing } from './kb-writer';
import type { ImportItemRow, ImportRow } from './types';

/** An import whose page has sent nothing for this long, and said it had not finished, was cut short. */
export const SILENT_IMPORT_MS = 10 * 60_000;
/** Names kept per list in a summary (the counts are exact). */
const LIST_MAX = 1_000;

export type Outcome =
  | { kind: 'added' }
  | { kind: 'header' }
  | { kind: 'duplicate'; name: string; line?: number; duplicate: Duplicate }
  | { kind: 'refused'; name: string; line?: number; reason: string };

export class ImportNotOpen extends Error {
  constructor(id: string, state: string) {
    super(`import ${id} is ${state}: it takes no more items`);
    this.name = 'ImportNotOpen';
  }
}

function newImportId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `i-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

const line = (l?: number) => (l === undefined ? {} : { line: l });

export function statusOf(row: ImportRow): ImportStatus {
  const { ended: _e, nextSeq: _n, files: _f, arrivedFiles: _a, ...status } = row;
  return status;
}

/**
 * The files announced of which nothing arrived, by name (as many as `missing` items never came;
 * one file may have been several items, so the names are those the page's list gives).
 */
function neverArrived(row: ImportRow, missing: number): { name: string }[] {
  if (missing === 0 || !row.files) return [];
  const arrived = new Set(row.arrivedFiles ?? []);
  return row.files.filter((f) => !arrived.has(f)).map((name) => ({ name }));
}

export class ImportJournal {
  constructor(
    private readonly db: BackstoryDb,
    private readonly now: () => number,
  ) {}

  async start(expected: number, label?: string, files?: readonly string[]): Promise<ImportStatus> {
    const at = this.now();
    const row: ImportRow = {
      id: newImportId(),
      ...(label ? { label } : {}),
      state: 'receiving',
      expected,
      received: 0,
      processed: 0,
      added: 0,
      duplicates: 0,
      refused: 0,
      notAdded: 0,
      startedAt: at,
      updatedAt: at,
      duplicateList: [],
      refusedList: [],
      notAddedList: [],
      ended: false,
      nextSeq: 0,
      ...(files?.length ? { files: [...files], arrivedFiles: [] } : {}),
    };
    await storing(() => this.db.imports.add(row));
    return statusOf(row);
  }

  async receive(id: string, items: readonly ImportItem[]): Promise<ImportStatus> {
    return storing(() =>
      this.db.transaction('rw', this.db.imports, this.db.importItems, async () => {
        const row = await this.open(id);
        const rows: ImportItemRow[] = items.map((item, i) => ({ import: id, seq: row.nextSeq + i, status: 'pending', item }));
        await this.db.importItems.bulkAdd(rows);
        const next: ImportRow = {
          ...row,
          received: row.received + items.length,
          expected: Math.max(row.expected, row.received + items.length),
          nextSeq: row.nextSeq + items.length,
          updatedAt: this.now(),
          ...(row.files ? { arrivedFiles: [...new Set([...(row.arrivedFiles ?? []), ...items.map((i) => i.name)])] } : {}),
        };
        await this.db.imports.put(next);
        return statusOf(next);
      }),
    );
  }

  async end(id: string): Promise<ImportStatus> {
    return storing(() =>
      this.db.transaction('rw', this.db.imports, this.db.importItems, async () => {
        const row = await this.open(id);
        const pending = await this.db.importItems.where('import').equals(id).count();
        // What the page announced and never sent was not added.
        const missing = Math.max(0, row.expected - row.received);
        const next: ImportRow = {
          ...row,
          ended: true,
          expected: row.received,
          notAdded: row.notAdded + missing,
          processed: row.processed + missing,
          notAddedList: [...row.notAddedList, ...neverArrived(row, missing)].slice(0, LIST_MAX),
          state: pending === 0 ? 'done' : 'building',
          updatedAt: this.now(),
        };
        await this.db.imports.put(next);
        return statusOf(next);
      }),
    );
  }

  /** Nothing more is built: pending items are listed as not added; what was added stays. */
  cancel(id: string): Promise<ImportStatus> {
    return this.close(id, 'cancelled');
  }

  /** Storage full or a failure: as cancel, with the reason. */
  stop(id: string, error: string): Promise<ImportStatus> {
    return this.close(id, 'stopped', error);
  }

  private close(id: string, state: 'cancelled' | 'stopped', error?: string): Promise<ImportStatus> {
    return this.db.transaction('rw', this.db.imports, this.db.importItems, async () => {
      const row = await this.db.imports.get(id);
      if (!row) throw new Error(`no import ${id}`);
      if (row.state === 'done' || row.state === 'cancelled' || row.state === 'stopped') return statusOf(row);
      const pending = await this.db.importItems.where('import').equals(id).toArray();
      await this.db.importItems.where('import').equals(id).delete();
      const notArrived = row.ended ? 0 : Math.max(0, row.expected - row.received);
      const dropped = pending.filter((p) => p.item.kind !== 'pack');
      const next: ImportRow = {
        ...row,
        state,
        ...(error ? { error } : {}),
        ended: true,
        notAdded: row.notAdded + dropped.length + notArrived,
        processed: row.processed + pending.length + notArrived,
        notAddedList: [
          ...row.notAddedList,
          ...dropped.map((p) => ({ name: p.item.name, ...line('line' in p.item ? p.item.line : undefined) })),
          ...neverArrived(row, notArrived),
        ].slice(0, LIST_MAX),
        updatedAt: this.now(),
      };
      await this.db.imports.put(next);
      return statusOf(next);
    });
  }

  /**
   * Forgets an import once the reader has seen how it went; an unfinished one is cancelled first
   * (what it added stays). False when there is no such import.
   */
  async dismiss(id: string): Promise<boolean> {
    const row = await this.db.imports.get(id);
    if (!row) return false;
    if (row.state === 'receiving' || row.state === 'building') await this.cancel(id);
    await this.db.imports.delete(id);
    return true;
  }

  /** The oldest item waiting to be built, of any import. */
  async next(): Promise<ImportItemRow | undefined> {
    return this.db.importItems.orderBy(':id').first();
  }

  /** Records how an item went and drops it from the journal, inside the caller's transaction. */
  settle(id: string, seq: number, outcome: Outcome): Promise<void> {
    return this.settleAll(id, [{ seq, outcome }]);
  }

  /** `settle` for several items of one import: the import's row read and written once. */
  async settleAll(id: string, settled: readonly { seq: number; outcome: Outcome }[]): Promise<void> {
    const row = await this.db.imports.get(id);
    await this.db.importItems.bulkDelete(settled.map(({ seq }) => [id, seq] as [string, number]));
    if (!row) return;
    const next: ImportRow = { ...row, processed: row.processed + settled.length, updatedAt: this.now() };
    const duplicates = [...row.duplicateList];
    const refused = [...row.refusedList];
    for (const { outcome } of settled) {
      if (outcome.kind === 'added') next.added++;
      else if (outcome.kind === 'duplicate') {
        next.duplicates++;
        if (duplicates.length < LIST_MAX) {
          duplicates.push({ name: outcome.name, ...line(outcome.line), doc: outcome.duplicate.doc, title: outcome.duplicate.title, reason: outcome.duplicate.reason });
        }
      } else if (outcome.kind === 'refused') {
        next.refused++;
        if (refused.length < LIST_MAX) refused.push({ name: outcome.name, ...line(outcome.line), reason: outcome.reason });
      }
    }
    next.duplicateList = duplicates;
    next.refusedList = refused;
    const left = await this.db.importItems.where('import').equals(id).count();
    if (left === 0 && next.ended && (next.state === 'receiving' || next.state === 'building')) next.state = 'done';
    else if (next.state === 'receiving' && next.ended) next.state = 'building';
    await this.db.imports.put(next);
  }

  /** Whether an import is still arriving: its page has not sent everything yet, and has not gone silent. */
  async receiving(): Promise<boolean> {
    const cutoff = this.now() - SILENT_IMPORT_MS;
    return (await this.db.imports.where('state').equals('receiving').filter((r) => !r.ended && r.updatedAt >= cutoff).count()) > 0;
  }

  /** The oldest items waiting to be built (any import's), at most `limit`. */
  waiting(limit: number): Promise<ImportItemRow[]> {
    return this.db.importItems.orderBy(':id').limit(limit).toArray();
  }

  /** `settle` in a transaction of its own (an item that writes no document). */
  settleAlone(id: string, seq: number, outcome: Outcome): Promise<void> {
    return storing(() => this.db.transaction('rw', this.db.imports, this.db.importItems, () => this.settle(id, seq, outcome)));
  }

  async progress(id: string): Promise<ImportStatus | undefined> {
    const row = await this.db.imports.get(id);
    return row && statusOf(row);
  }

  /**
   * One import, or the unfinished ones and the last finished one. An import whose page went
   * silent before sending everything is marked interrupted, with what never arrived not added.
   */
  async statuses(id?: string): Promise<ImportStatus[]> {
    await this.markSilentOnes();
    if (id) {
      const row = await this.db.imports.get(id);
      return row ? [statusOf(row)] : [];
    }
    const all = await this.db.imports.orderBy('startedAt').reverse().toArray();
    const open = all.filter((r) => r.state === 'receiving' || r.state === 'building');
    const last = all.find((r) => !open.includes(r));
    return [...open, ...(last ? [last] : [])].map(statusOf);
  }

  private async markSilentOnes(): Promise<void> {
    const cutoff = this.now() - SILENT_IMPORT_MS;
    const silent = await this.db.imports.where('state').equals('receiving').filter((r) => !r.ended && r.updatedAt < cutoff).toArray();
    if (silent.length === 0) return;
    await this.db.transaction('rw', this.db.imports, this.db.importItems, async () => {
      for (const row of silent) {
        const missing = Math.max(0, row.expected - row.received);
        await this.db.imports.put({
          ...row,
          state: 'interrupted',
          ended: true,
          notAdded: row.notAdded + missing,
          processed: row.processed + missing,
          notAddedList: [...row.notAddedList, ...neverArrived(row, missing)].slice(0, LIST_MAX),
          updatedAt: this.now(),
        });
      }
    });
  }

  private async open(id: string): Promise<ImportRow> {
    const row = await this.db.imports.get(id);
    if (!row) throw new Error(`no import ${id}`);
    if (row.ended || row.state !== 'receiving') throw new ImportNotOpen(id, row.state);
    return row;
  }
}
