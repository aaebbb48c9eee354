/**
 * `npm run corpus -- --add DIR --out FILE`: a folder of documents → one corpus pack, built by
 * the device's own code. Files are read and documents extracted in worker threads (as many as
 * the machine has cores, by default); the main thread compiles the gazetteer once and merges the
 * rows in the order the files are listed, so the pack is the same whatever the worker count.
 * A file that cannot be taken is refused by name with the reason; the others are built.
 */
import { availableParallelism } from 'node:os';
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Refusal } from '../../lib/corpus/draft';
import { MAX_DOCUMENTS_PER_IMPORT } from '../../lib/corpus/limits';
import type { CorpusPack } from '../../lib/corpus/pack';
import { compileGazetteer, extractionKey } from '../../lib/kb/gazetteer';
import { PackMerger, type PackIdentity } from '../../lib/kb/pack-merge';
import type { GazetteerInput } from '../../lib/kb/gazetteer';
import type { ExtractedRows, FileRead, ReadDocument, WorkerReply, WorkerSetup, WorkerTask } from './messages';

/** Documents per extraction task: big enough that messaging is noise, small enough to share out evenly. */
const EXTRACT_CHUNK = 16;

export interface FolderBuildOptions extends PackIdentity {
  /** Worker threads; 1 still reads in a worker, so the main thread only merges. */
  workers?: number;
  /** The gazetteer, blockers, event cues and topic words the documents are read with. */
  gazetteer: GazetteerInput;
}

export interface SkippedDuplicate {
  name: string;
  line?: number;
  title: string;
  /** The document of the pack it repeats, and how it was recognised. */
  of: string;
  kind: string;
}

export interface FolderBuild {
  /** Absent when no document could be built. */
  pack?: CorpusPack;
  files: number;
  refused: Refusal[];
  duplicates: SkippedDuplicate[];
  notes: string[];
  workers: number;
  /** Wall-clock ms of each step: reading files, extracting documents (both in the workers), merging. */
  timings: { readMs: number; extractMs: number; mergeMs: number };
}

/** Every file under `dir`, by path relative to it, in code-unit order (the same on every machine). */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export async function buildFolderPack(dir: string, options: FolderBuildOptions): Promise<FolderBuild> {
  const compiled = compileGazetteer(options.gazetteer);
  const errors = compiled.issues.filter((i) => i.severity === 'error');
  if (!compiled.matcher || errors.length) {
    throw new Error(`the gazetteer does not compile: ${errors.map((e) => `${e.file}: ${e.message}`).join('; ')}`);
  }
  const key = extractionKey(compiled.matcher);
  const files = listFiles(dir);
  const workers = Math.max(1, Math.min(options.workers ?? availableParallelism(), Math.max(1, files.length)));
  const pool = new WorkerPool(workers, {
    entry: new URL('./extract-worker.ts', import.meta.url).href,
    matcher: compiled.matcher,
    matcherInput: compiled.matcherInput,
    extractionKey: key,
  });
  try {
    let at = performance.now();
    const lap = () => {
      const now = performance.now();
      const ms = now - at;
      at = now;
      return ms;
    };
    const reads = await Promise.all(
      files.map(async (name): Promise<FileRead> => {
        const reply = await pool.run({ kind: 'read', path: join(dir, name), name });
        if (!reply.ok || reply.kind !== 'read') {
          return { documents: [], refused: [{ name, reason: `the file could not be read (${reply.ok ? 'no reply' : reply.error})` }], labels: { perspectives: [], sources: [] }, notes: [] };
        }
        return reply.read;
      }),
    );
    const refused = reads.flatMap((r) => r.refused);
    const notes = reads.flatMap((r) => r.notes);
    const documents = reads.flatMap((r) => r.documents);
    const kept = documents.slice(0, MAX_DOCUMENTS_PER_IMPORT);
    for (const over of documents.slice(MAX_DOCUMENTS_PER_IMPORT)) {
      refused.push({
        name: over.name,
        ...(over.line ? { line: over.line } : {}),
        reason: `a pack holds at most ${MAX_DOCUMENTS_PER_IMPORT.toLocaleString('en-US')} documents; build this one into another pack`,
      });
    }
    const readMs = lap();
    const rows = await extractAll(pool, kept);
    const extractMs = lap();

    const merger = new PackMerger(key);
    for (const read of reads) merger.addLabels(read.labels.perspectives, read.labels.sources);
    const duplicates: SkippedDuplicate[] = [];
    kept.forEach((doc, i) => {
      const outcome = merger.add({ document: doc.document, ...(doc.canonicalUrl ? { canonicalUrl: doc.canonicalUrl } : {}), contentHash: doc.contentHash, rows: rows[i]! });
      if (!outcome.added) {
        duplicates.push({ name: doc.name, ...(doc.line ? { line: doc.line } : {}), title: doc.document.title, of: outcome.duplicate.doc, kind: outcome.duplicate.kind });
      }
    });
    const { workers: _w, gazetteer: _g, ...identity } = options;
    const pack = merger.size ? merger.pack(identity) : undefined;
    const timings = { readMs, extractMs, mergeMs: lap() };
    return { ...(pack ? { pack } : {}), files: files.length, refused, duplicates, notes, workers, timings };
  } finally {
    await pool.close();
  }
}

