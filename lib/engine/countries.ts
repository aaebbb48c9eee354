/**
 * Which countries a sentence speaks of, by their names and demonyms (data/countries.json, shipped
 * in the matcher): what tells "the parliament" of Bahrain from Iraq's, or Chile's October 2019
 * protests from Iraq's. A country the gazetteer has is also spoken of by its marked mentions; one
 * it lacks, only by these words. Latin words match capitalised as written ("US", not "us";
 * "Turkey", not "turkey"); Arabic ones after the proclitics و ف ب ك ل. DOM-free.
 */
import { linkedWordAfter, wordAfter, wordBefore } from './neighbour-words';
import type { MatcherCountry, RawMatch } from './types';

export interface Countries {
  /** Country index of each word as written (Latin) or as is (script). */
  readonly byWord: ReadonlyMap<string, number>;
  /** The gazetteer place of each country, if it has one. */
  readonly place: readonly (number | undefined)[];
  /** Country index of each gazetteer place that is a country. */
  readonly ofPlace: ReadonlyMap<number, number>;
  /** The Latin words and the Arabic ones apart: a Latin pattern needs no Unicode mode, and is scanned several times faster. */
  readonly patterns: readonly RegExp[];
  /** The pattern of the Arabic words, if any: every word holds an Arabic letter, so text without one is not scanned with it. */
  readonly arabic: RegExp | undefined;
}

const ARABIC = /[\u0600-\u06FF]/;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A possessive or plural after a name is still the name: "Bahrain's", "Germans". */
const TAIL = "(?:['’]s)?";

export function compileCountries(data: readonly MatcherCountry[]): Countries {
  const byWord = new Map<string, number>();
  data.forEach((c, i) => {
    for (const w of c.words) if (!byWord.has(w)) byWord.set(w, i);
  });
  const words = [...byWord.keys()].sort((a, b) => b.length - a.length);
  const latin = words.filter((w) => !ARABIC.test(w)).map(escape);
  const arabic = words.filter((w) => ARABIC.test(w)).map(escape);
  // Not inside a word ("U.S." ends in a stop, so the Latin end is "not a letter" rather than \b); an Arabic word may follow one or two proclitics.
  const arabicPattern = arabic.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:[وفبكل]{1,2})?(${arabic.join('|')})(?![\\p{L}\\p{N}])`, 'gu') : undefined;
  const patterns = [...(latin.length ? [new RegExp(`\\b(${latin.join('|')})${TAIL}(?![A-Za-z])`, 'g')] : []), ...(arabicPattern ? [arabicPattern] : [])];
  const ofPlace = new Map<number, number>();
  data.forEach((c, i) => {
    if (c.place !== undefined) ofPlace.set(c.place, i);
  });
  return { byWord, place: data.map((c) => c.place), ofPlace, patterns, arabic: arabicPattern };
}

/** The country a word names, if any ("Bahraini" → Bahrain). */
export function countryOfWord(countries: Countries, word: string): number | undefined {
  return countries.byWord.get(word.replace(/['’]s$/, ''));
}

/** "Iran-backed", "US-led", "pro-Iranian": a country that says whose side something is on, not where the sentence is. */
const AFFILIATION_AFTER = /^[-‐–](?:backed|aligned|allied|led|sponsored|supported|linked|affiliated|funded|leaning)\b/i;
const AFFILIATION_BEFORE = /\b(?:pro|anti)[-‐–]$/i;
function affiliation(text: string, at: number, end: number): boolean {
  return AFFILIATION_AFTER.test(text.slice(end, end + 12)) || AFFILIATION_BEFORE.test(text.slice(Math.max(0, at - 5), at));
}

/**
 * The countries text[start, end) speaks of: its marked mentions of gazetteer countries, and the
 * words of any country ("Bahraini", "Iraqi", "Tehran") that are not part of a mention of
 * something other than a place ("US troops" is the US military, "Iran-backed militias" the
 * militias) nor an affiliation ("Iran-backed MPs", "pro-Iranian factions" are in the sentence's
 * country, whoever backs them). `isPlace` says which entities are places.
 */
export function countriesIn(
  countries: Countries,
  text: string,
  start: number,
  end: number,
  mentions: readonly RawMatch[],
  isPlace: (entity: number) => boolean,
): CountryMention[] {
  const found: CountryMention[] = [];
  const inside: RawMatch[] = [];
  for (const m of mentions) {
    if (m.start < start || m.end > end) continue;
    const c = countries.ofPlace.get(m.entity);
    if (c !== undefined) {
      if (!affiliation(text, m.start, m.end)) found.push({ country: c, at: m.start });
    } else if (!isPlace(m.entity)) inside.push(m);
  }
  const slice = text.slice(start, end);
  // The Arabic words' scan (a Unicode alternation with lookarounds) was a fifth of the nouns' cost on Latin pages.
  const arabicHere = countries.arabic !== undefined && ARABIC.test(slice);
  for (const pattern of countries.patterns) {
    if (pattern === countries.arabic && !arabicHere) continue;
    pattern.lastIndex = 0;
    for (let hit = pattern.exec(slice); hit; hit = pattern.exec(slice)) {
      const c = countries.byWord.get(hit[1]!);
      const at = start + hit.index + hit[0].indexOf(hit[1]!); // after any proclitic
      if (c === undefined || found.some((f) => f.at === at) || inside.some((m) => m.start <= at && at < m.end)) continue;
      if (affiliation(text, at, at + hit[1]!.length)) continue;
      found.push({ country: c, at });
    }
  }
  return found.sort((a, b) => a.at - b.at);
}

/** A country spoken of, and where (a mention of it, or one of its words). */
export interface CountryMention {
  country: number;
  at: number;
}


/**
 * The countries that qualify the phrase at text[start, end) as theirs: the word right before it
 * ("Bahrain's parliament", "the German coalition", "Lebanon's October protests"), "in" or "of" a
 * country right after it ("the protests in Lebanon"), and in Arabic the adjective after it
 * (البرلمان البحريني).
 */
export function qualifyingCountries(countries: Countries, text: string, start: number, end: number): { before?: number; after?: number } {
  if (ARABIC.test(text.slice(start, end))) {
    const next = wordAfter(text, end);
    const after = next === undefined ? undefined : countryOfWord(countries, next);
    return after === undefined ? {} : { after };
  }
  const word = wordBefore(text, start);
  const before = word === undefined ? undefined : countryOfWord(countries, word);
  const next = linkedWordAfter(text, end)?.word;
  const after = next === undefined ? undefined : countryOfWord(countries, next);
  return { ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) };
}
