/**
 * Assembles what the hover card (and the popup's entity view) shows for one entity, from
 * knowledge-base records. Pure: the background and the popup pass the rows they read from
 * IndexedDB (lib/storage/kb-reader.ts `cardSource`), the tests a fixture.
 */
import type { CardAccount, CardData } from './messages';
import type { KbDocument, KbEntity, KnowledgeBase, Passage, Perspective, VerifiedQuote } from './kb/types';
import { automaticCardItems, automaticQuotedDocuments } from './card-automatic';
import type { ReviewDecision } from './contrasts/review';
import { isLearnedId } from './names/ids';

/** A document as a card names it: its outlet as shown, and the perspective (or outlet group) its accounts go under. */
export type CardDocument = Pick<KbDocument, 'id' | 'title' | 'outlet' | 'perspective'>;

/**
 * The records a card needs; a whole `KnowledgeBase` will do, and so will a subset of one read
 * from IndexedDB (then say how many documents the whole corpus has in `documentTotal`, and how
 * many mention the entity in `documentCount` when its `mentions` list only the ones read).
 */
export type CardSource = Pick<KnowledgeBase, 'entities' | 'passages' | 'perspectives'> & {
  documents: readonly CardDocument[];
  documentTotal?: number;
  documentCount?: number;
  /** The reader's keep/dismiss on automatic contrasts and disagreements: dismissed ones are left out. */
  decisions?: readonly ReviewDecision[];
};

/** Where the document reader shows a passage: `readerUrlFor('iran-meddles', 'iran-meddles:6:0')`. */
export type ReaderUrlFor = (doc: string, passage: string) => string;

/** Accounts beyond this many make the card a wall of quotes; the popup shows the rest. */
export const DEFAULT_MAX_ACCOUNTS = 6;

/**
 * The query string of the document reader page (`reader.html`) for a document, optionally at a
 * passage or a paragraph. The reader parses it with `parseReaderSearch`.
 */
export function readerSearch(target: { doc: string; passage?: string; para?: number }): string {
  const params = new URLSearchParams({ doc: target.doc });
  if (target.passage) params.set('passage', target.passage);
  if (target.para !== undefined) params.set('para', String(target.para));
  return `?${params.toString()}`;
}

export function parseReaderSearch(search: string): { doc?: string; passage?: string; para?: number } {
  const params = new URLSearchParams(search);
  const para = Number(params.get('para'));
  return {
    doc: params.get('doc') ?? undefined,
    // `p` is the short form of `passage` (shorter reader links: `?doc=..&p=..`).
    passage: params.get('passage') ?? params.get('p') ?? undefined,
    para: Number.isInteger(para) && para > 0 ? para : undefined,
  };
}

export function buildCardData(
  source: CardSource,
  entityId: string,
  readerUrlFor: ReaderUrlFor,
  maxAccounts: number = DEFAULT_MAX_ACCOUNTS,
): CardData | null {
  const entities = new Map(source.entities.map((e) => [e.id, e]));
  const entity = entities.get(entityId);
  if (!entity) return null;
  const documents = new Map(source.documents.map((d) => [d.id, d]));
  const passages = new Map(source.passages.map((p) => [p.id, p]));
  const perspectives = new Map(source.perspectives.map((p) => [p.id, p]));

  const accounts = pickAccounts(entity, documents, passages, maxAccounts).map(
    ({ document, passage }): CardAccount => ({
      doc: document.id,
      title: document.title,
      outlet: document.outlet,
      perspective: perspectiveOf(document.perspective, perspectives),
      quote: passage.text,
      passage: passage.id,
      readerUrl: readerUrlFor(document.id, passage.id),
    }),
  );

  // A verified quote as an account; null when its document is missing (no dead links on a card).
  const quoted = (q: VerifiedQuote): CardAccount | null => {
    const document = documents.get(q.doc);
    if (!document) return null;
    return {
      doc: document.id,
      title: document.title,
      outlet: document.outlet,
      perspective: perspectiveOf(document.perspective, perspectives),
      quote: q.quote,
      passage: q.passage,
      readerUrl: readerUrlFor(document.id, q.passage),
    };
  };
  const contrasts = (entity.contrasts ?? []).map((c) => ({
    id: c.id,
    topic: c.topic,
    positions: c.positions.flatMap((p) => {
      const account = quoted(p);
      return account ? [{ ...account, stance: p.stance }] : [];
    }),
  }));
  const disagreements = (entity.disagreements ?? []).map((d) => ({
    id: d.id,
    question: d.question,
    ...(d.note ? { note: d.note } : {}),
    claims: d.claims.flatMap((c) => {
      const account = quoted(c);
      return account ? [{ ...account, claim: c.claim }] : [];
    }),
  }));
  // Found automatically: after the curated ones, labelled so on the card.
  const automatic = automaticCardItems(entity, source.decisions ?? [], quoted);
  const related = relatedEntities(entity, source.entities, entities);

  return {
    id: entity.id,
    name: entity.name,
    type: entity.type,
    summary: entity.summary,
    background: entity.background,
    ...(entity.date ? { date: entity.date } : {}),
    accounts,
    related,
    documentCount: source.documentCount ?? Object.values(entity.mentions).filter((n) => n > 0).length,
    documentTotal: source.documentTotal ?? source.documents.length,
    contrasts: [...contrasts.map((c) => ({ ...c, origin: 'curated' as const })), ...automatic.contrasts].filter((c) => c.positions.length >= 2),
    disagreements: [...disagreements.map((d) => ({ ...d, origin: 'curated' as const })), ...automatic.disagreements].filter((d) => d.claims.length >= 2),
    keyDates: keyDates(related, entities),
    ...(isLearnedId(entity.id) ? { learned: { definitions: learnedDefinitions(entity, documents, readerUrlFor) } } : {}),
  };
}

