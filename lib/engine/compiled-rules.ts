/**
 * The pipeline's rules (event cues, countries, institution nouns) compiled from what the matcher
 * ships, once per matcher, the first time a text is spotted with it: their code belongs to the
 * pipeline (evidence.ts), which the content script loads only on a page with something to spot.
 * DOM-free.
 */
import { compileCountries, type Countries } from './countries';
import { compileCues } from './events';
import { compileNouns, type CompiledNouns } from './institution-nouns';
import type { Matcher } from './matcher';

export interface CompiledRules {
  readonly eventCues: ReturnType<typeof compileCues>;
  readonly countries: Countries;
  readonly institutionNouns: CompiledNouns;
}

const compiled = new WeakMap<Matcher, CompiledRules>();

export function compiledRules(matcher: Matcher): CompiledRules {
  let rules = compiled.get(matcher);
  if (!rules) {
    const { eventCues, countries, institutionNouns } = matcher.rules;
    rules = { eventCues: compileCues(eventCues), countries: compileCountries(countries), institutionNouns: compileNouns(institutionNouns) };
    compiled.set(matcher, rules);
  }
  return rules;
}
