/**
 * The per-document half of automatic contrasts and disagreements: everything that depends on
 * one document alone, computed when the document is added and kept beside its rows (a
 * document's account readings with its mentions of each entity, its claims with the document).
 * Removing the document removes them; nothing else needs recomputing but the merge
 * (lib/contrasts/entity.ts) for the entities it mentions. DOM-free.
 */
import { readAccount, type AccountPassageInput, type AccountReading } from '../accounts/account';
import { findNames, type OtherSpan, type Span } from '../accounts/mentions';
import { headNouns, peopleReferences, referencesInDocument } from '../accounts/references';
import { demonymOf } from '../names/places';
import type { EntityType } from '../kb/types';
import { extractClaims, type ClaimRecord, type FactDocument, type FactEntity } from './facts';

export interface ContrastDocument {
  id: string;
  title: string;
  /** `YYYY[-MM[-DD]]`. */
  date: string;
  /** Null while the outlet's perspective is not labelled: its accounts are on the strip but in no contrast. */
  perspective: string | null;
  paragraphs: readonly string[];
}

/** A passage row: the knowledge base's passage with the entities it names. */
export interface ContrastPassage {
  id: string;
  /** 1-based paragraph. */
  para: number;
  text: string;
  entities: readonly string[];
}

export interface ContrastEntity {
  id: string;
  type: EntityType;
  name: string;
  /** The name and every alias. */
  names: readonly string[];
}

/**
 * Where an entity is named in a passage, and where the other entities are (the builder knows; the
 * CLI asks the matcher). An other's `entity` id, when given, lets a reading say who did what
 * ("attacks carried out by pro-Iranian militias").
 */
export type Locate = (text: string, entity: ContrastEntity) => { targets: Span[]; others: OtherSpan[] };

export interface DocumentReading {
  doc: string;
  /** One per entity the document names or refers back to. */
  accounts: AccountReading[];
  claims: ClaimRecord[];
}

/** Head nouns an entity may be referred back to by ("the talks"); none for people. */
export function headsFor(entities: ReadonlyMap<string, ContrastEntity>): (entity: string) => ReadonlySet<string> {
  const cache = new Map<string, ReadonlySet<string>>();
  return (id) => {
    let heads = cache.get(id);
    if (!heads) {
      const e = entities.get(id);
      heads = !e || e.type === 'person' ? new Set<string>() : headNouns(e.names);
      cache.set(id, heads);
    }
    return heads;
  };
}

interface Country {
  id: string;
  names: readonly string[];
  demonym: string;
}

const countryCache = new WeakMap<ReadonlyMap<string, ContrastEntity>, Country[]>();

/** The entities that are countries of the place list, with their demonym: their people are spoken of as them. */
function countriesOf(entities: ReadonlyMap<string, ContrastEntity>): Country[] {
  let list = countryCache.get(entities);
  if (!list) {
    list = [...entities.values()].flatMap((e) => {
      if (e.type !== 'place') return [];
      const demonym = e.names.map(demonymOf).find((d) => d !== undefined);
      return demonym ? [{ id: e.id, names: e.names, demonym }] : [];
    });
    countryCache.set(entities, list);
  }
  return list;
}

const overlapping = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/**
 * What each entity's account in the document is read from: its passages, where it and the others
 * are named there, and the passages that refer back to it. Split from `readDocument` so that a
 * caller with other work to answer (the extension's builder) can read the accounts one at a time.
 */
