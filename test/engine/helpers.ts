/** Small matchers built in-test, so engine tests do not depend on the shipped gazetteer. */
import { buildMatcher } from '../../lib/engine/build-matcher';
import { loadMatcher, type Matcher } from '../../lib/engine/matcher';
import type { EntityType, Specificity } from '../../lib/kb/types';

export interface TestEntity {
  id: string;
  type?: EntityType;
  /** The first name is the canonical one. */
  names: string[];
  specificity?: Specificity;
  /** Extra aliases marked `ambiguous`. */
  contextual?: string[];
}

export function makeMatcher(entities: TestEntity[]): Matcher {
  return loadMatcher(
    buildMatcher({
      kbVersion: 'test',
      entities: entities.map((e) => ({ id: e.id, name: e.names[0]!, type: e.type ?? 'person' })),
      patterns: entities.flatMap((e, entity) => [
        ...e.names.map((text) => ({ entity, text, specificity: e.specificity ?? ('unique' as const) })),
        ...(e.contextual ?? []).map((text) => ({ entity, text, specificity: 'ambiguous' as const })),
      ]),
    }),
  );
}

/** What a reader would see marked: [matched text, entity id] pairs in order. */
export function marked(matcher: Matcher, text: string, matches = matcher.findAll(text)): [string, string][] {
  return matches.map((m) => [text.slice(m.start, m.end), matcher.entities[m.entity]!.id]);
}
