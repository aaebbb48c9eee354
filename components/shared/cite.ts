/** Citations (`"<document id>:<paragraph>"`) in the reader's terms: outlet and paragraph. */
import type { Cite, KbDocument } from '../../lib/kb/types';

export interface ParsedCite {
  doc: string;
  para: number;
}

export function parseCite(cite: Cite): ParsedCite | undefined {
  const m = /^(.+):(\d+)$/.exec(cite);
  return m ? { doc: m[1]!, para: Number(m[2]) } : undefined;
}

/**
 * The outlet's name without the curator's parenthetical ("The Jerusalem Post (republished by an
 * aggregator)" → "The Jerusalem Post"): short enough to sit beside a sentence as a citation.
 */
export function shortOutlet(document: Pick<KbDocument, 'outlet'>): string {
  return document.outlet.replace(/\s*\([^)]*\)\s*$/, '') || document.outlet;
}
