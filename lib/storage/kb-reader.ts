/**
 * Reading the live knowledge base: what a card, the popup's entity view and recognition need,
 * read from IndexedDB with indexes only (an entity's accounts newest first through
 * `[entity+rank]`, copies through `fingerprints.*probes`), never a whole table of documents,
 * passages or mentions. The background and the extension pages read through these; only the
 * builder writes. Outlets and perspectives are labelled here, at read time (lib/kb/labels.ts).
 */
import { Dexie } from 'dexie';
import type { CardDocument, CardSource } from '../card-data';
import { PROBE_MODULUS } from '../corpus/identity';
import { documentLabel, groupOf, outletLine, type Labels } from '../kb/labels';
import type { Account, Contrast, FactDisagreement, KbEntity, Passage, Perspective, VerifiedQuote } from '../kb/types';
import { COPY_CONTAINMENT, matchDocuments } from '../recognition/fingerprint';
import type { RecognitionCorpus } from '../recognition/recognise';
import { keptBySample } from '../recognition/shingles';
import type { Source } from '../recognition/sources';
import type { Fingerprints } from '../recognition/types';
import type { BackstoryDb } from './db';
import { readMeta } from './kb-writer';
import type { DocumentRow, EntityRow, MentionRow, ResolvedQuote } from './types';

/** Accounts read for one card: the newest documents first; the card shows six, the entity view more. */
export const CARD_ACCOUNTS = 48;

/** The perspectives the installed packs define. */
export async function corpusPerspectives(db: BackstoryDb): Promise<Perspective[]> {
  return (await readMeta(db, 'perspectives')) ?? [];
}

/** Source registry entries the installed packs bring (the starter's are data/sources.json). */
export async function packSources(db: BackstoryDb): Promise<Source[]> {
  const packs = (await db.packs.toArray()).sort((a, b) => a.installedAt - b.installedAt);
  const byDomain = new Map<string, Source>();
  for (const pack of packs) for (const s of pack.header.sources) if (!byDomain.has(s.domain)) byDomain.set(s.domain, s);
  return [...byDomain.values()];
}

/** Documents as cards name them, with the outlet groups unlabelled ones form. */
export function cardDocuments(rows: readonly DocumentRow[], labels: Labels): { documents: CardDocument[]; groups: Perspective[] } {
  const groups = new Map<string, Perspective>();
  const documents = rows.map((row): CardDocument => {
    const label = documentLabel(row, labels);
    const group = groupOf(label);
    if (!label.perspective) groups.set(group.id, { id: group.id, label: group.label, description: '' });
    return { id: row.id, title: row.title, outlet: outletLine(label), perspective: group.id };
  });
  return { documents, groups: [...groups.values()] };
}

function mentionRange(db: BackstoryDb, entity: string) {
  return db.mentions.where('[entity+rank]').between([entity, Dexie.minKey], [entity, Dexie.maxKey]);
}

/** How many documents mention an entity (an index count, not a read of its rows). */
export function mentionCount(db: BackstoryDb, entity: string): Promise<number> {
  return db.mentions.where('[entity+doc]').between([entity, Dexie.minKey], [entity, Dexie.maxKey]).count();
}

/** The entity as the card code knows it, with the accounts of the mention rows read. */
function asKbEntity(entity: EntityRow, rows: readonly MentionRow[], perspectiveOf: ReadonlyMap<string, string>): KbEntity {
  const { origin: _o, packs: _p, linksTo: _l, ...entry } = entity;
  const mentions: Record<string, number> = {};
  const accounts: Account[] = [];
  // Read newest first (the index), listed in the order the documents were added, as the
  // knowledge base built by `npm run corpus` lists them: the card picks its accounts from these.
  for (const row of [...rows].sort((a, b) => b.rank - a.rank)) {
    const perspective = perspectiveOf.get(row.doc);
    if (perspective === undefined) continue;
    mentions[row.doc] = row.count;
    accounts.push({ doc: row.doc, perspective, passages: row.passages });
  }
  return { ...entry, mentions, accounts };
}

/**
 * Every entity Backstory knows, as the card code knows it but without accounts: the names the
 * popup looks up and suggests, and the links its timeline follows. The gazetteer, not the
 * documents: one row per name, read once when the popup opens.
 */
