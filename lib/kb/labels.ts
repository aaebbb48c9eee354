/**
 * A document's outlet and perspective, decided when it is read rather than stored with it: the
 * source registry (data/sources.json plus the reader's edits) labels a domain once for all its
 * documents, so labelling an outlet relabels every document from it at once. A perspective
 * chosen for one document (a pack's curated label, the reader's choice in the preview) wins.
 * An outlet nobody labelled keeps its name and domain and says "perspective not labelled".
 * DOM-free.
 */
import type { DocumentLabel } from '../message-schemas';
import { sourceForHost, type Source } from '../recognition/sources';
import type { Perspective } from './types';

export const UNLABELLED = 'Perspective not labelled';

/** What labelling needs: the registry in effect and the perspectives the corpus knows. */
export interface Labels {
  sources: readonly Source[];
  perspectives: readonly Pick<Perspective, 'id' | 'label'>[];
}

export interface Labelled {
  outlet?: string;
  domain?: string;
  perspective?: string;
}

export function documentLabel(doc: Labelled, labels: Labels): DocumentLabel {
  const source = doc.domain ? sourceForHost(doc.domain, labels.sources) : undefined;
  const outlet = source?.outlet ?? doc.outlet ?? doc.domain ?? 'Unknown outlet';
  const domain = doc.domain ? { domain: doc.domain } : {};
  const named = (id: string) => ({ id, label: labels.perspectives.find((p) => p.id === id)?.label ?? id });
  if (doc.perspective) return { outlet, ...domain, perspective: named(doc.perspective), perspectiveFrom: 'document' };
  if (source) return { outlet, ...domain, perspective: named(source.perspective), perspectiveFrom: 'outlet' };
  return { outlet, ...domain, perspective: null, perspectiveFrom: 'none' };
}

/**
 * How cards group accounts: by perspective, and an unlabelled document by its outlet, as a
 * perspective of its own (two unlabelled outlets are not one side; two documents of one are).
 */
export function groupOf(label: DocumentLabel): { id: string; label: string } {
  return label.perspective ?? { id: `outlet:${label.domain ?? label.outlet.toLowerCase()}`, label: UNLABELLED };
}

/** The outlet as a card shows it: an unlabelled one with its domain, so the reader can tell which site it is. */
export function outletLine(label: DocumentLabel): string {
  if (label.perspective || !label.domain || label.outlet === label.domain) return label.outlet;
  return `${label.outlet} (${label.domain})`;
}
