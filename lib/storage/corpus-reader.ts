/**
 * Reading the corpus for the extension's pages: *Your documents* (the list, searchable by title
 * and outlet, a page at a time), the reader page (one document with its text), export (all
 * documents or a selection as a corpus pack) and the installed packs. Extension pages read
 * IndexedDB directly through this; writes go through the builder's messages (lib/messages.ts).
 */
import { Dexie } from 'dexie';
import type { ReviewDecision } from '../contrasts/review';
import * as v from 'valibot';
import { serialisePack, type CorpusPack, type PackDocument } from '../corpus/pack';
import { mergeEntities, mergePerspectives, gazetteerEntry } from '../kb/curated';
import { documentLabel, type Labels } from '../kb/labels';
import type { DocumentSummary, PackSummary } from '../message-schemas';
import { effectiveSources, type ReaderSources, type Source } from '../recognition/sources';
import { isLearnedId } from '../names/ids';
import { nameEditSchema } from '../names/state';
import type { NameEdit } from '../names/types';
import { queryTerms } from '../search/terms';
import type { BackstoryDb } from './db';
import { corpusPerspectives, packSources } from './kb-reader';
import { readMeta } from './kb-writer';
import type { DocumentRow } from './types';

/** Where the labels come from: the registry Backstory ships and the reader's edits of it. */
export interface LabelSources {
  shipped: readonly Source[];
  edits(): Promise<ReaderSources>;
  /** The reader's keep/dismiss on automatic contrasts (the background keeps them): exported with the documents. */
  reviews?(): Promise<ReviewDecision[]>;
}

/** The registry in effect and the perspectives, read now (an outlet labelled a moment ago counts). */
export async function currentLabels(db: BackstoryDb, sources: LabelSources): Promise<Labels> {
  const [fromPacks, edits, perspectives] = await Promise.all([packSources(db), sources.edits(), corpusPerspectives(db)]);
  const shipped = new Map<string, Source>();
  for (const s of [...sources.shipped, ...fromPacks]) if (!shipped.has(s.domain)) shipped.set(s.domain, s);
  return { sources: effectiveSources([...shipped.values()], edits), perspectives };
}

export function documentSummary(row: DocumentRow, labels: Labels): DocumentSummary {
  return {
    id: row.id,
    title: row.title,
    ...documentLabel(row, labels),
    ...(row.url ? { url: row.url } : {}),
    ...(row.byline ? { byline: row.byline } : {}),
    ...(row.published ? { published: row.published } : {}),
    ...(row.language ? { language: row.language } : {}),
    names: row.names,
    paragraphs: row.paragraphCount,
    addedAt: row.addedAt,
    ...(row.pack ? { pack: row.pack } : {}),
  };
}

export interface ReaderDocument extends Omit<DocumentSummary, 'paragraphs'> {
  /** Paragraph n is `paragraphs[n - 1]`. */
  paragraphs: string[];
  dateNote?: string;
  evidence?: string[];
}

export interface DocumentPage {
  /** Documents matching (all of them without a query). */
  total: number;
  documents: DocumentSummary[];
}

export interface CorpusReader {
  /**
   * Documents newest first, `limit` at a time from `offset`; with a query, those whose title,
   * outlet or domain has every word of it (a word being typed counts as a prefix).
   */
  listDocuments(options?: { query?: string; offset?: number; limit?: number }): Promise<DocumentPage>;
  /** Every document newest first, labelled with the registry in effect (*Your documents* searches and pages them itself). */
  allDocuments(): Promise<DocumentSummary[]>;
  /** One document with its text (the reader page), or undefined. */
  getDocument(id: string): Promise<ReaderDocument | undefined>;
  /** The packs installed, the starter corpus's even when removed. */
  packs(): Promise<PackSummary[]>;
  /** A corpus pack of every document, or of those given, with the curated names, sources and the reader's outlet labels. */
  exportPack(selection?: readonly string[]): Promise<{ filename: string; text: string; documents: number }>;
  labels(): Promise<Labels>;
}

