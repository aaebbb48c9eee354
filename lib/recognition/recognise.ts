/**
 * Recognising a page: its text fingerprint against the corpus documents' (which document it is,
 * copies or quotes), then its site against the source registry (which outlet, which
 * perspective). DOM-free; the background runs it on what a content script sent.
 */
import type { PageRecognition, QuotedDocument, ThisPage } from '../messages';
import type { KnowledgeBase } from '../kb/types';
import { citedParagraphs } from './cited';
import { matchDocuments } from './fingerprint';
import { sourceForHost, type Source } from './sources';
import type { Fingerprints } from './types';

export interface RecognitionCorpus {
  fingerprints: Fingerprints;
  documents: readonly { id: string; title: string; outlet: string; perspective: string }[];
  perspectives: readonly { id: string; label: string }[];
  sources: readonly Source[];
  /** To tell which of the page's paragraphs the accounts quote. */
  kb: Pick<KnowledgeBase, 'entities' | 'passages'>;
}

export interface PageFingerprint {
  shingles: ReadonlySet<number>;
  /** Sampling modulus the shingles were kept with (1: all). */
  modulus: number;
  /** The page's host, as the browser reports the tab's address. */
  host: string;
}


export function recognisePage(page: PageFingerprint, corpus: RecognitionCorpus): PageRecognition {
  const documents = new Map(corpus.documents.map((d) => [d.id, d]));
  const label = (id: string) => ({ id, label: corpus.perspectives.find((p) => p.id === id)?.label ?? id });
  const matches = matchDocuments(page.shingles, corpus.fingerprints, page.modulus).filter((m) => documents.has(m.doc));

  const own = matches.find((m) => m.kind === 'document' || m.kind === 'copy');
  const quotes: QuotedDocument[] = matches
    .filter((m) => m !== own)
    .map((m) => {
      const d = documents.get(m.doc)!;
      return { doc: d.id, title: d.title, outlet: d.outlet, paragraphs: m.paragraphs };
    });

  if (own) {
    const d = documents.get(own.doc)!;
    const kind: ThisPage['kind'] = own.kind === 'document' ? 'document' : 'copy';
    return {
      thisPage: { kind, doc: d.id, title: d.title, outlet: d.outlet, perspective: label(d.perspective) },
      quotes,
      paragraphs: own.paragraphs,
      cited: citedParagraphs(corpus.kb, d.id, own.paragraphs).map((c) => ({
        ...c,
        shingles: corpus.fingerprints.documents.find((f) => f.doc === d.id)?.paragraphs[c.para - 1] ?? [],
      })),
    };
  }
  const source = sourceForHost(page.host, corpus.sources);
  const thisPage: ThisPage | null = source
    ? { kind: 'outlet', outlet: source.outlet, perspective: label(source.perspective) }
    : null;
  return { thisPage, quotes, paragraphs: [], cited: [] };
}
