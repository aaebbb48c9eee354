/**
 * The entity view's stance strip as rows to draw: each document's account of the entity (the
 * builder's marks, most negative first) with its outlet, its perspective's label and colour
 * slot, its class, and the reader link to its quote. Pure; the popup draws it.
 */
import { stanceClass, type StanceClass } from './accounts/stance-class';
import type { KbDocument, KbEntity, Perspective } from './kb/types';

export interface StripMark {
  /** Unique in the strip: one account per document. */
  doc: string;
  title: string;
  outlet: string;
  perspective: { id: string; label: string };
  /** Which of the strip's colours the perspective has: the same for every entity (the corpus's order). */
  slot: number;
  stance: number;
  stanceClass: StanceClass;
  quote: string;
  passage: string;
  characterisation?: string;
}

/** Documents whose outlet has no labelled perspective are shown as such, in a colour of their own. */
const UNLABELLED = { id: 'unlabelled', label: 'Perspective not labelled' };

export function stripMarks(
  entity: KbEntity,
  kb: { documents: readonly Pick<KbDocument, 'id' | 'title' | 'outlet'>[]; perspectives: readonly Pick<Perspective, 'id' | 'label'>[] },
): StripMark[] {
  const documents = new Map(kb.documents.map((d) => [d.id, d]));
  return (entity.stanceStrip ?? []).flatMap((mark): StripMark[] => {
    const document = documents.get(mark.doc);
    if (!document) return [];
    const slot = mark.perspective === null ? -1 : kb.perspectives.findIndex((p) => p.id === mark.perspective);
    const perspective = slot < 0 ? UNLABELLED : { id: kb.perspectives[slot]!.id, label: kb.perspectives[slot]!.label };
    return [
      {
        doc: mark.doc,
        title: document.title,
        outlet: document.outlet,
        perspective,
        slot,
        stance: mark.stance,
        stanceClass: stanceClass(mark.stance),
        quote: mark.quote,
        passage: mark.passage,
        ...(mark.characterisation ? { characterisation: mark.characterisation.text } : {}),
      },
    ];
  });
}

/** Where a mark sits on the strip, 0 % (most negative) … 100 % (most positive). */
export function stripPosition(stance: number): number {
  return Math.round(((Math.max(-1, Math.min(1, stance)) + 1) / 2) * 1000) / 10;
}
