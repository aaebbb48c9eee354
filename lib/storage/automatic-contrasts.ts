/**
 * Automatic contrasts of the corpus on the device: when documents are added or removed, the
 * entities they touch get their contrasts, stance strip and disagreements of fact computed again from every document
 * that mentions them, and stored in `automatic` (schema v4). The reading of one document
 * (lib/contrasts/document.ts) is kept in its `readings` row, so an entity's recomputation reads
 * again only documents never read; the merge (lib/contrasts/entity.ts) is cheap. The reader's
 * keep/dismiss is not applied here (the card applies it): a decision survives every recomputation.
 *
 * Runs in the builder, after an import's writes: one entity at a time, a document's accounts read
 * a few per slice (`pause` between slices), so that a card asked for meanwhile is answered first. DOM-free and `browser.*`-free.
 */
import type { AccountReading } from '../accounts/account';
import { accountInputs, accountOf, documentClaims, headsFor, type ContrastEntity } from '../contrasts/document';
import { disagreementsFrom, type ClaimRecord } from '../contrasts/facts';
import { DEFAULT_MAX_CONTRASTS } from '../contrasts/choose';
import { entityContrasts } from '../contrasts/entity';
import { matcherLocate, namesOf } from '../contrasts/from-kb';
import type { Matcher } from '../engine/matcher';
import { documentLabel, type Labels } from '../kb/labels';
import type { Contrast } from '../kb/types';
import type { BackstoryDb } from './db';
import { storing } from './kb-writer';
import type { AutomaticRow, ContrastRow, DocumentRow, EntityRow, StoredAccountReadings } from './types';

/** Contrasts kept per entity: the card shows DEFAULT_MAX_CONTRASTS, the rest stand in for dismissed ones. */
export const STORED_CONTRASTS = DEFAULT_MAX_CONTRASTS + 8;

export interface AutomaticContext {
  /** The matcher the documents' rows were extracted with, and its key. */
  matcher: Matcher;
  extractionKey: string;
  /** The outlets' labels now: an account's perspective is its outlet's. */
  labels: Labels;
  /** Between entities: lets the worker answer what arrived meanwhile. */
  pause?: () => Promise<void>;
  now?: () => number;
}

export interface RecomputeReport {
  entities: number;
  /** Documents read (their reading was not stored yet). */
  read: number;
  ms: number;
}

/** Work done before letting a card or lookup that arrived meanwhile be answered. */
const SLICE_MS = 8;

const yieldToOthers = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The entities the documents touch: those they mention (added), those whose stored contrasts draw on them (removed). */
export async function touchedEntities(db: BackstoryDb, change: { added?: readonly string[]; removed?: readonly string[] }): Promise<string[]> {
  const ids = new Set<string>();
  if (change.added?.length) for (const m of await db.mentions.where('doc').anyOf([...change.added]).toArray()) ids.add(m.entity);
  if (change.removed?.length) for (const key of await db.automatic.where('docs').anyOf([...change.removed]).primaryKeys()) ids.add(key);
  // A document read again (another matcher): the entities it accounted for before, which it may no longer mention.
  if (change.added?.length) for (const key of await db.automatic.where('docs').anyOf([...change.added]).primaryKeys()) ids.add(key);
  return [...ids].sort();
}

/** Computes and stores the automatic contrasts of each entity the change touches, one per slice. */
export async function recomputeAutomatic(
  db: BackstoryDb,
  change: { added?: readonly string[]; removed?: readonly string[] },
  context: AutomaticContext,
): Promise<RecomputeReport> {
  const started = performance.now();
  const entities = await touchedEntities(db, change);
  if (entities.length === 0) return { entities: 0, read: 0, ms: performance.now() - started };
  const pause = context.pause ?? yieldToOthers;
  const reader = await documentReader(db, context, pause);
  await pause();
  for (const id of entities) {
    await recomputeEntity(db, id, reader, context);
    await pause();
  }
  return { entities: entities.length, read: reader.read(), ms: performance.now() - started };
}

/** One document's accounts and claims of fact, perspectives left null. */
type Reading = Omit<Required<StoredAccountReadings>, 'extractionKey'>;

interface DocumentReader {
  /** The document's reading (now, or as stored); undefined when it is gone. */
  reading(doc: string): Promise<Reading | undefined>;
  entities: ReadonlyMap<string, ContrastEntity>;
  read(): number;
}

