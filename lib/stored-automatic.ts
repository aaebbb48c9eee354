/**
 * The popup's bundled knowledge base with one entity's automatic contrasts and stance strip as
 * the device computed them from the reader's corpus (`entity/automatic`): the entity view shows
 * those, and names the reader's own documents they quote. Pure.
 */
import type { KnowledgeBase } from './kb/types';
import type { EntityAutomatic } from './message-schemas-automatic';

export function withStoredAutomatic(kb: KnowledgeBase, entityId: string, stored: EntityAutomatic | null | undefined): KnowledgeBase {
  if (!stored) return kb;
  const known = new Set(kb.documents.map((d) => d.id));
  // Only what a card and the strip read of a document: its title, outlet and perspective.
  const added = stored.documents
    .filter((d) => !known.has(d.id))
    .map((d) => ({ ...d, file: '', date: '', dateNote: '', evidence: [], paragraphs: [] }));
  const perspectives = new Set(kb.perspectives.map((p) => p.id));
  return {
    ...kb,
    documents: [...kb.documents, ...added],
    // Appended: the bundled perspectives keep their strip colours.
    perspectives: [...kb.perspectives, ...stored.perspectives.filter((p) => !perspectives.has(p.id))],
    entities: kb.entities.map((e) => {
      if (e.id !== entityId) return e;
      const { automaticContrasts: _bundled, ...rest } = e;
      return { ...rest, stanceStrip: stored.strip, ...(stored.contrasts.length ? { automaticContrasts: stored.contrasts } : {}) };
    }),
  };
}
