/**
 * An extraction worker of `npm run corpus -- --add DIR`: reads files (the import's parsers:
 * saved pages through Readability, text, Markdown, JSON Lines, packs) and extracts documents
 * (lib/kb/extract.ts) with the matcher the main thread compiled, one task at a time.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { parseImportFile } from '../../lib/corpus/import-file';
import { contentHash, toDocumentRecord } from '../../lib/corpus/identity';
import type { CorpusPack, PackDocument } from '../../lib/corpus/pack';
import { canonicalUrl } from '../../lib/corpus/url';
import { createExtractor, extractDocument } from '../../lib/kb/extract';
import { packImportItems } from '../../lib/kb/import-items';
import { createHtmlParser } from './html-parser';
import type { FileRead, ReadDocument, WorkerReply, WorkerSetup, WorkerTask } from './messages';

const setup = workerData as WorkerSetup;
const extractor = createExtractor(setup.matcher, setup.matcherInput);
const parseHtml = createHtmlParser();

function readFile(path: string, name: string): FileRead {
  const parsed = parseImportFile(name, new Uint8Array(readFileSync(path)), { parseHtml });
  const read: FileRead = { documents: [], refused: parsed.refused, labels: { perspectives: [], sources: [] }, notes: [] };
  for (const draft of parsed.documents) {
    const { canonicalUrl: url, contentHash: hash, ...document } = toDocumentRecord(draft);
    const line = draft.origin.kind === 'file' ? draft.origin.line : undefined;
    read.documents.push({ name, ...(line ? { line } : {}), document, ...(url ? { canonicalUrl: url } : {}), contentHash: hash });
  }
  for (const pack of parsed.packs) readPack(pack, name, read);
  return read;
}

/** A pack's documents, with its rows when they were extracted with this matcher and builder. */
function readPack(pack: CorpusPack, name: string, read: FileRead): void {
  read.labels.perspectives.push(...pack.perspectives);
  read.labels.sources.push(...pack.sources);
  const curated = pack.entities.length + pack.contrasts.length + pack.disagreements.length;
  if (curated) {
    read.notes.push(
      `${name}: its curated entities (${pack.entities.length}), contrasts (${pack.contrasts.length}) and disagreements (${pack.disagreements.length}) are not carried: a built pack holds documents read with the gazetteer's names; install that pack itself for them`,
    );
  }
  const reuse = pack.derived?.extractionKey === setup.extractionKey;
  for (const item of packImportItems(pack, name)) {
    if (item.kind !== 'pack-document') continue;
    const document: PackDocument = item.document;
    const url = document.url ? canonicalUrl(document.url) : undefined;
    const entry: ReadDocument = { name, document, ...(url ? { canonicalUrl: url } : {}), contentHash: contentHash(document.paragraphs) };
    if (reuse && item.derived) entry.rows = item.derived;
    read.documents.push(entry);
  }
}

function handle(task: WorkerTask): WorkerReply {
  if (task.kind === 'read') return { ok: true, kind: 'read', read: readFile(task.path, task.name) };
  return {
    ok: true,
    kind: 'extract',
    rows: task.documents.map((doc) => {
      const { passages, mentions, fingerprint } = extractDocument(doc, extractor);
      return { passages, mentions, fingerprint };
    }),
  };
}

parentPort!.on('message', (task: WorkerTask) => {
  let reply: WorkerReply;
  try {
    reply = handle(task);
  } catch (error) {
    reply = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