export function openCorpusReader(db: BackstoryDb, sources: LabelSources): CorpusReader {
  const labels = () => currentLabels(db, sources);
  return {
    labels,
    async listDocuments({ query, offset = 0, limit = 50 } = {}) {
      const current = await labels();
      const terms = query ? queryTerms(query) : [];
      if (terms.length === 0) {
        const [total, rows] = await Promise.all([
          db.documents.count(),
          db.documents.orderBy('seq').reverse().offset(offset).limit(limit).toArray(),
        ]);
        return { total, documents: rows.map((r) => documentSummary(r, current)) };
      }
      const matching = await documentsWithTerms(db, terms);
      const rows = (await db.documents.bulkGet(matching)).filter((r): r is DocumentRow => r !== undefined);
      rows.sort((a, b) => b.seq - a.seq);
      return { total: rows.length, documents: rows.slice(offset, offset + limit).map((r) => documentSummary(r, current)) };
    },
    async allDocuments() {
      const [current, rows] = await Promise.all([labels(), db.documents.orderBy('seq').reverse().toArray()]);
      return rows.map((r) => documentSummary(r, current));
    },
    async getDocument(id) {
      const [row, text] = await Promise.all([db.documents.get(id), db.texts.get(id)]);
      if (!row || !text) return undefined;
      return {
        ...documentSummary(row, await labels()),
        paragraphs: text.paragraphs,
        ...(row.dateNote ? { dateNote: row.dateNote } : {}),
        ...(row.evidence ? { evidence: row.evidence } : {}),
      };
    },
    async packs() {
      const rows = await db.packs.toArray();
      return Promise.all(
        rows.map(async (p) => ({
          id: p.id,
          title: p.header.title,
          packVersion: p.header.packVersion,
          documents: await db.documents.where('pack').equals(p.id).count(),
          starter: p.starter,
          installed: !p.removed,
        })),
      );
    },
    async exportPack(selection) {
      const pack = await corpusPack(db, await sources.edits(), selection, (await sources.reviews?.()) ?? []);
      const day = new Date().toISOString().slice(0, 10);
      return { filename: `backstory-corpus-${day}.json`, text: serialisePack(pack), documents: pack.documents.length };
    },
  };
}

/** Documents whose title, outlet or domain has every term (the last one as a prefix). */
export async function documentsWithTerms(db: BackstoryDb, terms: readonly string[], cap = 5_000): Promise<string[]> {
  let result: Set<string> | undefined;
  for (const [i, term] of terms.entries()) {
    const last = i === terms.length - 1;
    const keys = await (last ? db.documents.where('titleTerms').startsWith(term) : db.documents.where('titleTerms').equals(term))
      .limit(cap)
      .primaryKeys();
    const next = new Set(keys);
    result = result ? new Set([...result].filter((k) => next.has(k))) : next;
    if (result.size === 0) break;
  }
  return [...(result ?? [])];
}

/**
 * The corpus (or a selection of its documents) as a pack: the documents with their text and the
 * rows derived from them, the merged curated names, perspectives and contrasts of the installed
 * packs, the packs' sources, and the reader's outlet labels, contrast reviews and learned-name edits as decisions.
 */
