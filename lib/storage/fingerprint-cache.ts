/**
 * The stored fingerprints an import compares its drafts with, kept in memory between batches.
 * Documents of one story share phrases, so each draft's probes find more candidates the bigger
 * the corpus grows, and reading all their fingerprints again for every batch made an import's
 * duplicate check cost O(corpus) per batch. Exact, not sampled: a fingerprint is the one the
 * store holds, because every write and delete of one goes through kb-writer (the builder is the
 * knowledge base's one writer), which updates this cache in the same step.
 */
import type { DocumentFingerprint } from '../recognition/types';
import type { BackstoryDb } from './db';

/** Shingle hashes kept at most (~1,500 documents of 2,000 words; a few MB). */
const MAX_HASHES = 1_500_000;

const sizeOf = (fp: DocumentFingerprint) => fp.paragraphs.reduce((n, p) => n + p.length, fp.title.length);

class FingerprintCache {
  /** In order of use, least recent first. */
  private readonly byDoc = new Map<string, DocumentFingerprint>();
  private hashes = 0;

  get(doc: string): DocumentFingerprint | undefined {
    const fp = this.byDoc.get(doc);
    if (fp) {
      this.byDoc.delete(doc);
      this.byDoc.set(doc, fp);
    }
    return fp;
  }

  set(fp: DocumentFingerprint): void {
    this.forget([fp.doc]);
    this.byDoc.set(fp.doc, fp);
    this.hashes += sizeOf(fp);
    for (const [doc, oldest] of this.byDoc) {
      if (this.hashes <= MAX_HASHES) break;
      this.byDoc.delete(doc);
      this.hashes -= sizeOf(oldest);
    }
  }

  forget(docs: readonly string[]): void {
    for (const doc of docs) {
      const fp = this.byDoc.get(doc);
      if (!fp) continue;
      this.byDoc.delete(doc);
      this.hashes -= sizeOf(fp);
    }
  }
}

const caches = new WeakMap<BackstoryDb, FingerprintCache>();

/** The cache of this database connection's stored fingerprints. */
export function storedFingerprints(db: BackstoryDb): FingerprintCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new FingerprintCache();
    caches.set(db, cache);
  }
  return cache;
}
