/**
 * One import, from the page's side: the picked files are read and parsed in the page one at a
 * time (so a large drop never sits in memory as bytes), their documents, refusals and packs
 * become import items in the reader's order, the items go to the background's import job in
 * batches, and the page follows the job until it ends or the reader cancels. Nothing here
 * touches the DOM: the parser and the HTML parser come in as arguments (the page loads the
 * parser on first use, the tests pass it directly).
 */
import type { ImportFile, ImportOptions, ImportResult } from '../../lib/corpus/import-file';
import { MAX_DOCUMENTS_PER_IMPORT, MAX_LABEL_CHARS } from '../../lib/corpus/limits';
import { importBatches, packImportItems } from '../../lib/kb/import-items';
import type { CorpusServices, ImportItem, ImportStatus } from './services';

/** A file the reader picked or dropped: its name, and its bytes when asked. */
export interface PickedFile {
  name: string;
  size: number;
  bytes(): Promise<Uint8Array>;
}

/** `parseImport` of lib/corpus/import-file.ts, as the page loads it. */
export type ParseImport = (
  files: readonly ImportFile[],
  options: ImportOptions & { alreadyTaken?: number },
) => Promise<ImportResult>;

export type ImportProgress =
  /** Files read and parsed in the page, of all picked. */
  | { phase: 'reading'; done: number; total: number }
  /** Items decided by the background (added, skipped, refused), of all handed over. */
  | { phase: 'adding'; done: number; total: number };

/** How an import ended: the job's last status, or nothing when it was cancelled before it began. */
export type ImportOutcome = { status: ImportStatus } | { cancelledWhileReading: true };

export interface FollowOptions {
  services: Pick<CorpusServices, 'importStatus' | 'cancelImport' | 'onImportProgress'>;
  signal: AbortSignal;
  onProgress(progress: ImportProgress): void;
  /** How often the page asks how the job is going, besides the background's progress notices. */
  pollMs?: number;
}

export interface RunImportOptions extends FollowOptions {
  services: Pick<CorpusServices, 'startImport' | 'sendImportBatch' | 'endImport' | 'importStatus' | 'cancelImport' | 'onImportProgress'>;
  parse: ParseImport;
  parseHtml: ImportOptions['parseHtml'];
}

/** States after which a job changes no more. */
const FINAL = new Set<ImportStatus['state']>(['done', 'cancelled', 'stopped', 'interrupted']);

export function isFinished(status: ImportStatus): boolean {
  return FINAL.has(status.state);
}

/** How long the page keeps asking a background that does not answer (it restarts, or it died). */
const STATUS_RETRIES = 25;

/** The import's name in its journal: what the reader dropped, in a few words. */
export function importLabel(files: readonly { name: string }[]): string {
  const [first] = files;
  if (!first) return 'nothing';
  return files.length === 1 ? first.name : `${first.name} and ${files.length - 1} more`;
}

/**
 * The files' names as the journal keeps them, within the contract's bounds: a name is a label
 * (a folder path can be longer: its end is what tells files apart), and a drop of more files
 * than an import takes names none of them rather than some.
 */
export function journalNames(files: readonly { name: string }[]): string[] {
  if (files.length > MAX_DOCUMENTS_PER_IMPORT * 2) return [];
  return files.map((f) => (f.name.length > MAX_LABEL_CHARS ? `…${f.name.slice(-(MAX_LABEL_CHARS - 1))}` : f.name));
}

/** Every item the files hold, in the reader's order; what cannot be read is a refused item. */
export async function readItems(
  files: readonly PickedFile[],
  { parse, parseHtml, signal, onProgress }: Pick<RunImportOptions, 'parse' | 'parseHtml' | 'signal' | 'onProgress'>,
): Promise<ImportItem[] | undefined> {
  const items: ImportItem[] = [];
  let taken = 0;
  onProgress({ phase: 'reading', done: 0, total: files.length });
  for (const [index, file] of files.entries()) {
    if (signal.aborted) return undefined;
    let content: Uint8Array;
    try {
      content = await file.bytes();
    } catch {
      items.push({ kind: 'refused', name: file.name, reason: 'the file could not be read (it was moved, deleted or is not readable)' });
      continue;
    }
    const parsed = await parse([{ name: file.name, content }], { parseHtml, alreadyTaken: taken });
    // Within one file: the documents in their order, then what was refused (lines of a .jsonl).
    for (const draft of parsed.documents) {
      const line = draft.origin.kind === 'file' ? draft.origin.line : undefined;
      items.push({ kind: 'draft', name: file.name, ...(line ? { line } : {}), draft });
    }
    for (const refusal of parsed.refused) items.push({ kind: 'refused', ...refusal });
    for (const pack of parsed.packs) items.push(...packImportItems(pack, file.name));
    taken += parsed.documents.length + parsed.packs.reduce((n, p) => n + p.documents.length, 0);
    onProgress({ phase: 'reading', done: index + 1, total: files.length });
  }
  return signal.aborted ? undefined : items;
}

export async function runImport(files: readonly PickedFile[], options: RunImportOptions): Promise<ImportOutcome> {
  const { services, signal, onProgress } = options;
  const items = await readItems(files, options);
  if (!items) return { cancelledWhileReading: true };
  let status = await services.startImport(items.length, importLabel(files), journalNames(files));
  for (const batch of importBatches(items)) {
    if (signal.aborted) return { status: await services.cancelImport(status.id) };
    status = await services.sendImportBatch(status.id, batch);
    onProgress({ phase: 'adding', done: status.processed, total: status.expected });
  }
  status = await services.endImport(status.id);
  return { status: await followImport(status, options) };
}

/**
 * Follows a job until it ends (or cancels it when the reader does): from the background's
 * progress notices as they come, and by asking every `pollMs`, which also finds a job again
 * after the service worker restarted.
 */
export async function followImport(start: ImportStatus, { services, signal, onProgress, pollMs = 250 }: FollowOptions): Promise<ImportStatus> {
  let latest = start;
  const report = (status: ImportStatus) => {
    if (status.id !== start.id || status.updatedAt < latest.updatedAt) return;
    latest = status;
    onProgress({ phase: 'adding', done: status.processed, total: status.expected });
  };
  const stop = services.onImportProgress(report);
  try {
    let failures = 0;
    while (!isFinished(latest)) {
      if (signal.aborted) return await services.cancelImport(start.id);
      await pause(pollMs, signal);
      if (signal.aborted) continue;
      try {
        const status = await services.importStatus(start.id);
        if (status) report(status);
        failures = 0;
      } catch (error) {
        // A restarting service worker misses a message or two; one that stays away is reported.
        if (++failures > STATUS_RETRIES) throw error;
      }
    }
    return latest;
  } finally {
    stop();
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