export async function knownEntities(db: BackstoryDb): Promise<KbEntity[]> {
  const none = new Map<string, string>();
  return (await db.entities.toArray()).map((e) => {
    const { automaticContrasts: _c, automaticDisagreements: _d, ...entity } = asKbEntity(e, [], none);
    return entity;
  });
}

/** A curated quote as a card quotes it, once found in its document's text. */
function verified(quote: ResolvedQuote, perspectiveOf: ReadonlyMap<string, string>): VerifiedQuote | undefined {
  const perspective = perspectiveOf.get(quote.doc);
  if (!quote.passage || quote.text === undefined || perspective === undefined) return undefined;
  return { doc: quote.doc, perspective, passage: quote.passage, quote: quote.text };
}

/**
 * What a card (or, with a higher `accounts`, the popup's entity view) needs for one entity;
 * undefined when Backstory does not know it.
 */
export async function cardSource(
  db: BackstoryDb,
  entityId: string,
  labels: Labels,
  options: { accounts?: number } = {},
): Promise<CardSource | undefined> {
  const entity = await db.entities.get(entityId);
  if (!entity) return undefined;
  const [rows, documentCount, linked, linking, contrastRows, disagreementRows, documentTotal, automatic] = await Promise.all([
    mentionRange(db, entityId).limit(options.accounts ?? CARD_ACCOUNTS).toArray(),
    mentionCount(db, entityId),
    db.entities.bulkGet((entity.links ?? []).map((l) => l.to)),
    db.entities.where('linksTo').equals(entityId).toArray(),
    db.contrasts.where('entities').equals(entityId).toArray(),
    db.disagreements.where('entities').equals(entityId).toArray(),
    db.documents.count(),
    db.automatic.get(entityId),
  ]);
  const quotes = [
    ...contrastRows.flatMap((c) => c.positions),
    ...disagreementRows.flatMap((d) => d.claims),
    ...(automatic?.contrasts ?? []).flatMap((c) => c.positions),
    ...(automatic?.disagreements ?? []).flatMap((d) => d.claims),
  ];
  const cited = entity.background.flatMap((s) => s.cites.map((c) => c.slice(0, c.lastIndexOf(':'))));
  const docIds = [...new Set([...rows.map((r) => r.doc), ...quotes.map((q) => q.doc), ...cited])];
  const [docRows, passages] = await Promise.all([
    db.documents.bulkGet(docIds),
    // The lead passage of each account, and one more in case the first was removed.
    db.passages.bulkGet(rows.flatMap((r) => r.passages.slice(0, 2))),
  ]);
  const present = docRows.filter((d): d is DocumentRow => d !== undefined);
  const { documents, groups } = cardDocuments(present, labels);
  const perspectiveOf = new Map(documents.map((d) => [d.id, d.perspective]));
  const card = asKbEntity(entity, rows, perspectiveOf);
  // A statement whose every cite is to a removed document (the starter corpus removed) is not shown.
  card.background = entity.background
    .map((s) => ({ ...s, cites: s.cites.filter((c) => perspectiveOf.has(c.slice(0, c.lastIndexOf(':')))) }))
    .filter((s) => s.cites.length > 0);
  const contrasts: Contrast[] = contrastRows.map((c) => ({
    id: c.id,
    topic: c.topic,
    entities: c.entities,
    positions: c.positions.flatMap((p) => {
      const q = verified(p, perspectiveOf);
      return q ? [{ ...q, stance: p.stance }] : [];
    }),
  }));
  const disagreements: FactDisagreement[] = disagreementRows.map((d) => ({
    id: d.id,
    question: d.question,
    entities: d.entities,
    ...(d.note ? { note: d.note } : {}),
    claims: d.claims.flatMap((c) => {
      const q = verified(c, perspectiveOf);
      return q ? [{ ...q, claim: c.claim }] : [];
    }),
  }));
  if (contrasts.length) card.contrasts = contrasts;
  if (disagreements.length) card.disagreements = disagreements;
  // Computed on this device from every document that mentions the entity: in place of what the
  // packs carried (computed from theirs alone). Until computed, the packs' are shown.
  if (automatic) {
    card.stanceStrip = automatic.strip;
    if (automatic.contrasts.length) card.automaticContrasts = automatic.contrasts;
    else delete card.automaticContrasts;
    if (automatic.disagreements?.length) card.automaticDisagreements = automatic.disagreements;
    else delete card.automaticDisagreements;
  }
  const others = [...linked, ...linking].filter((e): e is EntityRow => e !== undefined);
  return {
    entities: [card, ...others.map((e) => asKbEntity(e, [], perspectiveOf))],
    passages: passages.filter((p): p is NonNullable<typeof p> => p !== undefined).map(({ terms: _t, ...p }) => p),
    documents,
    perspectives: [...labels.perspectives.map((p) => ({ description: '', ...p })), ...groups],
    documentTotal,
    documentCount,
  };
}