export async function corpusPack(
  db: BackstoryDb,
  edits: ReaderSources,
  selection?: readonly string[],
  reviews: readonly ReviewDecision[] = [],
): Promise<CorpusPack> {
  const packs = (await db.packs.toArray()).sort((a, b) => a.installedAt - b.installedAt);
  const rows = selection
    ? (await db.documents.bulkGet([...selection])).filter((d): d is DocumentRow => d !== undefined).sort((a, b) => a.seq - b.seq)
    : await db.documents.orderBy('seq').toArray();
  const ids = rows.map((r) => r.id);
  const [texts, passages, mentions, fingerprints, key] = await Promise.all([
    db.texts.bulkGet(ids),
    db.passages.where('doc').anyOf(ids).toArray(),
    db.mentions.where('doc').anyOf(ids).toArray(),
    db.fingerprints.bulkGet(ids),
    readMeta(db, 'extractionKey'),
  ]);
  const included = new Set(ids);
  const documents: PackDocument[] = rows.map((row, i) => packDocument(row, texts[i]?.paragraphs ?? []));
  // Curated statements, contrasts and claims citing documents left out would not hold together.
  const cites = (cite: string) => included.has(cite.slice(0, cite.lastIndexOf(':')));
  const entities = mergeEntities(packs).map((e) => {
    const entry = gazetteerEntry(e);
    return { ...entry, background: entry.background.map((s) => ({ ...s, cites: s.cites.filter(cites) })).filter((s) => s.cites.length > 0) };
  });
  const perspectiveIds = new Set(mergePerspectives(packs).map((p) => p.id));
  const contrasts = packs.flatMap((p) => p.header.contrasts).filter((c) => c.positions.every((q) => included.has(q.doc)));
  const disagreements = packs.flatMap((p) => p.header.disagreements).filter((d) => d.claims.every((q) => included.has(q.doc)));
  const sources = await packSources(db);
  const outletLabels = edits.sources.filter((s) => perspectiveIds.has(s.perspective));
  // A verdict on a contrast of documents left out would be about nothing the pack holds.
  const contrastReviews = reviews.filter((d) => d.docs.every((doc) => included.has(doc)));
  const learnedNames = await learnedNameEdits(db);
  const learnedIds = new Set(await db.entities.where('origin').equals('learned').primaryKeys());
  const learned = (entity: string) => learnedIds.has(entity) || isLearnedId(entity);
  const curatedKey = ((await db.names.get('curated'))?.value as { key?: string } | undefined)?.key;
  const decisions = {
    ...(outletLabels.length ? { outletLabels } : {}),
    ...(contrastReviews.length ? { contrasts: [...contrastReviews] } : {}),
    ...(learnedNames.length ? { learnedNames } : {}),
  };
  const order = new Map(ids.map((id, i) => [id, i]));
  const byDoc = <T extends { doc: string }>(a: T, b: T) => order.get(a.doc)! - order.get(b.doc)!;
  return {
    format: 'backstory-corpus-pack',
    version: 1,
    id: 'my-documents',
    title: selection ? `My documents (${rows.length} selected)` : 'My documents',
    packVersion: 1,
    perspectives: mergePerspectives(packs),
    sources: sources.filter((s) => perspectiveIds.has(s.perspective)),
    entities,
    contrasts,
    disagreements,
    documents,
    ...(key
      ? {
          derived: {
            // Names learned here are learned again from the documents where the pack is imported:
            // the rows carry the curated names' only, stamped with the curated matcher's key.
            extractionKey: curatedKey ?? key,
            passages: passages
              .sort((a, b) => byDoc(a, b) || a.para - b.para || sentenceOf(a.id) - sentenceOf(b.id))
              .map(({ terms: _t, ...p }) => ({ ...p, entities: p.entities.filter((e) => !learned(e)) })),
            mentions: mentions
              .filter((m) => !learned(m.entity))
              .sort((a, b) => byDoc(a, b) || (a.entity < b.entity ? -1 : 1))
              .map(({ rank: _r, reading: _x, ...m }) => m),
            fingerprints: fingerprints.filter((f) => f !== undefined).map(({ probes: _p, ...f }) => f),
          },
        }
      : {}),
    ...(Object.keys(decisions).length ? { decisions } : {}),
  };
}

/**
 * The reader's edits of learned names, as a pack carries them: so a name rejected here stays
 * rejected where the pack is imported. Read from the stored state without loading the learner;
 * an edit that does not read as one is left out, never the export.
 */
async function learnedNameEdits(db: BackstoryDb): Promise<NameEdit[]> {
  const state = (await db.names.get('state'))?.value as { edits?: unknown } | undefined;
  return Array.isArray(state?.edits) ? state.edits.filter((e): e is NameEdit => v.is(nameEditSchema, e)) : [];
}

function sentenceOf(passageId: string): number {
  return Number(passageId.slice(passageId.lastIndexOf(':') + 1));
}

function packDocument(row: DocumentRow, paragraphs: string[]): PackDocument {
  return {
    id: row.id,
    title: row.title,
    ...(row.url ? { url: row.url } : {}),
    ...(row.domain ? { domain: row.domain } : {}),
    ...(row.outlet ? { outlet: row.outlet } : {}),
    ...(row.byline ? { byline: row.byline } : {}),
    ...(row.published ? { published: row.published } : {}),
    ...(row.language ? { language: row.language } : {}),
    ...(row.perspective ? { perspective: row.perspective } : {}),
    ...(row.dateNote ? { dateNote: row.dateNote } : {}),
    ...(row.evidence ? { evidence: row.evidence } : {}),
    addedAt: row.addedAt,
    ...(row.origin ? { origin: row.origin } : {}),
    paragraphs,
  };
}

export { Dexie };
