/**
 * What the builder finds itself, beside the curated contrasts: per entity, the accounts of
 * different perspectives set against each other, every document's account as a mark on the
 * stance strip, and the disagreements of fact it takes part in. Run once over the merged
 * knowledge base with the matcher the extraction used (lib/contrasts/ does the reading). Each
 * item is marked as found automatically; the reader's keep/dismiss is applied when a card is
 * built, not here, so the stored rows stay the same whatever the reader decides. DOM-free.
 */
import type { Matcher } from '../engine/matcher';
import { knowledgeBaseContrasts } from '../contrasts/from-kb';
import type { KnowledgeBase } from './types';

export function attachAutomaticContrasts(kb: Omit<KnowledgeBase, 'version'>, matcher: Matcher): void {
  const found = knowledgeBaseContrasts({ ...kb, version: '' }, matcher);
  for (const entity of kb.entities) {
    const own = found.byEntity.get(entity.id);
    const disagreements = found.disagreements.filter((d) => d.entities.includes(entity.id));
    if (own?.automatic.length) entity.automaticContrasts = own.automatic;
    if (own?.strip.length) entity.stanceStrip = own.strip;
    if (disagreements.length) entity.automaticDisagreements = disagreements;
  }
}