/**
 * What recognising a page needs: the fingerprints of the documents it shares text with (found
 * through their probes, never by reading every fingerprint), those documents labelled, and for
 * the document the page is, its passages and the accounts that quote it.
 */
export async function recognitionCorpus(
  db: BackstoryDb,
  page: { shingles: readonly number[]; modulus: number },
  labels: Labels,
): Promise<RecognitionCorpus> {
  const probes = [...new Set(page.shingles.filter((h) => keptBySample(h, PROBE_MODULUS)))];
  const candidates = probes.length ? await db.fingerprints.where('probes').anyOf(probes).distinct().toArray() : [];
  const fingerprints: Fingerprints = {
    shingleWords: 5,
    documents: candidates.map(({ doc, title, paragraphs }) => ({ doc, title, paragraphs })),
  };
  const docRows = (await db.documents.bulkGet(candidates.map((c) => c.doc))).filter((d): d is DocumentRow => d !== undefined);
  const { documents, groups } = cardDocuments(docRows, labels);
  const perspectives = [...labels.perspectives, ...groups];
  const corpus: RecognitionCorpus = {
    fingerprints,
    documents,
    perspectives,
    sources: labels.sources,
    kb: { entities: [], passages: [] },
  };
  const own = matchDocuments(new Set(page.shingles), fingerprints, page.modulus).find((m) => m.containment >= COPY_CONTAINMENT);
  if (own) corpus.kb = await accountsQuoting(db, own.doc, labels);
  return corpus;
}

/**
 * The document's passages, and the entities it mentions with enough of their accounts (the
 * newest) to tell whether documents of two perspectives describe them.
 */
async function accountsQuoting(db: BackstoryDb, doc: string, labels: Labels): Promise<{ entities: KbEntity[]; passages: Passage[] }> {
  const [passages, own] = await Promise.all([db.passages.where('doc').equals(doc).toArray(), db.mentions.where('doc').equals(doc).toArray()]);
  const entityRows = (await db.entities.bulkGet(own.map((m) => m.entity))).filter((e): e is EntityRow => e !== undefined && e.type !== 'place');
  const accountRows = await Promise.all(entityRows.map((e) => mentionRange(db, e.id).limit(12).toArray()));
  const docIds = [...new Set([doc, ...accountRows.flat().map((r) => r.doc)])];
  const { documents } = cardDocuments((await db.documents.bulkGet(docIds)).filter((d): d is DocumentRow => d !== undefined), labels);
  const perspectiveOf = new Map(documents.map((d) => [d.id, d.perspective]));
  const entities = entityRows.map((e, i) => {
    const ownRow = own.find((m) => m.entity === e.id)!;
    const rows = [ownRow, ...accountRows[i]!.filter((r) => r.doc !== doc)];
    return asKbEntity(e, rows, perspectiveOf);
  });
  return { entities, passages: passages.map(({ terms: _t, ...p }) => p) };
}

/** The matcher content scripts mark names with, once the builder has compiled or installed it. */
export function storedMatcher(db: BackstoryDb) {
  return readMeta(db, 'matcher');
}

/** The stored matcher's token gate, when the builder wrote one with it. */
export function storedGate(db: BackstoryDb) {
  return readMeta(db, 'gate');
}

/** Whether the builder has installed the starter corpus (on first run it has not, for a moment). */
export async function installed(db: BackstoryDb): Promise<boolean> {
  return (await readMeta(db, 'installed')) !== undefined;
}

/** The knowledge base's generation: it changes with every write. */
export async function generation(db: BackstoryDb): Promise<number> {
  return (await readMeta(db, 'generation')) ?? 0;
}

