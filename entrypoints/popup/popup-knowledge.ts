/**
 * What the popup knows, read from the live knowledge base in IndexedDB (the starter corpus as
 * installed, the reader's own and imported documents): the names, read once as the popup opens,
 * for lookup, suggestions and the timeline; and for one entity at a time the records its view,
 * or its line under "On this page", is built from — the same `cardSource` the background answers
 * cards with, labelled with the source registry in effect now. Extension pages read IndexedDB
 * directly (as the reader page and *Your documents* do); only the builder writes.
 */
import type { CardSource } from '../../lib/card-data';
import { KB_SCHEMA_VERSION, type KnowledgeBase } from '../../lib/kb/types';
import { currentLabels, type LabelSources } from '../../lib/storage/corpus-reader';
import type { BackstoryDb } from '../../lib/storage/db';
import { cardSource, knownEntities } from '../../lib/storage/kb-reader';

export interface PopupKnowledge {
  /** The names only (no documents or passages: lookup searches those in IndexedDB). */
  kb: KnowledgeBase;
  /** One entity's records with up to `accounts` of its accounts, newest first; undefined when unknown. */
  cardSource(entity: string, accounts?: number): Promise<CardSource | undefined>;
}

export async function readPopupKnowledge(db: BackstoryDb, sources: LabelSources): Promise<PopupKnowledge> {
  const entities = await knownEntities(db);
  return {
    kb: { schemaVersion: KB_SCHEMA_VERSION, version: '', perspectives: [], documents: [], passages: [], entities },
    cardSource: async (entity, accounts) => cardSource(db, entity, await currentLabels(db, sources), accounts === undefined ? {} : { accounts }),
  };
}
