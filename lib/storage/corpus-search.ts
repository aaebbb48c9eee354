/**
 * Lookup's documents and passages, searched in the live knowledge base through its word indexes
 * (`documents.*titleTerms`, `passages.*terms`): every word of the query must be in the title or
 * outlet, or in the passage, the last word as a prefix (it may still be being typed). Index
 * reads only, never a table scan, so 10,000 documents answer as fast as five. The popup merges
 * these with the names it finds in memory.
 */
import type { DocumentResult, PassageResult } from '../search/lookup';
import { proseAllowance } from '../search/lookup';
import { excerptAround, matchedSpans } from '../search/spans';
import { queryTerms } from '../search/terms';
import { documentsWithTerms } from './corpus-reader';
import type { BackstoryDb } from './db';

export interface CorpusSearchLimits {
  documents: number;
  passages: number;
}

/** Passages holding every term (the last one as a prefix), at most `cap` ids. */
async function passagesWithTerms(db: BackstoryDb, terms: readonly string[], cap = 2_000): Promise<string[]> {
  let result: Set<string> | undefined;
  // The rarest term is not known in advance; the longest is usually the most selective.
  const order = [...terms.entries()].sort((a, b) => b[1].length - a[1].length);
  for (const [i, term] of order) {
    const last = i === terms.length - 1;
    const keys = await (last ? db.passages.where('terms').startsWith(term) : db.passages.where('terms').equals(term)).limit(cap).primaryKeys();
    const next = new Set(keys);
    result = result ? new Set([...result].filter((k) => next.has(k))) : next;
    if (result.size === 0) break;
  }
  return [...(result ?? [])];
}

export async function searchCorpus(
  db: BackstoryDb,
  query: string,
  limits: CorpusSearchLimits = { documents: 3, passages: 5 },
): Promise<(DocumentResult | PassageResult)[]> {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const [docIds, passageIds] = await Promise.all([documentsWithTerms(db, terms), passagesWithTerms(db, terms)]);
  const documents: DocumentResult[] = (await db.documents.bulkGet(docIds.slice(0, limits.documents)))
    .filter((d) => d !== undefined)
    .map((d) => ({ kind: 'document', id: d.id, title: d.title, outlet: d.outlet ?? d.domain ?? '', titleSpans: matchedSpans(d.title, query, proseAllowance), score: 0 }));
  const passages: PassageResult[] = [];
  // Passages overlap (a sentence with its neighbours): one per paragraph.
  const shown = new Set<string>();
  const rows = (await db.passages.bulkGet(passageIds.slice(0, limits.passages * 4))).filter((p) => p !== undefined);
  const outlets = new Map((await db.documents.bulkGet([...new Set(rows.map((p) => p.doc))])).filter((d) => d !== undefined).map((d) => [d.id, d.outlet ?? d.domain ?? '']));
  for (const p of rows) {
    if (passages.length >= limits.passages) break;
    const paragraph = `${p.doc}:${p.para}`;
    if (shown.has(paragraph) || !outlets.has(p.doc)) continue;
    shown.add(paragraph);
    const excerpt = excerptAround(p.text, matchedSpans(p.text, query, proseAllowance));
    passages.push({ kind: 'passage', id: p.id, doc: p.doc, outlet: outlets.get(p.doc)!, excerpt: excerpt.text, excerptSpans: excerpt.spans, score: 0 });
  }
  return [...documents, ...passages];
}
