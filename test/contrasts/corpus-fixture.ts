// A handful of documents and entities for the contrast tests: small enough to read in full.
import { findNames, type Span } from '../../lib/accounts/mentions';
import type { ContrastDocument, ContrastEntity, ContrastPassage, Locate } from '../../lib/contrasts/document';

export const ENTITIES = new Map<string, ContrastEntity>(
  (
    [
      { id: 'pmu', type: 'organization', name: 'Popular Mobilization Units', names: ['Popular Mobilization Units', 'PMU', 'Hashd al-Shaabi'] },
      { id: 'isis', type: 'organization', name: 'Islamic State', names: ['Islamic State', 'ISIS', 'Daesh'] },
      { id: 'mosul', type: 'place', name: 'Mosul', names: ['Mosul'] },
      { id: 'iraq', type: 'place', name: 'Iraq', names: ['Iraq'] },
      { id: 'parliament', type: 'organization', name: 'Iraqi parliament', names: ['Iraqi parliament', 'Iraq’s parliament'] },
      { id: 'troops-vote', type: 'event', name: 'Iraqi parliament’s vote to expel foreign troops', names: ['vote to expel foreign troops', 'decision to withdraw foreign troops'] },
    ] satisfies ContrastEntity[]
  ).map((e) => [e.id, e]),
);

/** Names found by their spellings, as the matcher would find them. */
export const locate: Locate = (text, entity) => {
  const targets = findNames(text, entity.names);
  const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
  const others = [...ENTITIES.values()]
    .filter((e) => e.id !== entity.id)
    .flatMap((e) => findNames(text, e.names))
    .filter((o) => !targets.some((t) => overlaps(t, o)));
  return { targets, others };
};

/** A document; each sentence of a paragraph is a passage, naming the entities whose spellings it contains. */
export function documentOf(id: string, perspective: string | null, paragraphs: string[], date = '2020-06'): { doc: ContrastDocument; passages: ContrastPassage[] } {
  const doc = { id, title: id, date, perspective, paragraphs };
  const passages = paragraphs.flatMap((paragraph, i) =>
    paragraph.split(/(?<=[.?!])\s+(?=\p{Lu})/u).map((text, s) => ({
      id: `${id}:${i + 1}:${s}`,
      para: i + 1,
      text,
      entities: [...ENTITIES.values()].filter((e) => findNames(text, e.names).length > 0).map((e) => e.id),
    })),
  );
  return { doc, passages };
}