/** Reads documents with every known entity, keeping each reading in the document's `readings` row. */
async function documentReader(db: BackstoryDb, context: AutomaticContext, pause: () => Promise<void>): Promise<DocumentReader> {
  const rows = await db.entities.toArray();
  const entities = new Map<string, ContrastEntity>(rows.map((e: EntityRow) => [e.id, { id: e.id, type: e.type, name: e.name, names: namesOf(e) }]));
  const heads = headsFor(entities);
  const locate = matcherLocate(context.matcher);
  const cache = new Map<string, Reading>();
  let read = 0;
  return {
    entities,
    read: () => read,
    async reading(doc) {
      const cached = cache.get(doc);
      if (cached) return cached;
      const [row, stored] = await Promise.all([db.documents.get(doc), db.readings.get(doc)]);
      if (!row) return undefined;
      const kept = stored?.contrasts as StoredAccountReadings | undefined;
      if (kept?.claims && kept.extractionKey === context.extractionKey && row.extractionKey === context.extractionKey) {
        const reading = { accounts: kept.accounts, claims: kept.claims };
        cache.set(doc, reading);
        return reading;
      }
      const [passages, text] = await Promise.all([db.passages.where('doc').equals(doc).toArray(), db.texts.get(doc)]);
      passages.sort((a, b) => a.para - b.para || sentenceOf(a.id) - sentenceOf(b.id));
      // The reading of lib/contrasts/document.ts, one account per slice once a slice has taken
      // SLICE_MS, the claims in a slice of their own: a long article is not one long task.
      const document = { id: doc, title: row.title, date: row.published ?? '', perspective: null, paragraphs: text?.paragraphs ?? [] };
      const { byEntity, references } = accountInputs(document, passages, entities, locate, heads);
      await pause();
      const accounts: AccountReading[] = [];
      let slice = performance.now();
      for (const [id, list] of byEntity) {
        const account = accountOf(document, entities.get(id)!, list);
        if (account) accounts.push(account);
        if (performance.now() - slice > SLICE_MS) {
          await pause();
          slice = performance.now();
        }
      }
      await pause();
      const claims = documentClaims(document, passages, entities, references, heads);
      read++;
      cache.set(doc, { accounts, claims });
      const value: StoredAccountReadings = { extractionKey: row.extractionKey, accounts, claims };
      await storing(() =>
        db.transaction('rw', [db.documents, db.readings], async () => {
          // Removed or read again with other rows meanwhile: keep nothing.
          if ((await db.documents.get(doc))?.extractionKey !== row.extractionKey) return;
          const current = await db.readings.get(doc);
          await db.readings.put({ ...(current ?? {}), doc, contrasts: value });
        }),
      );
      // An entity in thousands of documents reads them a slice each, not in one long task.
      await pause();
      return { accounts, claims };
    },
  };
}

/** One entity's contrasts and strip from the accounts of every document that mentions it. */
async function recomputeEntity(db: BackstoryDb, entity: string, reader: DocumentReader, context: AutomaticContext): Promise<void> {
  const row = await db.entities.get(entity);
  const docs = row ? await db.mentions.where('[entity+doc]').between([entity, ''], [entity, '\uffff']).toArray() : [];
  const documents = new Map((await db.documents.bulkGet(docs.map((m) => m.doc))).filter((d): d is DocumentRow => d !== undefined).map((d) => [d.id, d]));
  const accounts: AccountReading[] = [];
  // The other entities' accounts in these documents: whom they blame (lib/contrasts/choose.ts).
  const others: AccountReading[] = [];
  const claims: ClaimRecord[] = [];
  for (const doc of documents.keys()) {
    const reading = await reader.reading(doc);
    const perspective = documentLabel(documents.get(doc)!, context.labels).perspective?.id ?? null;
    const own = reading?.accounts.find((a) => a.entity === entity);
    if (own) accounts.push({ ...own, perspective });
    for (const a of reading?.accounts ?? []) if (a.entity !== entity && a.passages.some((p) => p.blamed)) others.push({ ...a, perspective });
    // The claims about this entity (or an event of it): a disagreement it takes part in is among them.
    for (const c of reading?.claims ?? []) if (c.entities.includes(entity) || c.events.includes(entity)) claims.push({ ...c, perspective });
  }
  if (!row || accounts.length === 0) {
    await db.automatic.delete(entity);
    return;
  }
  const curated = (await db.contrasts.where('entities').equals(entity).toArray()).map(asContrast);
  const nameOf = (id: string) => reader.entities.get(id)?.name;
  const found = entityContrasts(row, [...accounts, ...others], { curated, max: STORED_CONTRASTS, nameOf });
  const facts = disagreementsFrom(claims, reader.entities).filter((d) => d.entities.includes(entity));
  const stored: AutomaticRow = {
    entity,
    contrasts: found.automatic,
    strip: found.strip,
    ...(facts.length ? { disagreements: facts } : {}),
    docs: [...new Set([...found.strip.map((m) => m.doc), ...facts.flatMap((d) => d.claims.map((c) => c.doc))])].sort(),
    computedAt: (context.now ?? Date.now)(),
  };
  await storing(() => db.automatic.put(stored));
}

/** A curated contrast as the chooser reads it: which documents it already sets against each other. */
function asContrast(row: ContrastRow): Contrast {
  return {
    id: row.id,
    topic: row.topic,
    entities: row.entities,
    positions: row.positions.map((p) => ({ doc: p.doc, perspective: '', passage: p.passage ?? '', quote: p.text ?? p.quote, stance: p.stance })),
  };
}

function sentenceOf(passageId: string): number {
  return Number(passageId.slice(passageId.lastIndexOf(':') + 1));
}
