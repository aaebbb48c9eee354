/**
 * Which documents a new matcher reads differently. When learned names change the matcher, a
 * document's rows (mentions, passages' entities, nested names) can change only where one of the
 * names that differ occurs in its text: matching is word-bounded and per name, and the context
 * rules weigh only the names found. So a document none of whose changed names occurs keeps its
 * rows, and only the others are read again; at thousands of documents that is the difference
 * between re-reading the corpus after every added article and re-reading a handful.
 *
 * When anything else differs (the event cues, countries or institution nouns, or an entity's
 * type or role), every document may read differently: `changedNames` says so by returning
 * undefined. `changedNamesFinder` errs the same way: it finds a changed name wherever either
 * matcher could, so it may send a document to be read again for nothing, never keep one whose rows would change.
 * DOM-free.
 */
import { buildMatcher } from '../engine/build-matcher';
import { loadMatcher } from '../engine/matcher';
import type { MatcherEntity } from '../engine/types';
import { canonicalJson } from './hash';
import type { MatcherInput } from './gazetteer';
import type { MatcherRules } from './matcher-rules';

/** What a matcher was built from: its names and its rules. */
export interface MatcherSource {
  input: MatcherInput;
  rules: MatcherRules;
}

/** The rules with entity indices as ids, so two matchers whose entities are ordered otherwise compare. */
function rulesById({ input, rules }: MatcherSource): string {
  const id = (i: number | undefined) => (i === undefined ? undefined : (input.entities[i]?.id ?? `#${i}`));
  const ids = (list: readonly number[] | undefined) => list?.map((i) => id(i));
  return canonicalJson({
    eventCues: rules.eventCues?.map((c) => ({ ...c, event: id(c.event), participants: ids(c.participants), also: ids(c.also) })),
    countries: rules.countries?.map((c) => ({ ...c, place: id(c.place) })),
    institutionNouns: rules.institutionNouns?.map((n) => ({
      ...n,
      entity: id(n.entity),
      needs: ids(n.needs),
      namedAs: n.namedAs?.map((w) => ({ ...w, needs: ids(w.needs) })),
    })),
    entityCountries: rules.entityCountries,
  });
}

const role = (e: MatcherEntity) => `${e.type}\t${e.blocker ? 1 : 0}\t${e.topic ? 1 : 0}`;

/**
 * The names (as written in either matcher's input) whose matches differ between `before` and
 * `after`: patterns one has and the other has not (by entity, text, specificity and case rule),
 * and every pattern of an entity whose role differs. Undefined when the rules differ.
 */
export function changedNames(before: MatcherSource, after: MatcherSource): string[] | undefined {
  if (rulesById(before) !== rulesById(after)) return undefined;
  const roles = new Map(before.input.entities.map((e) => [e.id, role(e)]));
  const recast = new Set(after.input.entities.filter((e) => roles.has(e.id) && roles.get(e.id) !== role(e)).map((e) => e.id));
  const keyed = ({ input }: MatcherSource) =>
    new Map(
      input.patterns.map((p) => {
        const entity = input.entities[p.entity]?.id ?? `#${p.entity}`;
        return [`${entity}\t${p.text}\t${p.specificity}\t${p.capitalised ? 1 : 0}`, { entity, text: p.text }];
      }),
    );
  const [was, now] = [keyed(before), keyed(after)];
  const changed = new Set<string>();
  for (const [side, other] of [
    [was, now],
    [now, was],
  ] as const) {
    for (const [key, p] of side) if (!other.has(key) || recast.has(p.entity)) changed.add(p.text);
  }
  return [...changed].sort();
}

/**
 * Whether a text holds any of `names`. Each name is matched with the case rule its text gives
 * (a short acronym in capitals only), never the stricter one learned names have (capitalised
 * first word): so never less than either matcher would find.
 */
export function changedNamesFinder(names: readonly string[]): (text: string) => boolean {
  if (names.length === 0) return () => false;
  const matcher = loadMatcher(
    buildMatcher({
      kbVersion: 'changed-names',
      entities: [{ id: 'changed', name: 'changed', type: 'organization' }],
      patterns: names.map((text) => ({ entity: 0, text, specificity: 'unique' })),
    }),
  );
  return (text) => matcher.findAll(text).length > 0;
}
