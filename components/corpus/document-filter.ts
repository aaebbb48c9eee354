/**
 * Searching *Your documents*: every word typed must begin a word of the document's title,
 * outlet, domain or perspective, folded as lookup folds names (so "kazimi" finds a title with
 * "al-Kadhimi", and "jerusalem po" finds The Jerusalem Post while it is being typed).
 */
import { searchKeys } from '../../lib/search';
import type { DocumentSummary } from './services';

export interface SearchableDocument {
  document: DocumentSummary;
  keys: string[];
}

export function searchable(documents: readonly DocumentSummary[]): SearchableDocument[] {
  return documents.map((document) => ({
    document,
    keys: searchKeys([document.title, document.outlet, document.domain ?? '', document.perspective?.label ?? ''].join(' ')),
  }));
}

export function filterDocuments(documents: readonly SearchableDocument[], query: string): DocumentSummary[] {
  const wanted = searchKeys(query);
  if (wanted.length === 0) return documents.map((d) => d.document);
  return documents.filter((d) => wanted.every((w) => d.keys.some((k) => k.startsWith(w)))).map((d) => d.document);
}
