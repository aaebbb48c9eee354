/**
 * Which document a draft is: a stable id, a content hash, the canonical address, the text's
 * fingerprint, and whether the corpus already has it. DOM-free and storage-free: the builder
 * looks the keys up in its tables and calls `compareFingerprints` on what it finds.
 *
 * "Already in your corpus" is decided, in order, by: the same canonical address; the same text
 * (content hash); or the same text in another layout or a trimmed copy, by shingle containment
 * (lib/recognition's thresholds: ≥ 85 % the document, ≥ 40 % a copy; see `compareFingerprints`).
 */
import { sha256Hex } from '../kb/hash';
import { buildFingerprints, COPY_CONTAINMENT, DOCUMENT_CONTAINMENT, matchDocument } from '../recognition/fingerprint';
import { keptBySample } from '../recognition/shingles';
import type { DocumentFingerprint } from '../recognition/types';
import type { DocumentDraft } from './draft';
import { canonicalUrl } from './url';

/** A checked draft with its identity: what the builder writes. */
export interface DocumentRecord extends DocumentDraft {
  /** Kebab-case (`d-` and 16 hex digits) so that cites `"<doc>:<para>"` stay valid. */
  id: string;
  /** `canonicalUrl(url)`: the key the duplicate check looks addresses up by. */
  canonicalUrl?: string;
  /** SHA-256 of the normalised paragraphs: the same text under any title or address. */
  contentHash: string;
}

/** Paragraphs as hashed: Unicode NFC, whitespace runs folded, one per line. */
function normalisedText(paragraphs: readonly string[]): string {
  return paragraphs.map((p) => p.normalize('NFC').replace(/\s+/gu, ' ').trim()).join('\n');
}

export function contentHash(paragraphs: readonly string[]): string {
  return sha256Hex(normalisedText(paragraphs));
}

/**
 * A document's id: from its canonical address when it has one (the same article added again,
 * even edited, is the same document), else from its text. 64 bits of SHA-256: a collision is
 * vanishingly unlikely below 10⁸ documents.
 */
export function documentId(key: { canonicalUrl?: string; contentHash: string }): string {
  const basis = key.canonicalUrl ? `url ${key.canonicalUrl}` : `text ${key.contentHash}`;
  return `d-${sha256Hex(basis).slice(0, 16)}`;
}

export function toDocumentRecord(draft: DocumentDraft): DocumentRecord {
  const hash = contentHash(draft.paragraphs);
  const key = draft.url ? canonicalUrl(draft.url) : undefined;
  const record: DocumentRecord = { ...draft, id: '', contentHash: hash };
  if (key) record.canonicalUrl = key;
  record.id = documentId(record);
  return record;
}

/** The document's fingerprint, cut exactly as pages are (lib/recognition/shingles). */
export function documentFingerprint(doc: { id: string; title: string; paragraphs: readonly string[] }): DocumentFingerprint {
  return buildFingerprints([{ id: doc.id, title: doc.title, paragraphs: [...doc.paragraphs] }]).documents[0]!;
}

/**
 * One in this many shingle hashes is a probe: the keys of a multi-entry index that finds the
 * documents sharing text with a draft without reading every fingerprint. Sampled by value
 * (`keptBySample`), so a copy sharing 40 % of a 2,000-word article's ~2,000 shingles shares
 * ~25 of its ~60 probes; documents too short to keep MIN_PROBES use all their hashes.
 */
export const PROBE_MODULUS = 32;
const MIN_PROBES = 8;

export function duplicateProbes(fp: DocumentFingerprint): number[] {
  const all = new Set<number>();
  for (const paragraph of fp.paragraphs) for (const h of paragraph) all.add(h);
  const sampled = [...all].filter((h) => keptBySample(h, PROBE_MODULUS));
  return (sampled.length >= MIN_PROBES ? sampled : [...all]).sort((a, b) => a - b);
}