/** Every document's rows, in the documents' order: a pack's own rows, or extracted in chunks. */
async function extractAll(pool: WorkerPool, documents: readonly ReadDocument[]): Promise<ExtractedRows[]> {
  const rows: (ExtractedRows | undefined)[] = documents.map((d) => d.rows);
  const todo = documents.flatMap((d, i) => (d.rows ? [] : [i]));
  const chunks: number[][] = [];
  for (let i = 0; i < todo.length; i += EXTRACT_CHUNK) chunks.push(todo.slice(i, i + EXTRACT_CHUNK));
  await Promise.all(
    chunks.map(async (chunk) => {
      const reply = await pool.run({
        kind: 'extract',
        documents: chunk.map((i) => ({ id: documents[i]!.document.id, title: documents[i]!.document.title, paragraphs: documents[i]!.document.paragraphs })),
      });
      if (!reply.ok || reply.kind !== 'extract') throw new Error(`extraction failed: ${reply.ok ? 'no reply' : reply.error}`);
      chunk.forEach((at, j) => (rows[at] = reply.rows[j]));
    }),
  );
  return rows as ExtractedRows[];
}

/** Worker threads taking one task each at a time from a shared queue. */
class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly queue: { task: WorkerTask; resolve: (reply: WorkerReply) => void; reject: (error: Error) => void }[] = [];
  private readonly busy = new Map<Worker, (typeof this.queue)[number]>();

  constructor(size: number, setup: WorkerSetup) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(new URL('./worker-boot.mjs', import.meta.url), { workerData: setup });
      worker.on('message', (reply: WorkerReply) => {
        const job = this.busy.get(worker);
        this.busy.delete(worker);
        this.idle.push(worker);
        job?.resolve(reply);
        this.next();
      });
      // A worker that dies takes its task with it: the build stops with the reason.
      worker.on('error', (error: Error) => {
        this.busy.get(worker)?.reject(error);
        this.busy.delete(worker);
        for (const job of this.queue.splice(0)) job.reject(error);
      });
      this.all.push(worker);
      this.idle.push(worker);
    }
  }

  run(task: WorkerTask): Promise<WorkerReply> {
    return new Promise((resolve, reject) => {
      this.queue.push({ task, resolve, reject });
      this.next();
    });
  }

  private next(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.pop()!;
      const job = this.queue.shift()!;
      this.busy.set(worker, job);
      worker.postMessage(job.task);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((w) => w.terminate()));
  }
}
