/**
 * The fingerprints `npm run corpus` writes to data/fingerprints.json, and what recognising a
 * page yields. DOM-free.
 */

export interface DocumentFingerprint {
  doc: string;
  /** Shingle hashes of the title (a page that carries the title is the document, not a copy). */
  title: number[];
  /** Shingle hashes per paragraph; `paragraphs[n - 1]` is paragraph n of the knowledge base. */
  paragraphs: number[][];
}

export interface Fingerprints {
  /** Words per shingle the hashes were made with (SHINGLE_WORDS at build time). */
  shingleWords: number;
  documents: DocumentFingerprint[];
}

/** What a page's text is, compared with one corpus document. */
export interface DocumentMatch {
  doc: string;
  /**
   * - `document`: the page carries the document's title and nearly all its text (the document
   *   itself, syndicated, or the same text in another site's layout);
   * - `copy`: a large part of its text without being the whole (trimmed, retitled, edited);
   * - `quotes`: one or a few of its paragraphs, quoted in another article.
   */
  kind: 'document' | 'copy' | 'quotes';
  /** Share of the document's shingles found on the page (0–1). */
  containment: number;
  /** Paragraphs (1-based) the page carries (most of their shingles found). */
  paragraphs: number[];
}