export interface DuplicateMatch {
  doc: string;
  /**
   * `document`: the draft carries ≥ 85 % of the document's text (the same article, perhaps in
   * another layout); `copy`: it carries ≥ 40 % of it (a trimmed or edited copy), or the draft is
   * itself ≥ 85 % made of the document's text (an excerpt).
   */
  kind: 'document' | 'copy';
  /** Share of the shingles that decided it (document's in the draft, or the draft's in it), 0–1. */
  containment: number;
}

function shingleSet(fp: DocumentFingerprint): Set<number> {
  const set = new Set<number>();
  for (const paragraph of fp.paragraphs) for (const h of paragraph) set.add(h);
  return set;
}

/** The draft as every comparison reads it: computed once, however many candidates it is compared with. */
interface DraftShingles {
  fingerprint: DocumentFingerprint;
  set: ReadonlySet<number>;
  /** Its paragraphs' shingles, counted with repeats (the denominator of its own containment). */
  total: number;
  /** How often its most repeated shingle occurs. */
  maxRepeat: number;
}

function draftShingles(fp: DocumentFingerprint): DraftShingles {
  const counts = new Map<number, number>();
  let total = 0;
  for (const paragraph of fp.paragraphs) {
    for (const h of paragraph) {
      counts.set(h, (counts.get(h) ?? 0) + 1);
      total++;
    }
  }
  let maxRepeat = 0;
  for (const n of counts.values()) if (n > maxRepeat) maxRepeat = n;
  return { fingerprint: fp, set: new Set(counts.keys()), total, maxRepeat };
}

/**
 * Whether a draft repeats a corpus document. Mostly the recognition question, asked of the
 * draft as if it were a page: how much of the document it carries. The other direction counts
 * only at the higher threshold: a short article that quotes a document for half its length is
 * a new article (the reader wants it), one that is nothing but the document's text is not.
 */
export function compareFingerprints(draft: DocumentFingerprint, existing: DocumentFingerprint): DuplicateMatch | null {
  return compareWithShingles(draftShingles(draft), existing);
}

function compareWithShingles(draft: DraftShingles, existing: DocumentFingerprint): DuplicateMatch | null {
  // The share of the document's shingles the draft carries (matchDocument's containment, unsampled).
  let total = 0;
  let found = 0;
  for (const paragraph of existing.paragraphs) {
    for (const h of paragraph) {
      total++;
      if (draft.set.has(h)) found++;
    }
  }
  const carried = total === 0 ? 0 : found / total;
  if (carried >= DOCUMENT_CONTAINMENT) return { doc: existing.doc, kind: 'document', containment: carried };
  if (carried >= COPY_CONTAINMENT) return { doc: existing.doc, kind: 'copy', containment: carried };
  // The draft's shingles found in the document number at most `found` distinct ones, each
  // repeated at most `maxRepeat` times: when even that is short of the threshold, the document
  // (most candidates of a corpus telling one story) is not cut into a set of its own.
  if (draft.total === 0 || (found * draft.maxRepeat) / draft.total < DOCUMENT_CONTAINMENT) return null;
  const excerpt = matchDocument(shingleSet(existing), draft.fingerprint)?.containment ?? 0;
  if (excerpt >= DOCUMENT_CONTAINMENT) return { doc: existing.doc, kind: 'copy', containment: excerpt };
  return null;
}

/** The best match among candidate documents (found by address, hash or probes), if any. */
export function findDuplicate(draft: DocumentFingerprint, candidates: Iterable<DocumentFingerprint>): DuplicateMatch | null {
  // The draft's shingles once, whatever the number of candidates.
  let shingles: DraftShingles | undefined;
  let best: DuplicateMatch | null = null;
  for (const fp of candidates) {
    shingles ??= draftShingles(draft);
    const match = compareWithShingles(shingles, fp);
    if (match && (!best || match.containment > best.containment)) best = match;
  }
  return best;
}