/**
 * A learned entity's background is its defining phrases from the reader's documents, each cited
 * `doc:paragraph`: resolved to the document's title and outlet and a link to that paragraph (its
 * first sentence's passage). A cite whose document is gone is left out.
 */
function learnedDefinitions(entity: KbEntity, documents: ReadonlyMap<string, CardDocument>, readerUrlFor: ReaderUrlFor): NonNullable<CardData['learned']>['definitions'] {
  return entity.background.flatMap((statement) => {
    const cite = statement.cites[0];
    const at = cite ? cite.lastIndexOf(':') : -1;
    const document = at > 0 ? documents.get(cite!.slice(0, at)) : undefined;
    const paragraph = at > 0 ? Number(cite!.slice(at + 1)) : NaN;
    if (!document || !Number.isInteger(paragraph) || paragraph < 1) return [];
    return [{ text: statement.text, doc: document.id, title: document.title, outlet: document.outlet, paragraph, readerUrl: readerUrlFor(document.id, `${document.id}:${paragraph}:0`) }];
  });
}

/** The related events that carry a date, oldest first: a person's or group's key dates. */
function keyDates(related: CardData['related'], byId: Map<string, KbEntity>): NonNullable<CardData['keyDates']> {
  const dated = related.flatMap((r) => {
    const date = byId.get(r.id)?.date;
    return r.type === 'event' && date ? [{ id: r.id, name: r.name, date }] : [];
  });
  return dated.sort((a, b) => (a.date.start < b.date.start ? -1 : a.date.start > b.date.start ? 1 : 0));
}

/** Documents a card quotes beyond the entity's own accounts (curated contrasts, disputes). */
export function quotedDocuments(entity: KbEntity): string[] {
  const docs = [...(entity.contrasts ?? []).flatMap((c) => c.positions), ...(entity.disagreements ?? []).flatMap((d) => d.claims)];
  return [...new Set([...docs.map((q) => q.doc), ...automaticQuotedDocuments(entity)])];
}

interface PickedAccount {
  document: CardDocument;
  passage: Passage;
}

/**
 * One passage per document, ordered so that the first accounts come from different
 * perspectives: the best passage of each perspective, then the remaining documents. The
 * knowledge base lists an entity's accounts and each account's passages best first; that order
 * is kept within each round.
 */
function pickAccounts(
  entity: KbEntity,
  documents: Map<string, CardDocument>,
  passages: Map<string, Passage>,
  maxAccounts: number,
): PickedAccount[] {
  const candidates: (PickedAccount & { perspective: string })[] = [];
  for (const account of entity.accounts) {
    const document = documents.get(account.doc);
    const passage = account.passages.map((id) => passages.get(id)).find((p) => p !== undefined);
    // An account whose document or passages are missing cannot be quoted or linked: skip it
    // rather than show a card with a dead link.
    if (document && passage) candidates.push({ document, passage, perspective: document.perspective });
  }
  const firstOfPerspective = new Set<string>();
  const lead: PickedAccount[] = [];
  const rest: PickedAccount[] = [];
  for (const c of candidates) {
    if (firstOfPerspective.has(c.perspective)) rest.push(c);
    else {
      firstOfPerspective.add(c.perspective);
      lead.push(c);
    }
  }
  return [...lead, ...rest].slice(0, Math.max(0, maxAccounts)).map(({ document, passage }) => ({ document, passage }));
}

function perspectiveOf(id: string, perspectives: Map<string, Perspective>): { id: string; label: string } {
  return { id, label: perspectives.get(id)?.label ?? id };
}

/** The entity's own links first, then entities that link to it, each entity once. */
function relatedEntities(
  entity: KbEntity,
  all: KbEntity[],
  byId: Map<string, KbEntity>,
): CardData['related'] {
  const related: CardData['related'] = [];
  const seen = new Set<string>([entity.id]);
  const add = (other: KbEntity | undefined, rel: string) => {
    if (!other || seen.has(other.id)) return;
    seen.add(other.id);
    related.push({ id: other.id, name: other.name, type: other.type, rel });
  };
  for (const link of entity.links ?? []) add(byId.get(link.to), link.rel);
  for (const other of all) {
    for (const link of other.links ?? []) if (link.to === entity.id) add(other, link.rel);
  }
  return related;
}
