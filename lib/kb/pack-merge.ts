/**
 * The merge step of a pack built from documents (`npm run corpus -- --add DIR`): documents and
 * their extractions come in, in the order the files were listed, whatever order the workers
 * finished them in; each is kept once (not a second time under the same address, the same text
 * or a copy by fingerprint, as the device's builder decides it) and the kept ones with their
 * rows make one corpus pack. DOM-free, no I/O: the same rows the extension's builder writes.
 */
import type { CorpusPack, PackDocument } from '../corpus/pack';
import { PACK_FORMAT, PACK_FORMAT_VERSION } from '../corpus/pack';
import type { Perspective } from './types';
import type { Source } from '../recognition/sources';
import type { DocumentFingerprint } from '../recognition/types';
import { duplicateProbes, findDuplicate, type DuplicateMatch } from '../corpus/identity';
import type { DocumentExtraction } from './extract';

/** One document ready to merge: its pack form, the keys duplicates are found by, its rows. */
export interface MergeCandidate {
  document: PackDocument;
  canonicalUrl?: string;
  contentHash: string;
  rows: Pick<DocumentExtraction, 'passages' | 'mentions' | 'fingerprint'>;
}

export type MergeOutcome = { added: true } | { added: false; duplicate: DuplicateMatch | { doc: string; kind: 'address' | 'text' | 'id' } };

/** What the pack is called: the rest of it comes from the documents. */
export interface PackIdentity {
  id: string;
  title: string;
  packVersion: number;
  description?: string;
}

/**
 * Which documents sharing probes with a draft are worth comparing whole. Probes are a sample of
 * the shingles, so the share of a document's probes the draft holds estimates the containment
 * that decides (≥ 40 % of the document: a copy; ≥ 85 % of the draft: an excerpt). Half those
 * shares is several standard deviations below them at ~60 probes a document, so no copy is
 * missed, and a corpus whose documents share sentences (as any news corpus does: quotes, wire
 * copy) is not compared pair by pair.
 */
const PROBE_SHARE_OF_DOCUMENT = 0.2;
const PROBE_SHARE_OF_DRAFT = 0.45;

export class PackMerger {
  private readonly documents: PackDocument[] = [];
  private readonly rows: MergeCandidate['rows'][] = [];
  private readonly ids = new Set<string>();
  private readonly byUrl = new Map<string, string>();
  private readonly byHash = new Map<string, string>();
  /** Probe hash → documents holding it: finds copies without comparing every fingerprint. */
  private readonly byProbe = new Map<number, string[]>();
  private readonly probeCounts = new Map<string, number>();
  private readonly fingerprints = new Map<string, DocumentFingerprint>();
  private readonly perspectives = new Map<string, Perspective>();
  private readonly sources = new Map<string, Source>();

  constructor(private readonly extractionKey: string) {}

  /** Keeps the document unless the pack already has it; says which document it repeats. */
  add(candidate: MergeCandidate): MergeOutcome {
    const { document, canonicalUrl, contentHash, rows } = candidate;
    const known = (doc: string | undefined, kind: 'address' | 'text' | 'id'): MergeOutcome | undefined =>
      doc === undefined ? undefined : { added: false, duplicate: { doc, kind } };
    const same =
      known(canonicalUrl ? this.byUrl.get(canonicalUrl) : undefined, 'address') ??
      known(this.byHash.get(contentHash), 'text') ??
      known(this.ids.has(document.id) ? document.id : undefined, 'id');
    if (same) return same;
    const probes = duplicateProbes(rows.fingerprint);
    const shared = new Map<string, number>();
    for (const probe of probes) for (const doc of this.byProbe.get(probe) ?? []) shared.set(doc, (shared.get(doc) ?? 0) + 1);
    const candidates = [...shared]
      .filter(([doc, n]) => n >= PROBE_SHARE_OF_DOCUMENT * this.probeCounts.get(doc)! || n >= PROBE_SHARE_OF_DRAFT * probes.length)
      .map(([doc]) => doc)
      .sort();
    const copy = findDuplicate(rows.fingerprint, candidates.map((doc) => this.fingerprints.get(doc)!));
    if (copy) return { added: false, duplicate: copy };

    this.documents.push(document);
    this.rows.push(rows);
    this.ids.add(document.id);
    if (canonicalUrl) this.byUrl.set(canonicalUrl, document.id);
    this.byHash.set(contentHash, document.id);
    for (const probe of probes) {
      const holders = this.byProbe.get(probe);
      if (holders) holders.push(document.id);
      else this.byProbe.set(probe, [document.id]);
    }
    this.probeCounts.set(document.id, probes.length);
    this.fingerprints.set(document.id, rows.fingerprint);
    return { added: true };
  }

  /** Perspectives and sources a document's label needs (from a pack it came in); the first of an id wins. */
  addLabels(perspectives: readonly Perspective[], sources: readonly Source[]): void {
    for (const p of perspectives) if (!this.perspectives.has(p.id)) this.perspectives.set(p.id, p);
    for (const s of sources) if (!this.sources.has(s.domain)) this.sources.set(s.domain, s);
  }

  get size(): number {
    return this.documents.length;
  }

  /**
   * The pack: the kept documents in input order with their rows, stamped with the extraction
   * key. Its mentions name the gazetteer's entities, which the pack does not repeat: a device
   * whose matcher has the same key (the same curated names) installs the rows as they are.
   */
  pack(meta: PackIdentity): CorpusPack {
    return {
      format: PACK_FORMAT,
      version: PACK_FORMAT_VERSION,
      id: meta.id,
      title: meta.title,
      packVersion: meta.packVersion,
      ...(meta.description ? { description: meta.description } : {}),
      perspectives: [...this.perspectives.values()],
      sources: [...this.sources.values()],
      entities: [],
      contrasts: [],
      disagreements: [],
      documents: [...this.documents],
      derived: {
        extractionKey: this.extractionKey,
        passages: this.rows.flatMap((r) => r.passages),
        mentions: this.rows.flatMap((r) => r.mentions),
        fingerprints: this.rows.map((r) => r.fingerprint),
      },
    };
  }
}
