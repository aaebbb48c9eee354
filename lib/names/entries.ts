/**
 * A learned entity as the knowledge base keeps an entity (a gazetteer entry, `origin: 'learned'`
 * in the store): so that its card is built as a curated entity's is, its background the
 * clearest defining phrases from the reader's documents, verbatim and cited to document and
 * paragraph, and its summary saying where it came from. Only entities of their own: new spellings
 * of a curated entity (`known`) join that entity's names, not the entity list. DOM-free.
 */
import type { GazetteerEntry } from '../kb/types';
import { matcherType } from './patterns';
import type { LearnedEntity } from './types';

/** How a learned entity's card introduces it. */
export const LEARNED_SUMMARY = 'Learned from your documents';

export function learnedEntry(entity: LearnedEntity): GazetteerEntry {
  const named = entity.docs.length === 1 ? 'named in 1 document' : `named in ${entity.docs.length.toLocaleString('en')} documents`;
  return {
    id: entity.id,
    type: matcherType(entity.type),
    name: entity.name,
    aliases: entity.forms.map((f) => f.text).filter((text) => text !== entity.name),
    summary: `${LEARNED_SUMMARY}: ${named}.`,
    background: entity.background,
  };
}

/** The entries the knowledge base keeps for what learning resolved: the counted, unrejected entities of their own. */
export function learnedEntries(entities: readonly LearnedEntity[]): GazetteerEntry[] {
  return entities.filter((e) => e.active && !e.rejected && !e.known).map(learnedEntry);
}