export function accountInputs(
  doc: Pick<ContrastDocument, 'title'>,
  passages: readonly ContrastPassage[],
  entities: ReadonlyMap<string, ContrastEntity>,
  locate: Locate,
  heads = headsFor(entities),
): { byEntity: Map<string, AccountPassageInput[]>; references: ReturnType<typeof referencesInDocument> } {
  const subjects = [...new Set(passages.flatMap((p) => p.entities))].filter((id) => {
    const e = entities.get(id);
    return !!e && findNames(doc.title, e.names).length > 0;
  });
  const references = referencesInDocument(passages, heads, subjects);
  const byEntity = new Map<string, AccountPassageInput[]>();
  for (const p of passages) {
    for (const id of p.entities) {
      const entity = entities.get(id);
      if (!entity) continue;
      const where = locate(p.text, entity);
      // Named only inside another entity's name ("the US-Iraq talks"): no account of it here.
      if (where.targets.length === 0) continue;
      byEntity.set(id, [...(byEntity.get(id) ?? []), { id: p.id, text: p.text, ...where }]);
    }
  }
  const text = new Map(passages.map((p) => [p.id, p.text]));
  for (const [id, refs] of references) {
    const entity = entities.get(id);
    if (!entity) continue;
    for (const r of refs) {
      const passage = text.get(r.passage)!;
      const others = locate(passage, entity).others.filter((o) => !r.spans.some((s) => s.start < o.end && o.start < s.end));
      byEntity.set(id, [...(byEntity.get(id) ?? []), { id: r.passage, text: passage, targets: r.spans, others }]);
    }
  }
  // "The Iraqi people", "Iraqis": the country's people, read as accounts of the country.
  for (const country of countriesOf(entities)) {
    const entity = entities.get(country.id)!;
    for (const p of passages) {
      const spans = peopleReferences(p.text, country.names, country.demonym);
      if (spans.length === 0) continue;
      const list = byEntity.get(country.id) ?? [];
      const at = list.findIndex((x) => x.id === p.id);
      const base = at >= 0 ? list[at]! : { id: p.id, text: p.text, ...locate(p.text, entity) };
      const extra = spans.filter((s) => !base.targets.some((t) => overlapping(s, t)));
      const merged = { ...base, targets: [...base.targets, ...extra].sort((a, b) => a.start - b.start), others: (base.others ?? []).filter((o) => !extra.some((s) => overlapping(s, o))) };
      if (at >= 0) list[at] = merged;
      else list.push(merged);
      byEntity.set(country.id, list);
    }
  }
  return { byEntity, references };
}

/** One entity's account in the document, from its inputs (`accountInputs`); null when there is none to read. */
export function accountOf(
  doc: Pick<ContrastDocument, 'id' | 'perspective'>,
  entity: ContrastEntity,
  passages: readonly AccountPassageInput[],
): AccountReading | null {
  return readAccount({ entity: entity.id, person: entity.type === 'person', place: entity.type === 'place', doc: doc.id, perspective: doc.perspective, passages });
}

export function readDocument(
  doc: ContrastDocument,
  passages: readonly ContrastPassage[],
  entities: ReadonlyMap<string, ContrastEntity>,
  locate: Locate,
  heads = headsFor(entities),
): DocumentReading {
  const { byEntity, references } = accountInputs(doc, passages, entities, locate, heads);
  const accounts = [...byEntity].flatMap(([id, list]) => {
    const reading = accountOf(doc, entities.get(id)!, list);
    return reading ? [reading] : [];
  });
  return { doc: doc.id, accounts, claims: documentClaims(doc, passages, entities, references, heads) };
}

/** The document's claims of fact, each passage read with the entities it names and those it refers to ("the premier"). */
export function documentClaims(
  doc: FactDocument,
  passages: readonly ContrastPassage[],
  entities: ReadonlyMap<string, ContrastEntity>,
  references: ReturnType<typeof accountInputs>['references'],
  heads: (entity: string) => ReadonlySet<string>,
): ClaimRecord[] {
  const referred = new Map<string, string[]>();
  for (const [id, refs] of references) for (const r of refs) referred.set(r.passage, [...(referred.get(r.passage) ?? []), id]);
  const factPassages = passages.map((p) => ({ ...p, entities: [...p.entities, ...(referred.get(p.id) ?? [])] }));
  return extractClaims(doc, factPassages, entities as ReadonlyMap<string, FactEntity>, heads);
}
