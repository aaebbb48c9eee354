/**
 * The popup's lookup over the whole knowledge base: entities and events by name and alias
 * (`entity-index.ts`), then corpus documents by title and outlet, then passages by their words.
 * Names come first because a reader who types a name means the person or thing; documents and
 * passages answer the rest ("strategic dialog" finds the event first, then the passages that
 * discuss it). Every result says which part of its text matched (`spans`).
 */
import MiniSearch from 'minisearch';
import type { KnowledgeBase } from '../kb/types';
import { buildEntityIndex, type EntityResult } from './entity-index';
import { searchKey, searchKeys, searchWords } from './fold';
import { excerptAround, matchedSpans, type Span } from './spans';

export interface EntityLookupResult extends EntityResult {
  /** Marked parts of `name` and of `matched`. */
  nameSpans: Span[];
  matchedSpans: Span[];
}

export interface DocumentResult {
  kind: 'document';
  id: string;
  title: string;
  outlet: string;
  titleSpans: Span[];
  score: number;
}

export interface PassageResult {
  kind: 'passage';
  /** Passage id (`doc:para:sentence`). */
  id: string;
  doc: string;
  /** Outlet of its document, for the result line. */
  outlet: string;
  /** An excerpt of the passage around what matched, and the marked parts of it. */
  excerpt: string;
  excerptSpans: Span[];
  score: number;
}

export type LookupResult = EntityLookupResult | DocumentResult | PassageResult;

export interface LookupLimits {
  entities: number;
  documents: number;
  passages: number;
}

export interface Lookup {
  search(query: string, limits?: Partial<LookupLimits>): LookupResult[];
  /**
   * Build the documents-and-passages part now. It is otherwise built on the first query that
   * needs it; the popup calls this in a task of its own after the names part, so that neither
   * task is long (PERFORMANCE.md: no task over 50 ms).
   */
  warm(): void;
}

const DEFAULT_LIMITS: LookupLimits = { entities: 8, documents: 3, passages: 5 };
/** Queries this short (in folded letters) are answered from a prefix table. */
const SHORT_PREFIX = 2;

/**
 * Prose is full of short words a five-letter typo lands on ("daesh" is one letter from "days"):
 * typos are allowed from seven letters in documents and passages, not five as in names.
 */
export function proseAllowance(term: string): number {
  if (!/^[a-z0-9]+$/.test(term)) return 0;
  return term.length >= 10 ? 2 : term.length >= 7 ? 1 : 0;
}

/**
 * Folded words of a text, for the corpus index (names and prose get the same keys). Prose repeats
 * its words: each is folded once.
 */
function corpusKeyer(): (text: string) => string[] {
  const folded = new Map<string, string | null>();
  const keyOf = (word: string) => {
    let key = folded.get(word);
    if (key === undefined) {
      key = searchKey(word);
      folded.set(word, key);
    }
    return key;
  };
  return (text) => searchWords(text).map(keyOf).filter((k): k is string => k !== null);
}

