/**
 * The background's access to the knowledge base in IndexedDB: seeded from the bundled copy on
 * install and, in case the browser dropped or never finished that, before the first query.
 */
import type { KnowledgeBase } from '../../lib/kb/types';
import { quotedDocuments, type CardSource } from '../../lib/card-data';
import type { BackstoryDb } from '../../lib/storage/db';
import { seededPerspectives, seedKnowledgeBase } from '../../lib/storage/seed';
import { lazy, type Lazy } from './shipped-corpus';

export interface Knowledge {
  /** Resolves once the database holds the bundled knowledge base's version. */
  ready(): Promise<void>;
  /** The records a card for `entityId` needs, or undefined when no such entity is seeded. */
  cardSource(entityId: string): Promise<CardSource | undefined>;
}

/** `kb` may be a loader: the worker reads the shipped file only when a query needs it. */
export function createKnowledge(db: BackstoryDb, kb: Lazy<KnowledgeBase>): Knowledge {
  const loadKb = lazy(kb);
  let seeding: Promise<void> | undefined;
  const ready = () => {
    seeding ??= loadKb().then((loaded) => seedKnowledgeBase(db, loaded)).then(
      () => undefined,
      (error: unknown) => {
        seeding = undefined; // let the next query try again
        throw error;
      },
    );
    return seeding;
  };

  return {
    ready,
    async cardSource(entityId) {
      await ready();
      const entity = await db.entities.get(entityId);
      if (!entity) return undefined;
      const linked = await db.entities.bulkGet((entity.links ?? []).map((l) => l.to));
      // Entities that link to this one ("commander of" → Quds Force); a scan, but of a table
      // of a few hundred rows, and only when a card opens.
      const linking = await db.entities.filter((e) => (e.links ?? []).some((l) => l.to === entityId)).toArray();
      const passages = await db.passages.bulkGet(entity.accounts.flatMap((a) => a.passages));
      const documents = await db.documents.bulkGet([
        ...new Set([...entity.accounts.map((a) => a.doc), ...quotedDocuments(entity)]),
      ]);
      return {
        entities: [entity, ...linked.filter(isDefined), ...linking],
        passages: passages.filter(isDefined),
        documents: documents.filter(isDefined),
        perspectives: await seededPerspectives(db),
        documentTotal: await db.documents.count(),
      };
    },
  };
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
