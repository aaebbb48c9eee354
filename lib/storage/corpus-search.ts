/**
 * Lookup's documents and passages, searched in the live knowledge base through its word indexes
 * (`documents.*titleTerms`, `passages.*terms`): every word of the query must be in the title or
 * outlet, or in the passage, the last word as a prefix (it may still be being typed). Index
 * reads only, never a table scan, and bounded: each term's index range is read up to KEY_CAP
 * keys, the candidates are the rarest term's keys held by every term whose range was read
 * whole, and at most `CANDIDATES` rows of them are read, checked and ranked (rank.ts: a phrase,
 * then the words close together, newer documents first on a tie). So 10,000 documents answer in
 * about the time of a few hundred, and the best of those candidates comes first. The popup
 * merges these with the names it finds in memory.
 */
import type { Table } from 'dexie';
import type { DocumentResult, PassageResult } from '../search/lookup';
import { proseAllowance } from '../search/lookup';
import { newerFirst, proseScore } from '../search/rank';
import { excerptAround, matchedSpans } from '../search/spans';
import { queryTerms, titleIndexText } from '../search/terms';
import type { BackstoryDb } from './db';
import type { DocumentRow, PassageRow } from './types';

export interface CorpusSearchLimits {
  documents: number;
  passages: number;
}

/** Keys read from each term's index range: a term with more is common and narrows little. */
const KEY_CAP = 400;
/** Rows read and ranked per table: the results are the best of these. */
const CANDIDATES = { documents: 30, passages: 60 } as const;

/**
 * Ids of up to `cap` rows whose `index` holds every term (the last as a prefix), rarest term
 * first. A term whose range has more than KEY_CAP keys cannot rule rows out (only some of its
 * keys were read): the rows read are checked against every term afterwards.
 */
async function candidateIds<T, I>(table: Table<T, string, I>, index: string, terms: readonly string[], cap: number): Promise<string[]> {
  const last = terms.length - 1;
  const ranges = await Promise.all(
    terms.map((term, i) => (i === last ? table.where(index).startsWith(term) : table.where(index).equals(term)).limit(KEY_CAP + 1).primaryKeys()),
  );
  const order = ranges.map((keys, i) => ({ keys, i })).sort((a, b) => a.keys.length - b.keys.length);
  const [rarest, ...rest] = order;
  if (!rarest || rarest.keys.length === 0) return [];
  const complete = rest.filter((r) => r.keys.length <= KEY_CAP).map((r) => new Set(r.keys));
  const ids: string[] = [];
  const seen = new Set<string>();
  for (const id of rarest.keys) {
    if (ids.length >= cap) break;
    if (seen.has(id) || !complete.every((s) => s.has(id))) continue;
    seen.add(id);
    ids.push(id);
  }
  return ids;
}

/** Every term in the row's index terms, the last as a prefix. */
function holdsTerms(rowTerms: readonly string[], terms: readonly string[]): boolean {
  const last = terms.length - 1;
  return terms.every((t, i) => (i === last ? rowTerms.some((k) => k.startsWith(t)) : rowTerms.includes(t)));
}

const outletOf = (d: DocumentRow) => d.outlet ?? d.domain ?? '';

export async function searchCorpus(
  db: BackstoryDb,
  query: string,
  limits: CorpusSearchLimits = { documents: 3, passages: 5 },
): Promise<(DocumentResult | PassageResult)[]> {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const [docIds, passageIds] = await Promise.all([
    limits.documents > 0 ? candidateIds(db.documents, 'titleTerms', terms, CANDIDATES.documents) : [],
    limits.passages > 0 ? candidateIds(db.passages, 'terms', terms, CANDIDATES.passages) : [],
  ]);
  const [docRows, passageRows] = await Promise.all([db.documents.bulkGet(docIds), db.passages.bulkGet(passageIds)]);

  const titled = docRows
    .filter((d): d is DocumentRow => d !== undefined && holdsTerms(d.titleTerms, terms))
    .map((d) => ({ d, score: proseScore(titleIndexText(d), terms, d.titleTerms) ?? 0 }))
    .sort((a, b) => b.score - a.score || newerFirst(a.d, b.d));
  const documents: DocumentResult[] = titled.slice(0, limits.documents).map(({ d, score }) => ({
    kind: 'document',
    id: d.id,
    title: d.title,
    outlet: outletOf(d),
    titleSpans: matchedSpans(d.title, query, proseAllowance),
    score,
  }));

  const held = passageRows.filter((p): p is PassageRow => p !== undefined && holdsTerms(p.terms, terms));
  const docsOf = new Map((await db.documents.bulkGet([...new Set(held.map((p) => p.doc))])).filter((d) => d !== undefined).map((d) => [d.id, d]));
  const ranked = held
    .filter((p) => docsOf.has(p.doc))
    .map((p) => ({ p, d: docsOf.get(p.doc)!, score: proseScore(p.text, terms, p.terms) ?? 0 }))
    .sort((a, b) => b.score - a.score || newerFirst(a.d, b.d) || a.p.id.localeCompare(b.p.id));
  const passages: PassageResult[] = [];
  // Passages overlap (a sentence with its neighbours): one per paragraph, its best.
  const shown = new Set<string>();
  for (const { p, d, score } of ranked) {
    if (passages.length >= limits.passages) break;
    const paragraph = `${p.doc}:${p.para}`;
    if (shown.has(paragraph)) continue;
    shown.add(paragraph);
    const excerpt = excerptAround(p.text, matchedSpans(p.text, query, proseAllowance));
    passages.push({ kind: 'passage', id: p.id, doc: p.doc, outlet: outletOf(d), excerpt: excerpt.text, excerptSpans: excerpt.spans, score });
  }
  return [...documents, ...passages];
}
