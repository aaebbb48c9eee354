/**
 * What *Your documents* and the add preview ask of the browser, as interfaces: the extension
 * pages implement them with messages to the background (`entrypoints/corpus/services.ts`,
 * `entrypoints/popup/add-page-services.ts`), the unit tests with plain objects. Keeps the
 * components free of `browser` and testable in happy-dom.
 */
import type { CorpusPack } from '../../lib/corpus/pack';
import type { DocumentDraft, DraftEdits, Refusal } from '../../lib/corpus/draft';

export interface PerspectiveLabel {
  id: string;
  label: string;
}

/** One document as the list shows it. */
export interface DocumentSummary {
  id: string;
  title: string;
  /** The outlet's display name: the source registry's, else the document's own, else its domain. */
  outlet: string;
  domain?: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; absent when the document gave none. */
  published?: string;
  /** Absent: nobody labelled the outlet or the document ("perspective not labelled"). */
  perspective?: PerspectiveLabel;
  /** Distinct names Backstory found in it. */
  names: number;
  /** The pack that installed it (the starter corpus); absent for the reader's own documents. */
  pack?: string;
  addedAt: number;
}

/** An installed (or removed and restorable) corpus pack. */
export interface PackSummary {
  id: string;
  title: string;
  installed: boolean;
  /** Documents it holds in the corpus now. */
  documents: number;
  /** It can be put back after removal (the starter corpus ships in the package). */
  restorable: boolean;
}

/** An outlet whose perspective nobody has labelled yet, with how many documents it has. */
export interface OutletSummary {
  outlet: string;
  /** Without a domain (a text file's outlet), the source registry cannot label it. */
  domain?: string;
  documents: number;
}

export interface CorpusListing {
  documents: DocumentSummary[];
  packs: PackSummary[];
  perspectives: PerspectiveLabel[];
  unlabelledOutlets: OutletSummary[];
}

/** What the page hands over once its files are parsed: documents, and packs by file name. */
export interface ParsedImport {
  documents: DocumentDraft[];
  packs: { name: string; pack: CorpusPack }[];
}

/** A document not added because the corpus has it already. */
export interface SkippedDuplicate {
  /** The file it came from. */
  name: string;
  line?: number;
  title: string;
  duplicateOf: { doc: string; title: string };
}

/**
 * An item of an import that was never built (the import was cancelled or interrupted): a
 * document handed over and not built yet (with its title), or a file never handed over.
 */
export interface NotAdded {
  name: string;
  line?: number;
  title?: string;
}

export type ImportState = 'staging' | 'running' | 'done' | 'cancelled' | 'interrupted' | 'failed';

/** Where an import job is: what the progress bar and the summary show. */
export interface ImportStatus {
  job: string;
  state: ImportState;
  /** When it started (epoch milliseconds). */
  startedAt: number;
  /** Items (documents, and packs counted by their documents) to build, and how many are built. */
  total: number;
  done: number;
  added: number;
  skipped: SkippedDuplicate[];
  /** Refused by the builder (the page's parse refusals are kept by the page). */
  refused: Refusal[];
  /** Cancelled or interrupted: what was not built. */
  notAdded: NotAdded[];
  /** Why it stopped, in the reader's words (`failed`: the device ran out of storage, …). */
  error?: string;
}

export interface CorpusServices {
  list(): Promise<CorpusListing>;
  /** Removes the documents with their passages and accounts; highlights stay. */
  remove(ids: string[]): Promise<void>;
  /** A corpus pack of the given documents (all of them without `ids`), as a file. */
  exportPack(ids?: string[]): Promise<{ filename: string; text: string }>;
  removePack(id: string): Promise<void>;
  restorePack(id: string): Promise<void>;
  /** Labels an outlet's perspective once, for all its documents (an edit of the source registry). */
  labelOutlet(outlet: { domain: string; outlet: string }, perspective: string): Promise<void>;
  /**
   * Opens an import job in the background's journal, naming every file of the drop, so that an
   * import the browser kills can say which files it never got to.
   */
  beginImport(files: string[]): Promise<string>;
  /** Hands parsed items to the job (a few files' worth at a time); nothing is built yet. */
  stageImport(job: string, items: ParsedImport): Promise<void>;
  /** Builds what the job holds and has not built: a new import, or one that was interrupted. */
  runImport(job: string): Promise<void>;
  importStatus(job: string): Promise<ImportStatus>;
  /** Stops after the document being built; everything before it stays whole. */
  cancelImport(job: string): Promise<ImportStatus>;
  /** Imports a killed worker or browser left unfinished. */
  interruptedImports(): Promise<ImportStatus[]>;
  /** Forgets an interrupted import (what it added stays). */
  dismissImport(job: string): Promise<void>;
  /** Calls `listener` whenever the knowledge base changed elsewhere (the popup added a page). */
  onChanged(listener: () => void): () => void;
  /** Hands a file to the reader (a download). */
  download(filename: string, text: string, type: string): void;
  /** The document reader at a document. */
  readerUrl(doc: string): string;
}

/** What the add preview shows before anything is saved. */
export type ArticlePreview =
  | {
      ok: true;
      draft: DocumentDraft;
      /** The outlet as the source registry resolves the page's domain (else the page's own name). */
      outlet: string;
      /** The registry's perspective for the domain; absent when it has none. */
      perspective?: string;
      perspectives: PerspectiveLabel[];
      /** The corpus has it already: same address, or a copy of its text. */
      duplicate?: { doc: string; title: string; kind: 'same-url' | 'copy' };
    }
  | { ok: false; reason: string };

export type AddResult =
  | { status: 'added'; doc: string; title: string }
  | { status: 'duplicate'; doc: string; title: string }
  | { status: 'refused'; reason: string };

export interface AddPageServices {
  /** Reads the tab's article (the background injects the article reader) and checks it. */
  preview(tabId: number): Promise<ArticlePreview>;
  /** Adds the tab's article with the reader's edits of the preview. */
  add(tabId: number, edits: DraftEdits): Promise<AddResult>;
  readerUrl(doc: string): string;
  /** *Your documents*. */
  corpusUrl: string;
}
