/**
 * What *Your documents* and the add preview ask of the browser, as interfaces: the extension
 * pages implement them with the `corpus/*` messages and the corpus reader
 * (`entrypoints/corpus/services.ts`, `entrypoints/popup/add-page-services.ts`), the unit tests
 * with plain objects. Keeps the components free of `browser` and testable in happy-dom. The
 * shapes are the message contract's (lib/messages.ts).
 */
import type { DocumentDraft, DraftEdits } from '../../lib/corpus/draft';
import type { AddDocumentResult, ArticlePreview, DocumentSummary, ImportItem, ImportStatus, PackSummary } from '../../lib/messages';
import type { LearnedName, NameEditReply } from '../../lib/message-schemas-names';
import type { NameEdit } from '../../lib/names/types';

export type { AddDocumentResult, ArticlePreview, DocumentSummary, ImportItem, ImportStatus, LearnedName, NameEdit, NameEditReply, PackSummary };

export interface PerspectiveLabel {
  id: string;
  label: string;
}

export interface CorpusListing {
  documents: DocumentSummary[];
  packs: PackSummary[];
  /** The perspectives an outlet or a document can be labelled with. */
  perspectives: PerspectiveLabel[];
  /** The names learned from the documents, the rejected ones too. */
  names: LearnedName[];
}

export interface CorpusServices {
  list(): Promise<CorpusListing>;
  /** Removes the documents with their passages and accounts; highlights stay. */
  remove(ids: string[]): Promise<void>;
  /** A corpus pack of the given documents (all of them without `ids`), as a file. */
  exportPack(ids?: string[]): Promise<{ filename: string; text: string }>;
  /** Removes the starter corpus, or restores it from the copy the extension ships. */
  setStarterInstalled(installed: boolean): Promise<void>;
  /** The reader's edit of a learned name; the list after it, or why not. */
  editName(edit: NameEdit): Promise<NameEditReply>;
  /** Takes back the rejection of a learned name (its forms' keys). */
  restoreName(keys: string[]): Promise<NameEditReply>;
  /** Labels an outlet's perspective once, for all its documents (an edit of the source registry). */
  labelOutlet(outlet: { domain: string; outlet: string }, perspective: string): Promise<void>;
  /**
   * Opens an import of `expected` items from `files` (so that an import cut short can name the
   * files that never arrived); the items are journalled as they arrive.
   */
  startImport(expected: number, label: string, files: string[]): Promise<ImportStatus>;
  sendImportBatch(id: string, items: ImportItem[]): Promise<ImportStatus>;
  /** Every item has been sent. */
  endImport(id: string): Promise<ImportStatus>;
  /** Stops: what was added stays, whole; the status lists what was not. */
  cancelImport(id: string): Promise<ImportStatus>;
  importStatus(id: string): Promise<ImportStatus | undefined>;
  /** Forgets an import the reader has seen the summary of (what it added stays). */
  dismissImport(id: string): Promise<void>;
  /** The imports not finished yet and the last finished one: what the page reports on opening. */
  recentImports(): Promise<ImportStatus[]>;
  /** Calls `listener` whenever the knowledge base changed (here or elsewhere: the popup added a page). */
  onChanged(listener: () => void): () => void;
  /** Calls `listener` with an import's status as it moves on. */
  onImportProgress(listener: (status: ImportStatus) => void): () => void;
  /** Hands a file to the reader (a download). */
  download(filename: string, text: string, type: string): void;
  /** The document reader at a document. */
  readerUrl(doc: string): string;
}

export interface AddPageServices {
  /** Reads the tab's article (the background injects the article reader) and checks it. */
  preview(tabId: number): Promise<ArticlePreview>;
  /** The perspectives the reader can choose from. */
  perspectives(): Promise<PerspectiveLabel[]>;
  /** Adds the previewed draft with the reader's edits. */
  add(draft: DocumentDraft, edits: DraftEdits): Promise<AddDocumentResult>;
  readerUrl(doc: string): string;
  /** *Your documents*. */
  corpusUrl: string;
}
