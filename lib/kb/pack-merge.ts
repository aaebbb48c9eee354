/**
 * The merge step of a pack built from documents (`npm run corpus -- --add DIR`): documents and
 * their extractions come in, in the order the files were listed, whatever order the workers
 * finished them in; each is kept once (not a second time under the same address, the same text
 * or a copy by fingerprint, as the device's builder decides it) and the kept ones with their
 * rows make one corpus pack. DOM-free, no I/O: the same rows the extension's builder writes.
 */
import type { CorpusPack, PackDocument } from '../corpus/pack';
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

export class PackMerger {
  private readonly documents: PackDocument[] = [];
  private readonly rows: MergeCandidate['rows'][] = [];
  private readonly ids = new Set<string>();
  private readonly byUrl = new Map<string, string>();
  private readonly byHash = new Map<string, string>();
  /** Probe hash → documents holding it: finds copies without comparing every fingerprint. */
  private readonly byProbe = new Map<number, string[]>();
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
    const candidates = new Set<string>();
    for (const probe of probes) for (const doc of this.byProbe.get(probe) ?? []) candidates.add(doc);
    const copy = findDuplicate(rows.fingerprint, [...candidates].sort().map((doc) => this.fingerprints.get(doc)!));
    if (copy) return { added: false, duplicate: copy };

    this.documents.push(document);
    this.rows.push(rows);
    this.ids.add(document.id);
    if (canonicalUrl) this.byUrl.set(canonicalUrl, document.id);
    this.byHash.set(contentHash, document.id);
    for (const probe of probes) this.byProbe.set(probe, [...(this.byProbe.get(probe) ?? []), document.id]);
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
      format: 'backstory-corpus-pack',
      version: 1,
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
