/**
 * Automatic contrasts and disagreements for a built knowledge base: the bundled one (CLI,
 * `npm run eval`) today, the IndexedDB one once the extension keeps the corpus there. It runs
 * exactly the per-document reading and the per-entity merge the extension will run, with the
 * matcher saying where names are (the builder knows this already). DOM-free.
 */
import { findNames, matcherMentions, type Span } from '../accounts/mentions';
import type { Matcher } from '../engine/matcher';
import type { KbEntity, KnowledgeBase } from '../kb/types';
import { headsFor, readDocument, type ContrastEntity, type DocumentReading, type Locate } from './document';
import { disagreements, entityContrasts, type EntityContrasts } from './entity';
import type { AutoDisagreement } from './types';

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** The names an entity goes by. */
export function namesOf(entity: Pick<KbEntity, 'name' | 'aliases' | 'contextual'>): string[] {
  return [entity.name, ...entity.aliases, ...(entity.contextual ?? [])];
}

export function contrastEntities(kb: KnowledgeBase): Map<string, ContrastEntity> {
  return new Map(kb.entities.map((e) => [e.id, { id: e.id, type: e.type, name: e.name, names: namesOf(e) }]));
}

/**
 * Where an entity and the others are named in a passage: its names, else the matcher's longer
 * name that holds it ("Soleimani’s assassination"). A name inside another entity's longer name
 * is that entity's: "Iraq" in "the US-Iraq talks" is the dialogue, not Iraq.
 */
export function matcherLocate(matcher: Matcher): Locate {
  return (text, entity) => {
    const found = matcherMentions(text, matcher);
    const insideAnother = (t: Span) => found.some((m) => m.entity !== entity.id && m.start <= t.start && t.end <= m.end && m.end - m.start > t.end - t.start);
    let targets = findNames(text, entity.names).filter((t) => !insideAnother(t));
    if (targets.length === 0) targets = found.filter((m) => m.entity === entity.id);
    const others = found.filter((m) => m.entity !== entity.id && !targets.some((t) => overlaps(t, m)));
    return { targets, others };
  };
}

/** Every document of the knowledge base read: its accounts and its claims. */
export function readKnowledgeBase(kb: KnowledgeBase, matcher: Matcher): DocumentReading[] {
  const entities = contrastEntities(kb);
  const heads = headsFor(entities);
  const locate = matcherLocate(matcher);
  return kb.documents.map((d) =>
    readDocument(
      { id: d.id, title: d.title, date: d.date, perspective: d.perspective || null, paragraphs: d.paragraphs },
      kb.passages.filter((p) => p.doc === d.id),
      entities,
      locate,
      heads,
    ),
  );
}

export interface KnowledgeBaseContrasts {
  byEntity: Map<string, EntityContrasts>;
  disagreements: AutoDisagreement[];
}

/** Per entity its contrasts and stance strip (curated ones from the knowledge base first), and every disagreement of fact. */
export function knowledgeBaseContrasts(kb: KnowledgeBase, matcher: Matcher, max?: number): KnowledgeBaseContrasts {
  const readings = readKnowledgeBase(kb, matcher);
  const accounts = readings.flatMap((r) => r.accounts);
  const byDoc = new Map<string, typeof accounts>();
  for (const a of accounts) byDoc.set(a.doc, [...(byDoc.get(a.doc) ?? []), a]);
  const names = new Map(kb.entities.map((e) => [e.id, e.name]));
  const nameOf = (id: string) => names.get(id);
  const byEntity = new Map<string, EntityContrasts>();
  for (const e of kb.entities) {
    const own = accounts.filter((a) => a.entity === e.id);
    // With the other accounts of the documents that mention it: whom those documents blame.
    const around = [...new Set(own.map((a) => a.doc))].flatMap((d) => byDoc.get(d) ?? []);
    if (own.length) byEntity.set(e.id, entityContrasts(e, around, { curated: e.contrasts ?? [], nameOf, ...(max ? { max } : {}) }));
  }
  return { byEntity, disagreements: disagreements(readings.flatMap((r) => r.claims), contrastEntities(kb)) };
}
