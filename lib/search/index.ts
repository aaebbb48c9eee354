/** Lookup across the knowledge base; see `entity-index.ts` and `fold.ts`. */
export { buildEntityIndex, type EntityResult, type SearchIndex, type SearchResult, type SearchableEntity } from './entity-index';
export { searchKey, searchKeys, searchWords } from './fold';
// Popup lookup across entities, documents and passages.
export { buildLookup, resultKey, type DocumentResult, type EntityLookupResult, type Lookup, type LookupResult, type PassageResult } from './lookup';
export { matchedSpans, splitBySpans, excerptAround, type Span } from './spans';
