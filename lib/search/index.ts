/** Lookup across the knowledge base; see `entity-index.ts` and `fold.ts`. */
export { buildEntityIndex, type EntityResult, type SearchIndex, type SearchResult, type SearchableEntity } from './entity-index';
export { searchKey, searchKeys, searchWords } from './fold';
