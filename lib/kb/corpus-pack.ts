/**
 * A corpus built by `npm run corpus` as a corpus pack: the starter corpus the extension ships and
 * installs on first run, with the rows each document's extraction gave (stamped with the
 * extraction key), so a device whose builder has the same key installs them as they are.
 * DOM-free, no I/O.
 */
import type { CorpusPack, CuratedContrast, CuratedDisagreement, PackDocument } from '../corpus/pack';
import { PACK_FORMAT, PACK_FORMAT_VERSION } from '../corpus/pack';
import type { Source } from '../recognition/sources';
import type { BuildResult } from './build';
import { extractionKey } from './gazetteer';
import type { KbDocument } from './types';

/** The starter corpus's pack id and title, as *Your documents* lists it. */
export const STARTER_PACK_ID = 'starter-us-iraq-2020';
export const STARTER_PACK_TITLE = 'Starter corpus: the US–Iraq talks, 2020';

export interface PackMeta {
  id: string;
  title: string;
  packVersion: number;
  description?: string;
  sources: Source[];
  contrasts: CuratedContrast[];
  disagreements: CuratedDisagreement[];
}

/** A seed document as a pack carries it: the builder's fields under the draft's names. */
export function packDocumentOf(doc: KbDocument): PackDocument {
  return {
    id: doc.id,
    title: doc.title,
    outlet: doc.outlet,
    ...(doc.author ? { byline: doc.author } : {}),
    published: doc.date,
    dateNote: doc.dateNote,
    perspective: doc.perspective,
    evidence: doc.evidence,
    origin: { kind: 'file', name: doc.file, format: 'txt' },
    paragraphs: doc.paragraphs,
  };
}

/** The built corpus as a pack, derived rows included; undefined when the build failed. */
export function corpusPackOf(result: BuildResult, meta: PackMeta): CorpusPack | undefined {
  const { kb, matcher, extractions } = result;
  if (!kb || !matcher || !extractions) return undefined;
  return {
    format: PACK_FORMAT,
    version: PACK_FORMAT_VERSION,
    id: meta.id,
    title: meta.title,
    packVersion: meta.packVersion,
    ...(meta.description ? { description: meta.description } : {}),
    perspectives: kb.perspectives,
    sources: meta.sources,
    // The curated entries as written (the knowledge base adds mentions and accounts to them).
    entities: kb.entities.map(
      ({ mentions: _m, accounts: _a, contrasts: _c, disagreements: _d, automaticContrasts: _ac, automaticDisagreements: _ad, stanceStrip: _s, ...entry }) => entry,
    ),
    contrasts: meta.contrasts,
    disagreements: meta.disagreements,
    documents: kb.documents.map(packDocumentOf),
    derived: {
      extractionKey: extractionKey(matcher),
      passages: extractions.flatMap((x) => x.passages),
      mentions: extractions.flatMap((x) => x.mentions),
      fingerprints: extractions.map((x) => x.fingerprint),
      automaticContrasts: kb.entities.flatMap((e) => e.automaticContrasts ?? []),
      // A disagreement names every entity it is about: carried once.
      automaticDisagreements: [...new Map(kb.entities.flatMap((e) => e.automaticDisagreements ?? []).map((d) => [d.id, d])).values()],
    },
  };
}
