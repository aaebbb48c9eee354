/**
 * The per-document half of automatic contrasts and disagreements: everything that depends on
 * one document alone, computed when the document is added and kept beside its rows (a
 * document's account readings with its mentions of each entity, its claims with the document).
 * Removing the document removes them; nothing else needs recomputing but the merge
 * (lib/contrasts/entity.ts) for the entities it mentions. DOM-free.
 */
import { readAccount, type AccountPassageInput, type AccountReading } from '../accounts/account';
import { findNames, type Span } from '../accounts/mentions';
import { headNouns, referencesInDocument } from '../accounts/references';
import type { EntityType } from '../kb/types';
import { extractClaims, type ClaimRecord, type FactEntity } from './facts';

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

/** Where an entity is named in a passage, and where the other entities are (the builder knows; the CLI asks the matcher). */
export type Locate = (text: string, entity: ContrastEntity) => { targets: Span[]; others: Span[] };

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

export function readDocument(
  doc: ContrastDocument,
  passages: readonly ContrastPassage[],
  entities: ReadonlyMap<string, ContrastEntity>,
  locate: Locate,
  heads = headsFor(entities),
): DocumentReading {
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
      byEntity.set(id, [...(byEntity.get(id) ?? []), { id: p.id, text: p.text, ...locate(p.text, entity) }]);
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
  const accounts = [...byEntity].flatMap(([id, list]) => {
    const reading = readAccount({ entity: id, person: entities.get(id)!.type === 'person', doc: doc.id, perspective: doc.perspective, passages: list });
    return reading ? [reading] : [];
  });
  const referred = new Map<string, string[]>();
  for (const [id, refs] of references) for (const r of refs) referred.set(r.passage, [...(referred.get(r.passage) ?? []), id]);
  const factPassages = passages.map((p) => ({ ...p, entities: [...p.entities, ...(referred.get(p.id) ?? [])] }));
  const claims = extractClaims(doc, factPassages, entities as ReadonlyMap<string, FactEntity>, heads);
  return { doc: doc.id, accounts, claims };
}
