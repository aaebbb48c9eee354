/**
 * The knowledge base's writes: only the builder calls these (one writer). A document is written
 * with its text, passages, mention rows, fingerprint, the curated quotes it resolves and its
 * journal entry in one transaction, so no reader, crash or full disk ever sees half a document.
 * An import writes a few documents per transaction (`writeDocuments`): far fewer requests and
 * commits than one each, and short enough that the background's reads (cards, lookup) wait at
 * most one batch.
 */
import type { PackMention } from '../corpus/pack';
import { duplicateProbes } from '../corpus/identity';
import { findQuote, passageAt } from '../kb/contrasts';
import type { Passage } from '../kb/types';
import type { DocumentFingerprint } from '../recognition/types';
import { indexTerms, titleIndexText } from '../search/terms';
import { DOCUMENT_TABLES, type BackstoryDb } from './db';
import { storedFingerprints } from './fingerprint-cache';
import { isQuotaError, StorageFullError } from './highlights';
import type { DocumentRow, MetaRow, PassageRow, ResolvedQuote } from './types';

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

/** A document's stored row, `seq` its place in the order of addition: its word index terms filled in. */
export function documentRow(write: Pick<DocumentWrite, 'row' | 'paragraphs'> & { rows: Pick<DocumentRows, 'mentions'> }, seq: number): DocumentRow {
  return {
    ...write.row,
    seq,
    names: write.rows.mentions.length,
    paragraphCount: write.paragraphs.length,
    titleTerms: indexTerms(titleIndexText(write.row)),
  };
}

/** A passage's stored row: the passage with its word index terms. */
export function passageRow(passage: Passage): PassageRow {
  return { ...passage, terms: indexTerms(passage.text) };
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

/** The tables a document's write touches: its own, the curated quotes, the order and generation, the journal. */
export const DOCUMENT_WRITE_TABLES = [...DOCUMENT_TABLES, 'contrasts', 'disagreements', 'meta', 'imports', 'importItems'] as const;

/**
 * Writes one document and everything derived from it, replacing what an earlier extraction of
 * the same document wrote (a re-extraction keeps its place in the order of addition).
 */
export async function writeDocument(db: BackstoryDb, write: DocumentWrite, journal?: JournalStep): Promise<DocumentRow> {
  return (await writeDocuments(db, [write], journal))[0]!;
}

/**
 * Writes several documents in one transaction (an import's batch): each table's rows in one
 * bulk request list, the order of addition, the curated quotes and the generation read and
 * written once. All of them or none: a failure leaves none of the batch behind.
 */
export function writeDocuments(db: BackstoryDb, writes: readonly DocumentWrite[], journal?: JournalStep): Promise<DocumentRow[]> {
  return storing(() =>
    db.transaction('rw', DOCUMENT_WRITE_TABLES.map((t) => db.table(t)), async () => {
      const ids = writes.map((w) => w.row.id);
      const existing = await db.documents.bulkGet(ids);
      const replaced = existing.filter((d) => d !== undefined).map((d) => d.id);
      if (replaced.length) await deleteDocumentRows(db, replaced, { keepDocument: true });
      let last = (await metaValue(db, 'seq')) ?? 0;
      const rows: DocumentRow[] = writes.map((write, i) => documentRow(write, existing[i]?.seq ?? ++last));
      if (rows.some((r, i) => existing[i] === undefined)) await db.meta.put({ key: 'seq', value: last });
      // Issued together, not awaited one by one: IndexedDB runs them in order in this transaction.
      await Promise.all([
        db.documents.bulkPut(rows),
        db.texts.bulkPut(writes.map((w, i) => ({ doc: rows[i]!.id, paragraphs: w.paragraphs }))),
        db.passages.bulkPut(writes.flatMap((w) => w.rows.passages.map(passageRow))),
        db.mentions.bulkPut(writes.flatMap((w, i) => w.rows.mentions.map((m) => ({ ...m, rank: -rows[i]!.seq })))),
        db.fingerprints.bulkPut(
          writes.map((w, i) => {
            const fp = w.rows.fingerprint;
            return { doc: rows[i]!.id, title: fp.title, paragraphs: fp.paragraphs, probes: duplicateProbes(fp) };
          }),
        ),
      ]);
      await resolveCuratedQuotesOf(db, writes.map((w, i) => ({ doc: rows[i]!.id, paragraphs: w.paragraphs })));
      await journal?.({ db });
      await nextGeneration(db);
      // Forgotten now, kept once committed: a transaction that fails leaves the stored ones.
      storedFingerprints(db).forget(ids);
      return rows;
    }),
  ).then((rows) => {
    const cache = storedFingerprints(db);
    writes.forEach((w, i) => cache.set({ ...w.rows.fingerprint, doc: rows[i]!.id }));
    return rows;
  });
}

/**
 * Deletes documents and every row derived from them; curated contrasts stay (their quotes of a
 * missing document are simply not shown). In the caller's transaction when there is one.
 */
export async function deleteDocumentRows(db: BackstoryDb, ids: readonly string[], options: { keepDocument?: boolean } = {}): Promise<void> {
  if (ids.length === 0) return;
  storedFingerprints(db).forget(ids);
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
export function resolveCuratedQuotes(db: BackstoryDb, doc: string, paragraphs: readonly string[]): Promise<void> {
  return resolveCuratedQuotesOf(db, [{ doc, paragraphs }]);
}

/** `resolveCuratedQuotes` for several documents, with one query per table. */
export async function resolveCuratedQuotesOf(db: BackstoryDb, docs: readonly { doc: string; paragraphs: readonly string[] }[]): Promise<void> {
  const texts = new Map(docs.map((d) => [d.doc, d.paragraphs]));
  if (texts.size === 0) return;
  const resolve = <Q extends ResolvedQuote>(quote: Q): Q => {
    const paragraphs = texts.get(quote.doc);
    if (!paragraphs) return quote;
    const found = findQuote(paragraphs, quote.quote);
    if (!found) {
      const { passage: _p, text: _t, ...unresolved } = quote;
      return unresolved as Q;
    }
    return { ...quote, passage: passageAt({ id: quote.doc, paragraphs }, found), text: found.text };
  };
  const ids = [...texts.keys()];
  const [contrasts, disagreements] = await Promise.all([
    db.contrasts.where('docs').anyOf(ids).distinct().toArray(),
    db.disagreements.where('docs').anyOf(ids).distinct().toArray(),
  ]);
  await Promise.all([
    contrasts.length ? db.contrasts.bulkPut(contrasts.map((c) => ({ ...c, positions: c.positions.map(resolve) }))) : undefined,
    disagreements.length ? db.disagreements.bulkPut(disagreements.map((d) => ({ ...d, claims: d.claims.map(resolve) }))) : undefined,
  ]);
}
