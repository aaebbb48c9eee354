/**
 * Reads data/countries.json and data/institution-nouns.json (how a page names an institution by
 * its common noun, and the countries that tell whose it is) and resolves them for the matcher:
 * entity ids to matcher indices, countries to their index. Every reference is checked: the
 * entity and the needed entities must exist, a country must be listed, a place must be a place,
 * each regular expression must compile. The runtime is lib/engine/institution-nouns.ts.
 */
import * as v from 'valibot';
import type { MatcherCountry, MatcherInstitutionNoun } from '../engine/types';
import type { BuildIssue } from './schema';
import type { SourcedEntry } from './validate';

const CountriesSchema = v.object({
  countries: v.array(
    v.strictObject({
      place: v.optional(v.string()),
      words: v.pipe(v.array(v.pipe(v.string(), v.minLength(1))), v.minLength(1, 'a country needs a word')),
    }),
  ),
});

const NounsSchema = v.object({
  nouns: v.array(
    v.strictObject({
      entity: v.string(),
      nouns: v.pipe(v.array(v.pipe(v.string(), v.minLength(1))), v.minLength(1, 'list at least one noun')),
      caseSensitive: v.optional(v.boolean()),
      strict: v.optional(v.boolean()),
      /** The institution's country: a word of one of data/countries.json's countries. */
      country: v.optional(v.string()),
      sentenceRivals: v.optional(v.boolean()),
      hosts: v.optional(v.array(v.string())),
      sentenceAllows: v.optional(v.array(v.string())),
      needs: v.pipe(v.array(v.string()), v.minLength(1, 'say which entities the page must mark')),
      at: v.optional(v.array(v.string())),
      notWords: v.optional(v.string()),
      modifierOf: v.optional(v.string()),
      namedAs: v.optional(v.array(v.strictObject({ words: v.pipe(v.string(), v.minLength(1)), needs: v.pipe(v.array(v.string()), v.minLength(1)) }))),
    }),
  ),
});

const schemaIssues = (file: string, issues: v.BaseIssue<unknown>[]): BuildIssue[] =>
  issues.map((i) => ({ severity: 'error' as const, file, path: v.getDotPath(i) ?? undefined, message: i.message }));

export function readCountries(file: string, data: unknown, entries: readonly SourcedEntry[]): { countries: MatcherCountry[]; issues: BuildIssue[] } {
  const parsed = v.safeParse(CountriesSchema, data);
  if (!parsed.success) return { countries: [], issues: schemaIssues(file, parsed.issues) };
  const issues: BuildIssue[] = [];
  const countries = parsed.output.countries.map((c, n) => {
    if (c.place === undefined) return { words: c.words };
    const place = entries.findIndex((e) => e.entry.id === c.place);
    if (place < 0 || entries[place]!.entry.type !== 'place') {
      issues.push({ severity: 'error', file, path: `countries[${n}].place`, message: `"${c.place}" is not the id of a place entry` });
      return { words: c.words };
    }
    return { place, words: c.words };
  });
  return { countries, issues };
}

export function readInstitutionNouns(
  file: string,
  data: unknown,
  entries: readonly SourcedEntry[],
  countries: readonly MatcherCountry[],
): { nouns: MatcherInstitutionNoun[]; issues: BuildIssue[] } {
  const parsed = v.safeParse(NounsSchema, data);
  if (!parsed.success) return { nouns: [], issues: schemaIssues(file, parsed.issues) };
  const issues: BuildIssue[] = [];
  const index = new Map(entries.map(({ entry }, i) => [entry.id, i]));
  const nouns: MatcherInstitutionNoun[] = [];
  parsed.output.nouns.forEach((n, k) => {
    let valid = true;
    const issue = (path: string, message: string) => {
      issues.push({ severity: 'error', file, entry: n.entity, path: `nouns[${k}].${path}`, message });
      valid = false;
    };
    const entity = index.get(n.entity);
    if (entity === undefined) issue('entity', `"${n.entity}" is not the id of any gazetteer entry`);
    const needs = n.needs.flatMap((id, i) => {
      const e = index.get(id);
      if (e === undefined) issue(`needs[${i}]`, `"${id}" is not the id of any gazetteer entry`);
      return e === undefined ? [] : [e];
    });
    const countryOf = (word: string, path: string) => {
      const c = countries.findIndex((c) => c.words.includes(word));
      if (c < 0) issue(path, `"${word}" is not a word of any country in data/countries.json`);
      return c;
    };
    const country = n.country === undefined ? undefined : countryOf(n.country, 'country');
    const hosts = (n.hosts ?? []).map((h, i) => countryOf(h, `hosts[${i}]`));
    const sentenceAllows = (n.sentenceAllows ?? []).map((h, i) => countryOf(h, `sentenceAllows[${i}]`));
    for (const key of ['notWords', 'modifierOf'] as const) {
      const source = n[key];
      if (source === undefined) continue;
      try {
        new RegExp(`(?:${source})`, 'u');
      } catch (error) {
        issue(key, `not a valid regular expression: ${(error as Error).message}`);
      }
    }
    const namedAs = (n.namedAs ?? []).map((w, k) => {
      try {
        new RegExp(`(?:${w.words})`, 'u');
      } catch (error) {
        issue(`namedAs[${k}].words`, `not a valid regular expression: ${(error as Error).message}`);
      }
      const needs = w.needs.flatMap((id, i) => {
        const e = index.get(id);
        if (e === undefined) issue(`namedAs[${k}].needs[${i}]`, `"${id}" is not the id of any gazetteer entry`);
        return e === undefined ? [] : [e];
      });
      return { words: w.words, needs };
    });
    if (!valid || entity === undefined) return;
    nouns.push({
      entity,
      nouns: n.nouns,
      ...(n.caseSensitive ? { caseSensitive: true } : {}),
      ...(n.strict ? { strict: true } : {}),
      ...(country !== undefined ? { country } : {}),
      ...(n.sentenceRivals ? { sentenceRivals: true } : {}),
      ...(hosts.length ? { hosts } : {}),
      ...(sentenceAllows.length ? { sentenceAllows } : {}),
      needs,
      ...(n.at ? { at: n.at } : {}),
      ...(n.notWords ? { notWords: n.notWords } : {}),
      ...(n.modifierOf ? { modifierOf: n.modifierOf } : {}),
      ...(namedAs.length > 0 ? { namedAs } : {}),
    });
  });
  return { nouns, issues };
}
