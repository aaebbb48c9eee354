/**
 * What a compiled matcher knows besides its names: the event cues, the countries, the
 * institutions by their common noun, and the country of each event ("October 2019 protests"
 * are Iraq's). `compileGazetteer` adds them to the curated names' automaton; a matcher rebuilt on
 * the device with learned names (lib/names/corpus-learning.ts) must carry them over, or pages
 * and documents would lose every event found by its cue and every "parliament" the moment the
 * reader's documents teach Backstory one name. Learned entities come after the curated ones, so
 * the rules' entity indices stay valid; an entity's country is carried by its id. DOM-free.
 */
import type { MatcherData } from '../engine/types';

export interface MatcherRules {
  eventCues?: MatcherData['eventCues'];
  countries?: MatcherData['countries'];
  institutionNouns?: MatcherData['institutionNouns'];
  /** Entity id → index into `countries`, for the entities that have one. */
  entityCountries?: Record<string, number>;
}

/** The rules of a compiled matcher, to carry over to one rebuilt from the same curated names. */
export function matcherRules(matcher: MatcherData): MatcherRules {
  const entityCountries: Record<string, number> = {};
  for (const e of matcher.entities) if (e.country !== undefined) entityCountries[e.id] = e.country;
  return {
    ...(matcher.eventCues ? { eventCues: matcher.eventCues } : {}),
    ...(matcher.countries ? { countries: matcher.countries } : {}),
    ...(matcher.institutionNouns ? { institutionNouns: matcher.institutionNouns } : {}),
    ...(Object.keys(entityCountries).length ? { entityCountries } : {}),
  };
}

/**
 * `matcher` (built from the curated names' input, with or without learned names after them)
 * with the curated matcher's rules. Throws when an entity the rules give a country is missing:
 * the two were not built from the same curated names.
 */
export function withMatcherRules(matcher: MatcherData, rules: MatcherRules): MatcherData {
  const countries = rules.entityCountries ?? {};
  const entities = matcher.entities.map((e) => (countries[e.id] !== undefined ? { ...e, country: countries[e.id]! } : e));
  const withRules: MatcherData = {
    ...matcher,
    entities,
    ...(rules.eventCues ? { eventCues: rules.eventCues } : {}),
    ...(rules.countries ? { countries: rules.countries } : {}),
    ...(rules.institutionNouns ? { institutionNouns: rules.institutionNouns } : {}),
  };
  const named = new Set(entities.map((e) => e.id));
  if (Object.keys(countries).some((id) => !named.has(id))) {
    throw new Error('the matcher rules name an entity the rebuilt matcher does not have');
  }
  return withRules;
}
