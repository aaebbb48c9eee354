/**
 * The knowledge base's writes: only the builder calls these (one writer). A document is written
 * with its text, passages, mention rows, fingerprint, the curated quotes it resolves and its
 * journal entry in one transaction, so no reader, crash or full disk ever sees half a document;
 * transactions stay per document so the background's reads (cards, lookup) interleave with an
 * import instead of waiting for it.
 */
import type { PackMention } from '../corpus/pack';
import { duplicateProbes } from '../corpus/identity';
import { findQuote, passageAt } from '../kb/contrasts';
import type { Passage } from '../kb/types';
import type { DocumentFingerprint } from '../recognition/types';
import { indexTerms } from '../search/terms';
import { DOCUMENT_TABLES, type BackstoryDb } from './db';
import { isQuotaError, StorageFullError } from './highlights';
import type { DocumentRow, MetaRow, ResolvedQuote } from './types';

/** A document's rows, as extraction gave them (lib/kb/extract.ts) or a pack carried them. */
export interface DocumentRows {
  passages: Passage[];
  mentions: PackMention[];
  fingerprint: DocumentFingerprint;
}

/** What the builder writes for one document: its row (the builder fills seq, names, terms), text and rows. */
export interface DocumentWrite {
  row: Omit<DocumentRow, 'seq' | 'names' | 'titleTerms' | 'paragraphCount'>;
  paragraphs: string[];
  rows: DocumentRows;
}

/** Journal bookkeeping done in the same transaction as the document it is about. */
export type JournalStep = (tx: { db: BackstoryDb }) => Promise<void>;

type MetaValue<K extends MetaRow['key']> = Extract<MetaRow, { key: K }>['value'];

/** A fact about the knowledge base (the matcher, the generation, ...), in the caller's transaction when there is one. */
export async function readMeta<K extends MetaRow['key']>(db: BackstoryDb, key: K): Promise<MetaValue<K> | undefined> {
  const row = (await db.meta.get(key)) as { value: MetaValue<K> } | undefined;
  return row?.value;
}
const metaValue = readMeta;

/** Runs `write`, turning the browser's refusal to store more into `StorageFullError`. */
export async function storing<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw isQuotaError(error) ? new StorageFullError() : error;
  }
}

/** Bumps the knowledge base's generation inside the caller's transaction; returns the new one. */
export async function nextGeneration(db: BackstoryDb): Promise<number> {
  const generation = ((await metaValue(db, 'generation')) ?? 0) + 1;
  await db.meta.put({ key: 'generation', value: generation });
  return generation;
}

/**
 * Writes one document and everything derived from it, replacing what an earlier extraction of
 * the same document wrote (a re-extraction keeps its place in the order of addition).
 */
export function writeDocument(db: BackstoryDb, write: DocumentWrite, journal?: JournalStep): Promise<DocumentRow> {
  const tables = [...DOCUMENT_TABLES, 'contrasts', 'disagreements', 'meta', 'imports', 'importItems'] as const;
  return storing(() =>
    db.transaction('rw', tables.map((t) => db.table(t)), async () => {
      const existing = await db.documents.get(write.row.id);
      let seq = existing?.seq;
      if (seq === undefined) {
        seq = ((await metaValue(db, 'seq')) ?? 0) + 1;
        await db.meta.put({ key: 'seq', value: seq });
      } else {
        await deleteDocumentRows(db, [write.row.id], { keepDocument: true });
      }
      const row: DocumentRow = {
        ...write.row,
        seq,
        names: write.rows.mentions.length,
        paragraphCount: write.paragraphs.length,
        titleTerms: indexTerms(`${write.row.title} ${write.row.outlet ?? ''} ${write.row.domain ?? ''}`),
      };
      await db.documents.put(row);
      await db.texts.put({ doc: row.id, paragraphs: write.paragraphs });
      await db.passages.bulkPut(write.rows.passages.map((p) => ({ ...p, terms: indexTerms(p.text) })));
      await db.mentions.bulkPut(write.rows.mentions.map((m) => ({ ...m, rank: -seq })));
      const fp = write.rows.fingerprint;
      await db.fingerprints.put({ doc: row.id, title: fp.title, paragraphs: fp.paragraphs, probes: duplicateProbes(fp) });
      await resolveCuratedQuotes(db, row.id, write.paragraphs);
      await journal?.({ db });
      await nextGeneration(db);
      return row;
    }),
  );
}

/**
 * Deletes documents and every row derived from them; curated contrasts stay (their quotes of a
 * missing document are simply not shown). In the caller's transaction when there is one.
 */
export async function deleteDocumentRows(db: BackstoryDb, ids: readonly string[], options: { keepDocument?: boolean } = {}): Promise<void> {
  if (ids.length === 0) return;
  await Promise.all([
    db.passages.where('doc').anyOf(ids).delete(),
    db.mentions.where('doc').anyOf(ids).delete(),
    db.fingerprints.bulkDelete([...ids]),
    db.readings.bulkDelete([...ids]),
    ...(options.keepDocument ? [] : [db.documents.bulkDelete([...ids]), db.texts.bulkDelete([...ids])]),
  ]);
}

/** Removes documents, a few per transaction so reads interleave; returns the ids of those there were. */
export async function removeDocuments(db: BackstoryDb, ids: readonly string[], chunk = 50): Promise<string[]> {
  const removed: string[] = [];
  for (let i = 0; i < ids.length; i += chunk) {
    const part = ids.slice(i, i + chunk);
    removed.push(
      ...(await storing(() =>
        db.transaction('rw', [...DOCUMENT_TABLES, 'meta'].map((t) => db.table(t)), async () => {
          const present = (await db.documents.bulkGet([...part])).filter((d) => d !== undefined).map((d) => d.id);
          await deleteDocumentRows(db, present);
          if (present.length) await nextGeneration(db);
          return present;
        }),
      )),
    );
  }
  return removed;
}

/**
 * Curated contrasts and disagreements quoting this document get their quote found in its text
 * and the passage "Read in context" opens (the curator's quote, up to whitespace and quote marks).
 */
export async function resolveCuratedQuotes(db: BackstoryDb, doc: string, paragraphs: readonly string[]): Promise<void> {
  const resolve = <Q extends ResolvedQuote>(quote: Q): Q => {
    if (quote.doc !== doc) return quote;
    const found = findQuote(paragraphs, quote.quote);
    if (!found) {
      const { passage: _p, text: _t, ...unresolved } = quote;
      return unresolved as Q;
    }
    return { ...quote, passage: passageAt({ id: doc, paragraphs }, found), text: found.text };
  };
  const contrasts = await db.contrasts.where('docs').equals(doc).toArray();
  if (contrasts.length) await db.contrasts.bulkPut(contrasts.map((c) => ({ ...c, positions: c.positions.map(resolve) })));
  const disagreements = await db.disagreements.where('docs').equals(doc).toArray();
  if (disagreements.length) await db.disagreements.bulkPut(disagreements.map((d) => ({ ...d, claims: d.claims.map(resolve) })));
}
