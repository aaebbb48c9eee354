/**
 * One import, from the page's side: the picked files are read and parsed in the page one at a
 * time (so a large drop never sits in memory whole), handed to the background's import job a
 * batch at a time, then built by the background while the page follows its progress, until it
 * ends or the reader cancels. Nothing here touches the DOM: the parser and the HTML parser come
 * in as arguments (the page loads the parser on first use, the tests pass it directly).
 */
import type { Refusal } from '../../lib/corpus/draft';
import type { ImportFile, ImportOptions, ImportResult } from '../../lib/corpus/import-file';
import type { CorpusServices, ImportStatus, ParsedImport } from './services';

/** A file the reader picked or dropped: its name, and its bytes when asked. */
export interface PickedFile {
  name: string;
  size: number;
  bytes(): Promise<Uint8Array>;
}

/** `parseImport` of lib/corpus/import-file.ts, as the page loads it. */
export type ParseImport = (
  files: readonly ImportFile[],
  options: ImportOptions & { signal?: AbortSignal; alreadyTaken?: number },
) => Promise<ImportResult>;

export type ImportProgress =
  /** Files read and parsed in the page, of all picked. */
  | { phase: 'reading'; done: number; total: number }
  /** Documents built by the background, of all handed over. */
  | { phase: 'adding'; done: number; total: number };

export interface ImportOutcome {
  /** The background's last word on the job. */
  status: ImportStatus;
  /** Files (or `.jsonl` lines) refused while the page read them, each with its reason. */
  refused: Refusal[];
  /** Files never read because the reader cancelled first. */
  unread: string[];
}

export interface FollowOptions {
  services: Pick<CorpusServices, 'runImport' | 'importStatus' | 'cancelImport'>;
  signal: AbortSignal;
  onProgress(progress: ImportProgress): void;
  /** How often the page asks how the build is going. */
  pollMs?: number;
}

export interface RunImportOptions extends FollowOptions {
  services: Pick<CorpusServices, 'beginImport' | 'stageImport' | 'runImport' | 'importStatus' | 'cancelImport'>;
  parse: ParseImport;
  parseHtml: ImportOptions['parseHtml'];
}

/**
 * What one message to the job carries at most: a message is copied whole between processes,
 * and 200 articles (~1.2 MB of text) or 4 MB keep each copy short.
 */
export const STAGE_DOCUMENTS = 200;
export const STAGE_CHARS = 4_000_000;

/** How long the page keeps asking a background that does not answer (it restarts, or it died). */
const STATUS_RETRIES = 25;

export async function runImport(files: readonly PickedFile[], options: RunImportOptions): Promise<ImportOutcome> {
  const { services, signal, onProgress } = options;
  const job = await services.beginImport(files.map((f) => f.name));
  const refused: Refusal[] = [];
  const unread: string[] = [];
  let taken = 0;
  let batch: ParsedImport = { documents: [], packs: [] };
  let batchChars = 0;
  const stage = async () => {
    if (batch.documents.length === 0 && batch.packs.length === 0) return;
    const sending = batch;
    batch = { documents: [], packs: [] };
    batchChars = 0;
    await services.stageImport(job, sending);
  };

  onProgress({ phase: 'reading', done: 0, total: files.length });
  for (const [index, file] of files.entries()) {
    if (signal.aborted) {
      unread.push(...files.slice(index).map((f) => f.name));
      break;
    }
    let content: Uint8Array;
    try {
      content = await file.bytes();
    } catch {
      refused.push({ name: file.name, reason: 'the file could not be read (it was moved, deleted or is not readable)' });
      continue;
    }
    const parsed = await options.parse([{ name: file.name, content }], { parseHtml: options.parseHtml, alreadyTaken: taken });
    refused.push(...parsed.refused);
    batch.documents.push(...parsed.documents);
    batch.packs.push(...parsed.packs.map((pack) => ({ name: file.name, pack })));
    taken += parsed.documents.length + parsed.packs.reduce((n, p) => n + p.documents.length, 0);
    batchChars += parsed.documents.reduce((n, d) => n + d.paragraphs.reduce((m, p) => m + p.length, 0), 0);
    // A pack travels alone: it can be as large as a whole import.
    if (batch.documents.length >= STAGE_DOCUMENTS || batchChars >= STAGE_CHARS || batch.packs.length > 0) await stage();
    onProgress({ phase: 'reading', done: index + 1, total: files.length });
  }
  await stage();

  if (signal.aborted) return { status: await services.cancelImport(job), refused, unread };
  await services.runImport(job);
  return { status: await follow(job, options), refused, unread };
}

/** Builds what an interrupted import had not built, followed like a new one. */
export async function resumeImport(job: string, options: FollowOptions): Promise<ImportOutcome> {
  await options.services.runImport(job);
  return { status: await follow(job, options), refused: [], unread: [] };
}

/** Asks how the job is going until it ends, or cancels it when the reader does. */
async function follow(job: string, { services, signal, onProgress, pollMs = 200 }: FollowOptions): Promise<ImportStatus> {
  let failures = 0;
  for (;;) {
    if (signal.aborted) return services.cancelImport(job);
    let status: ImportStatus | undefined;
    try {
      status = await services.importStatus(job);
      failures = 0;
    } catch (error) {
      // A restarting service worker misses a message or two; one that stays away is reported.
      if (++failures > STATUS_RETRIES) throw error;
    }
    if (status) {
      onProgress({ phase: 'adding', done: status.done, total: status.total });
      if (status.state !== 'running' && status.state !== 'staging') return status;
    }
    await pause(pollMs, signal);
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
