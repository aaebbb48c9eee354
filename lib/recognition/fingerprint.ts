/**
 * Builds document fingerprints (corpus builder) and compares a page's shingles with them
 * (background). Thresholds are ratios of shingles, so they hold whether a page sent all its
 * shingles or a consistent sample of them (see `keptBySample`).
 */
import { keptBySample, paragraphShingles, SHINGLE_WORDS } from './shingles';
import type { DocumentFingerprint, DocumentMatch, Fingerprints } from './types';

export interface FingerprintSource {
  id: string;
  title: string;
  paragraphs: string[];
}

export function buildFingerprints(documents: readonly FingerprintSource[]): Fingerprints {
  return {
    shingleWords: SHINGLE_WORDS,
    documents: documents.map((d) => ({
      doc: d.id,
      title: [...paragraphShingles(d.title)],
      paragraphs: d.paragraphs.map((p) => [...paragraphShingles(p)]),
    })),
  };
}

/**
 * A page with this share of a document's shingles, and its title, *is* that document: the
 * remaining 15% allows for a paragraph or two lost to a different site's layout (a caption
 * taken for chrome, a pull quote, a paragraph split differently) and for light edits.
 */
export const DOCUMENT_CONTAINMENT = 0.85;

/**
 * A page with this share of a document's shingles is a copy of it. News articles quote each
 * other a paragraph or two at a time — under 20% of a 13–26 paragraph document — while a
 * republished copy that trims its tail or its teasers still carries well over half. 0.4 sits
 * between the two with room on both sides (measured in test/recognition/fingerprint.test.ts).
 */
export const COPY_CONTAINMENT = 0.4;

/**
 * A paragraph counts as on the page when this share of its shingles is there: a quoted
 * paragraph may be cut short or lose a word, but an unrelated paragraph about the same people
 * shares at most a stray phrase.
 */
export const PARAGRAPH_COVERAGE = 0.5;

/**
 * ...and when at least this many of its shingles are: a one-line paragraph ("Read more") could
 * otherwise be "carried" by a page that shares one phrase with it. Six shingles is a run of ten
 * identical words.
 */
export const MIN_PARAGRAPH_SHINGLES = 6;

/**
 * Compares a page's shingles (possibly sampled with `modulus`) with every document; returns
 * the documents the page is, copies or quotes, best first. Unrelated pages give [].
 */
export function matchDocuments(
  page: ReadonlySet<number>,
  fingerprints: Fingerprints,
  modulus = 1,
): DocumentMatch[] {
  const matches: DocumentMatch[] = [];
  for (const fp of fingerprints.documents) {
    const match = matchDocument(page, fp, modulus);
    if (match) matches.push(match);
  }
  return matches.sort((a, b) => rank(b) - rank(a) || b.containment - a.containment);
}

const RANK = { document: 3, copy: 2, quotes: 1 } as const;
function rank(m: DocumentMatch): number {
  return RANK[m.kind];
}

export function matchDocument(page: ReadonlySet<number>, fp: DocumentFingerprint, modulus = 1): DocumentMatch | null {
  let total = 0;
  let found = 0;
  const carried: number[] = [];
  fp.paragraphs.forEach((hashes, i) => {
    let paraTotal = 0;
    let paraFound = 0;
    for (const h of hashes) {
      if (!keptBySample(h, modulus)) continue;
      paraTotal++;
      if (page.has(h)) paraFound++;
    }
    total += paraTotal;
    found += paraFound;
    // The minimum is scaled by the sample: with 1 in 4 hashes kept, 6 shingles are ~1.5 kept.
    const minimum = Math.max(1, MIN_PARAGRAPH_SHINGLES / modulus);
    if (paraTotal > 0 && paraFound >= minimum && paraFound / paraTotal >= PARAGRAPH_COVERAGE) carried.push(i + 1);
  });
  if (total === 0) return null;
  const containment = found / total;
  const sampledTitle = fp.title.filter((h) => keptBySample(h, modulus));
  // A title too short to be sampled cannot be checked: the text alone decides.
  const hasTitle =
    sampledTitle.length === 0 || sampledTitle.filter((h) => page.has(h)).length / sampledTitle.length >= 0.5;
  if (containment >= DOCUMENT_CONTAINMENT && hasTitle)
    return { doc: fp.doc, kind: 'document', containment, paragraphs: carried };
  if (containment >= COPY_CONTAINMENT) return { doc: fp.doc, kind: 'copy', containment, paragraphs: carried };
  if (carried.length > 0) return { doc: fp.doc, kind: 'quotes', containment, paragraphs: carried };
  return null;
}
