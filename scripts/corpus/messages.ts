/**
 * What the CLI's main thread and its extraction workers say to each other. Reading a file and
 * extracting a document happen in the workers; the order they finish in never matters, since
 * the main thread merges by each task's place in the input.
 */
import type { MatcherData } from '../../lib/engine/types';
import type { MatcherInput } from '../../lib/kb/gazetteer';
import type { DocumentExtraction } from '../../lib/kb/extract';
import type { Refusal } from '../../lib/corpus/draft';
import type { PackDocument } from '../../lib/corpus/pack';
import type { Perspective } from '../../lib/kb/types';
import type { Source } from '../../lib/recognition/sources';

/** Sent once, as workerData: what every document is read with. */
export interface WorkerSetup {
  entry: string;
  matcher: MatcherData;
  matcherInput: MatcherInput;
  extractionKey: string;
}

export type ExtractedRows = Pick<DocumentExtraction, 'passages' | 'mentions' | 'fingerprint'>;

/** A document read from a file (or a pack in the folder), before or with its rows. */
export interface ReadDocument {
  /** The file it came from (relative to the folder) and, in a `.jsonl` file, its line. */
  name: string;
  line?: number;
  document: PackDocument;
  canonicalUrl?: string;
  contentHash: string;
  /** Rows a pack carried with the same extraction key: used as they are. */
  rows?: ExtractedRows;
}

export interface FileRead {
  documents: ReadDocument[];
  refused: Refusal[];
  /** Labels the documents of a pack need (its perspectives and sources). */
  labels: { perspectives: Perspective[]; sources: Source[] };
  /** What a pack in the folder had that a built pack does not carry. */
  notes: string[];
}

export type WorkerTask =
  | { kind: 'read'; path: string; name: string }
  | { kind: 'extract'; documents: Pick<PackDocument, 'id' | 'title' | 'paragraphs'>[] };

export type WorkerReply =
  | { ok: true; kind: 'read'; read: FileRead }
  | { ok: true; kind: 'extract'; rows: ExtractedRows[] }
  | { ok: false; error: string };
