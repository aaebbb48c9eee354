/** Searching and filtering the popup's highlight list. */
import type { HighlightRow } from '../../lib/storage/types';

export interface HighlightFilter {
  query: string;
  /** Entity id, or '' for any. */
  entity: string;
  /** Site (host name), or '' for any. */
  site: string;
}

/** Every word of the query must appear in the quote, note, title, tags or entity names. */
export function filterHighlights(rows: readonly HighlightRow[], filter: HighlightFilter, entityName: (id: string) => string): HighlightRow[] {
  const words = filter.query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter((h) => {
    if (filter.entity && !h.entities.includes(filter.entity)) return false;
    if (filter.site && h.site !== filter.site) return false;
    if (words.length === 0) return true;
    const haystack = [h.quote, h.note, h.title, ...h.tags, ...h.entities.map(entityName)].join('\n').toLocaleLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}

/** Tags typed as "a, b,  c" → ['a', 'b', 'c'], without duplicates. */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(',').map((t) => t.trim()).filter(Boolean))].slice(0, 100).map((t) => t.slice(0, 100));
}