export function buildLookup(kb: Pick<KnowledgeBase, 'entities' | 'documents' | 'passages'>): Lookup {
  const entities = buildEntityIndex(kb.entities);
  const documents = new Map(kb.documents.map((d) => [d.id, d]));

  type CorpusRecord = { id: string; kind: 'document' | 'passage'; text: string };
  let corpusIndex: MiniSearch<CorpusRecord> | undefined;
  const corpus = (): MiniSearch<CorpusRecord> => {
    if (corpusIndex) return corpusIndex;
    const tokenize = corpusKeyer();
    corpusIndex = new MiniSearch<CorpusRecord>({
      fields: ['text'],
      storeFields: ['kind'],
      tokenize,
      // Queries arrive as keys already (below); documents are folded by `tokenize`.
      processTerm: (term) => term || null,
    });
    corpusIndex.addAll([
      ...kb.documents.map((d) => ({ id: `d:${d.id}`, kind: 'document' as const, text: `${d.title} ${d.outlet}` })),
      ...kb.passages.map((p) => ({ id: `p:${p.id}`, kind: 'passage' as const, text: p.text })),
    ]);
    return corpusIndex;
  };
  const passages = new Map(kb.passages.map((p) => [p.id, p]));

  // One or two letters say little and, as a prefix, match most of the index (30–60 ms at ×100
  // entries, `npm run bench`): they list the names with a word starting so, from a table built once.
  const byShortPrefix = new Map<string, EntityLookupResult[]>();
  for (const e of [...kb.entities].sort((a, b) => a.name.localeCompare(b.name))) {
    const listed = new Set<string>();
    for (const text of [e.name, ...e.aliases, ...(e.contextual ?? [])]) {
      for (const key of searchKeys(text)) {
        for (const prefix of [key.slice(0, 1), key.slice(0, SHORT_PREFIX)]) {
          if (listed.has(prefix)) continue;
          listed.add(prefix);
          const list = byShortPrefix.get(prefix) ?? [];
          list.push({ kind: 'entity', id: e.id, name: e.name, type: e.type, matched: text, score: 0, nameSpans: [], matchedSpans: [] });
          byShortPrefix.set(prefix, list);
        }
      }
    }
  }

  return {
    warm() {
      corpus();
    },
    search(query, limits) {
      const limit = { ...DEFAULT_LIMITS, ...limits };
      const keys = searchKeys(query);
      if (keys.length === 0) return [];
      if (keys.length === 1 && keys[0]!.length <= SHORT_PREFIX) {
        // Names whose own words start so (indexed from the name itself, which comes first) before
        // those found by an alias.
        const found = byShortPrefix.get(keys[0]!) ?? [];
        const byName = found.filter((r) => r.matched === r.name);
        const byAlias = byName.length >= limit.entities ? [] : found.filter((r) => r.matched !== r.name);
        return [...byName, ...byAlias]
          .slice(0, limit.entities)
          .map((r) => ({ ...r, nameSpans: matchedSpans(r.name, query), matchedSpans: matchedSpans(r.matched, query) }));
      }
      // A last word of one letter is a word being typed ("strategic d"): the words before it
      // decide the results until it says more.
      const words = query.trim().split(/\s+/);
      const effective = keys.length > 1 && keys.at(-1)!.length === 1 && words.length > 1 ? words.slice(0, -1).join(' ') : query;
      const searchKeysUsed = effective === query ? keys : searchKeys(effective);

      const entityResults: EntityLookupResult[] = entities.search(effective, limit.entities).map((r) => ({
        ...r,
        nameSpans: matchedSpans(r.name, query),
        matchedSpans: matchedSpans(r.matched, query),
      }));

      // Every word must appear in a document or passage: prose matches on one word of three
      // would bury the useful ones.
      const hits = corpus().search(searchKeysUsed.join(' '), {
        combineWith: 'AND',
        // Prefixes of prose words from four letters: "str" alone expands to hundreds of words.
        prefix: (term) => term.length >= 4,
        fuzzy: (term) => proseAllowance(term),
      });
      const documentResults: DocumentResult[] = [];
      const passageResults: PassageResult[] = [];
      // Passages overlap (a sentence with its neighbours for context): one per paragraph.
      const paragraphsShown = new Set<string>();
      for (const hit of hits) {
        const [kind, id] = [hit.id.slice(0, 1), String(hit.id).slice(2)];
        if (kind === 'd' && documentResults.length < limit.documents) {
          const d = documents.get(id);
          if (d) {
            documentResults.push({
              kind: 'document',
              id,
              title: d.title,
              outlet: d.outlet,
              titleSpans: matchedSpans(d.title, query, proseAllowance),
              score: hit.score,
            });
          }
        } else if (kind === 'p' && passageResults.length < limit.passages) {
          const p = passages.get(id);
          const d = p && documents.get(p.doc);
          if (p && d && !paragraphsShown.has(`${p.doc}:${p.para}`)) {
            paragraphsShown.add(`${p.doc}:${p.para}`);
            const excerpt = excerptAround(p.text, matchedSpans(p.text, query, proseAllowance));
            passageResults.push({
              kind: 'passage',
              id,
              doc: p.doc,
              outlet: d.outlet,
              excerpt: excerpt.text,
              excerptSpans: excerpt.spans,
              score: hit.score,
            });
          }
        }
      }
      return [...entityResults, ...documentResults, ...passageResults];
    },
  };
}

/** A stable key for a result across kinds (an entity and a passage may share nothing but this). */
export function resultKey(result: LookupResult): string {
  return `${result.kind}:${result.id}`;
}
