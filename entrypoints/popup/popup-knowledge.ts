/**
 * What the popup knows, read from the live knowledge base in IndexedDB (the starter corpus as
 * installed, the reader's own and imported documents): the names, read once as the popup opens,
 * for lookup, suggestions and the timeline; and for one entity at a time the records its view,
 * or its line under "On this page", is built from — the same `cardSource` the background answers
 * cards with, labelled with the source registry in effect now. Extension pages read IndexedDB
 * directly (as the reader page and *Your documents* do); only the builder writes. On first run
 * the popup may open before the background has installed the starter corpus: it waits for that.
 */
import type { CardSource } from '../../lib/card-data';
import { KB_SCHEMA_VERSION, type KbEntity, type KnowledgeBase } from '../../lib/kb/types';
import { currentLabels, type LabelSources } from '../../lib/storage/corpus-reader';
import type { BackstoryDb } from '../../lib/storage/db';
import { cardSource, installed, knownEntities } from '../../lib/storage/kb-reader';

export interface PopupKnowledge {
  /** The names only (no documents or passages: lookup searches those in IndexedDB). */
  names: Promise<KnowledgeBase>;
  /** One entity's records with up to `accounts` of its accounts, newest first; undefined when unknown. */
  cardSource(entity: string, accounts?: number): Promise<CardSource | undefined>;
}

/** A knowledge base of these names and nothing else. */
export function namesOnly(entities: KbEntity[]): KnowledgeBase {
  return { schemaVersion: KB_SCHEMA_VERSION, version: '', perspectives: [], documents: [], passages: [], entities };
}

export interface PopupKnowledgeDeps extends LabelSources {
  /** Resolves once the background has installed the starter corpus (it asks the background). */
  whenInstalled(): Promise<unknown>;
}

/** Starts reading the names at once; an entity's records are read when asked for, so they are current. */
export function openPopupKnowledge(db: BackstoryDb, deps: PopupKnowledgeDeps): PopupKnowledge {
  const ready = installed(db).then((done) => (done ? undefined : deps.whenInstalled()));
  return {
    names: ready.then(() => knownEntities(db)).then(namesOnly),
    async cardSource(entity, accounts) {
      await ready;
      return cardSource(db, entity, await currentLabels(db, deps), accounts === undefined ? {} : { accounts });
    },
  };
}
