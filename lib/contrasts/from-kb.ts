/**
 * Account readings from a built knowledge base: the bundled one (CLI, eval) today, the
 * IndexedDB one later. The knowledge base says which passages mention an entity; this finds
 * where, with the entity's names and the matcher, and reads each account. DOM-free.
 */
import { readAccount, type AccountInput, type AccountReading } from '../accounts/account';
import { findNames, matcherMentions, type Span } from '../accounts/mentions';
import type { Matcher } from '../engine/matcher';
import { headNouns, referencesInDocument } from '../accounts/references';
import type { KbEntity, KnowledgeBase, Passage } from '../kb/types';
import { disagreementsFrom, extractClaims, type FactEntity, type FactPassage } from './facts';
import type { AutoDisagreement } from './types';

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** The names an entity goes by, as findNames takes them. */
export function namesOf(entity: Pick<KbEntity, 'name' | 'aliases' | 'contextual'>): string[] {
  return [entity.name, ...entity.aliases, ...(entity.contextual ?? [])];
}

/** Where `entity` is named in a passage, and where the others are. */
export function locate(text: string, entity: KbEntity, matcher: Matcher): { targets: Span[]; others: Span[] } {
  const found = matcherMentions(text, matcher);
  let targets = findNames(text, namesOf(entity));
  // A name inside a longer one ("Soleimani’s assassination") is found by the matcher as the longer one.
  if (targets.length === 0) targets = found.filter((m) => m.entity === entity.id);
  const others = found.filter((m) => m.entity !== entity.id && !targets.some((t) => overlaps(t, m)));
  return { targets, others };
}

/**
 * The entity's accounts as the stance rules read them: the knowledge base's passages, then the
 * passages of the same document that refer back to the entity without naming it ("the new
 * talks"), with where.
 */
export function accountInputs(kb: KnowledgeBase, entity: KbEntity, matcher: Matcher, references = referencesOf(kb)): AccountInput[] {
  const passages = new Map<string, Passage>(kb.passages.map((p) => [p.id, p]));
  return entity.accounts.map((account) => {
    const named = account.passages.flatMap((id) => {
      const passage = passages.get(id);
      if (!passage) return [];
      return [{ id, text: passage.text, ...locate(passage.text, entity, matcher) }];
    });
    const referring = (references.get(account.doc)?.get(entity.id) ?? []).flatMap((r) => {
      const passage = passages.get(r.passage);
      if (!passage) return [];
      const others = matcherMentions(passage.text, matcher).filter((m) => !r.spans.some((t) => overlaps(t, m)));
      return [{ id: r.passage, text: passage.text, targets: r.spans, others }];
    });
    return { entity: entity.id, person: entity.type === 'person', doc: account.doc, perspective: account.perspective || null, passages: [...named, ...referring] };
  });
}

/** Per document, per entity, the passages that refer back to it by a definite description. */
export function referencesOf(kb: KnowledgeBase): Map<string, Map<string, { passage: string; spans: Span[] }[]>> {
  const heads = headsOf(kb);
  return new Map(
    kb.documents.map((d) => [d.id, referencesInDocument(kb.passages.filter((p) => p.doc === d.id), heads, titleSubjects(kb, d.id))]),
  );
}

/** Every entity's account readings, by entity id. */
export function readKnowledgeBase(kb: KnowledgeBase, matcher: Matcher): Map<string, AccountReading[]> {
  const out = new Map<string, AccountReading[]>();
  const references = referencesOf(kb);
  for (const entity of kb.entities) {
    const readings = accountInputs(kb, entity, matcher, references).flatMap((input) => readAccount(input) ?? []);
    if (readings.length) out.set(entity.id, readings);
  }
  return out;
}

/** The entities as the fact extraction reads them. */
export function factEntities(kb: KnowledgeBase): Map<string, FactEntity> {
  return new Map(kb.entities.map((e) => [e.id, { id: e.id, type: e.type, name: e.name, names: namesOf(e) }]));
}

/** Head nouns an entity may be referred back to by ("the talks"); none for people. */
export function headsOf(kb: KnowledgeBase): (entity: string) => ReadonlySet<string> {
  const heads = new Map(kb.entities.map((e) => [e.id, e.type === 'person' ? new Set<string>() : headNouns(namesOf(e))]));
  return (entity) => heads.get(entity) ?? new Set();
}

/** A document's passages with the entities each names or refers back to. */
export function documentPassages(kb: KnowledgeBase, doc: string, heads = headsOf(kb)): FactPassage[] {
  const passages = kb.passages.filter((p) => p.doc === doc);
  const refs = referencesInDocument(passages, heads, titleSubjects(kb, doc));
  const referred = new Map<string, string[]>();
  for (const [entity, list] of refs) for (const r of list) referred.set(r.passage, [...(referred.get(r.passage) ?? []), entity]);
  return passages.map((p) => ({ id: p.id, para: p.para, text: p.text, entities: [...p.entities, ...(referred.get(p.id) ?? [])] }));
}

/** Every automatic disagreement of fact in the knowledge base. */
export function findDisagreements(kb: KnowledgeBase): AutoDisagreement[] {
  const entities = factEntities(kb);
  const heads = headsOf(kb);
  const claims = kb.documents.flatMap((d) =>
    extractClaims({ id: d.id, date: d.date, perspective: d.perspective || null, paragraphs: d.paragraphs }, documentPassages(kb, d.id, heads), entities, heads),
  );
  return disagreementsFrom(claims, entities);
}

/** Entities a document's title names. */
export function titleSubjects(kb: KnowledgeBase, doc: string): string[] {
  const title = kb.documents.find((d) => d.id === doc)?.title ?? '';
  return kb.entities.filter((e) => findNames(title, namesOf(e)).length > 0).map((e) => e.id);
}
