/**
 * Institutions named by their common noun on a page about them: "parliament" is Iraq's on a page
 * about Iraqi politics, "the coalition" the anti-ISIS coalition on a page that names it, "the
 * embassy" the US Embassy in Baghdad on a page about it. Never another country's: a noun counts
 * for the entity only when
 * - the page marks one of the entities it `needs` (Iraq or its parliament; the coalition itself);
 * - it is not qualified as another's: no capitalised name, possessive or other country's word
 *   right before it ("Bahrain's parliament", "the German parliament", "the Fatah Coalition",
 *   "Erbil airport", "Security Council"), and no "of <Name>" or "in <Place>" after it other than
 *   its own ("parliament of Bahrain", "embassy in Tehran"; "embassy in Baghdad" is its own);
 * - for a noun every country has (`sentenceRivals`: a parliament), its sentence speaks of no
 *   other country than its own, or the country it speaks of nearest the noun is its own ("In
 *   Tehran, parliament speaker Qalibaf ... hosted Iraqi delegations" is Iran's); and no sentence has the words that say it is another of its kind (seats and blocs,
 *   for a coalition that is an electoral list);
 * - "a parliament" on its own is parliaments in general ("restrained by a parliament"); "a
 *   parliament vote" is this one's;
 * - it does not modify a word its `modifierOf` lists ("embassy personnel", "embassy buildings");
 * - it is not part of a longer name already marked ("Iraqi parliament").
 * Each noun written as another one of its kind is returned too (`rivals`): the page-level rule
 * (PageSpotting in evidence.ts) keeps every noun of a page that names another country's
 * parliament or another coalition more often than the institution itself.
 * The nouns are curated in data/institution-nouns.json and shipped in the matcher. DOM-free.
 */
import { countriesIn, qualifyingCountries, type Countries, type CountryMention } from './countries';
import { capitalised, linkedWordAfter, wordAfter, wordBefore } from './neighbour-words';
import { foldArabicLetters, hasArabicScript, triggerPattern, wordsPattern } from './cue-text';
import type { MatcherInstitutionNoun, RawMatch } from './types';

export interface CompiledNoun {
  entity: number;
  /** The Latin nouns and the Arabic ones apart: a Latin pattern is scanned fast (cue-text.ts); group 1 holds proclitics. */
  patterns: readonly RegExp[];
  country?: number;
  /** With `sentenceRivals`: the countries a sentence may name (its own, its hosts', those it allows). */
  allowed?: ReadonlySet<number>;
  needs: readonly number[];
  /** Countries the institution stands in besides its own (the embassy's host). */
  hosts: ReadonlySet<number>;
  strict: boolean;
  at: ReadonlySet<string>;
  notWords?: RegExp;
  /** Matches the whole word after the noun when that word is what the noun modifies ("embassy personnel"). */
  modifierOf?: RegExp;
  namedAs?: readonly { words: RegExp; needs: readonly number[] }[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The nouns as shipped, compiled; `latin` and `arabic` find whether any noun at all is in a text,
 * in one scan each (apart: an alternation with Arabic words and the case-insensitive flag is
 * scanned several times slower, and most texts have no Arabic at all).
 */
export interface CompiledNouns {
  readonly list: readonly CompiledNoun[];
  readonly latin: RegExp;
  readonly arabic: RegExp;
}

export function compileNouns(data: readonly MatcherInstitutionNoun[]): CompiledNouns {
  const all = data.flatMap((n) => n.nouns);
  // Boundary-free: a superset, confirmed by each noun's own pattern.
  const latin = all.filter((w) => !ARABIC.test(w)).map(escape);
  const arabic = all.filter((w) => ARABIC.test(w)).map((w) => escape(foldArabicLetters(w)));
  return {
    list: data.map((n) => compileNoun(n)),
    latin: new RegExp(latin.join('|') || '(?!)', 'i'),
    arabic: new RegExp(arabic.join('|') || '(?!)'),
  };
}

function compileNoun(n: MatcherInstitutionNoun): CompiledNoun {
  const sources = [n.nouns.filter((w) => !ARABIC.test(w)), n.nouns.filter((w) => ARABIC.test(w))]
    .filter((group) => group.length > 0)
    .map((group) => [...group].sort((a, b) => b.length - a.length).map(escape).join('|'));
  return {
    entity: n.entity,
    // Not inside a word; an Arabic noun may follow the proclitics و ف ب ك ل (kept out of the match).
    patterns: sources.map((source) => triggerPattern(source, n.caseSensitive === true)),
    ...(n.country !== undefined ? { country: n.country } : {}),
    ...(n.country !== undefined && n.sentenceRivals ? { allowed: new Set([n.country, ...(n.hosts ?? []), ...(n.sentenceAllows ?? [])]) } : {}),
    needs: n.needs,
    hosts: new Set(n.hosts ?? []),
    strict: n.strict === true,
    at: new Set(n.at ?? []),
    ...(n.notWords ? { notWords: wordsPattern(n.notWords) } : {}),
    ...(n.modifierOf ? { modifierOf: new RegExp(`^(?:${n.modifierOf})$`, 'i') } : {}),
    ...(n.namedAs ? { namedAs: n.namedAs.map((w) => ({ words: new RegExp(`(?<![\\p{L}\\p{N}])(?:${w.words})(?![\\p{L}\\p{N}])`, 'giu'), needs: w.needs })) } : {}),
  };
}

/** Determiners and pronouns a noun may follow without being qualified ("the parliament", "its coalition"). */
const DETERMINERS = new Set('the a an this that its their his her our whose new former current outgoing same whole entire'.split(' '));

/** Words after "a parliament" that show it is not a noun adjunct ("a parliament that...", "a parliament of..."). */
const FUNCTION_WORDS = new Set('of in on at to for with by from that which who whose where when and or but is was are were has had have be been will would can could should may might'.split(' '));

const ARABIC = /[\u0600-\u06FF]/;

const LETTER = /\p{L}/u;
const SURROGATE = /[\uD800-\uDFFF]/;

/** A letter at sentence[i] (one UTF-16 unit: the caller keeps astral text away). */
function isLetterAt(sentence: string, i: number): boolean {
  const c = sentence.charCodeAt(i);
  if (c < 0x80) return ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
  return LETTER.test(sentence[i]!);
}

/**
 * A line in title case ("Sadr Bloc Wins Most Seats In Parliament"): capitals there say nothing
 * about names. Its words are those of `/[\p{L}][\p{L}'’]{3,}/gu` (a letter and three or more
 * letters or apostrophes), counted in place: that match allocated every word of every sentence
 * holding a noun, a tenth of the first scan of a long page. A run of letters and apostrophes
 * holds one such word at most, from its first letter to its end, when that is four or more long.
 */
export function titleCase(sentence: string): boolean {
  // The regex counts code points; astral letters are rare enough to leave to it.
  if (SURROGATE.test(sentence)) return titleCaseByRegex(sentence);
  let words = 0;
  let capitals = 0;
  const n = sentence.length;
  for (let i = 0; i < n; ) {
    let first = -1;
    let end = i;
    for (; end < n; end++) {
      const c = sentence.charCodeAt(end);
      if (c === 0x27 || c === 0x2019) continue;
      if (!isLetterAt(sentence, end)) break;
      if (first < 0) first = end;
    }
    if (end === i) {
      i++;
      continue;
    }
    if (first >= 0 && end - first >= 4) {
      words++;
      if (capitalised(sentence[first]!)) capitals++;
    }
    i = end;
  }
  return words >= 4 && capitals >= words * 0.7;
}

/** The definition `titleCase` counts by (and the tests check it against). */
export function titleCaseByRegex(sentence: string): boolean {
  const words = sentence.match(/[\p{L}][\p{L}'’]{3,}/gu) ?? [];
  return words.length >= 4 && words.filter(capitalised).length >= words.length * 0.7;
}

/**
 * How the noun at text[start, end) is qualified (see the module comment): as another's
 * ("Bahrain's parliament", "the Fatah Coalition", "embassy in Tehran"), as not this one of its
 * kind ("a parliament" in general; a `strict` noun without its determiner), or not at all.
 */
function qualification(
  noun: CompiledNoun,
  countries: Countries,
  text: string,
  start: number,
  end: number,
  sentenceStart: number,
  inTitle: () => boolean,
): 'another' | 'not-this' | undefined {
  const ownOrHost = (c: number) => c === noun.country || noun.hosts.has(c);
  const qualifying = qualifyingCountries(countries, text, start, end);
  if (qualifying.before !== undefined && qualifying.before !== noun.country) return 'another';
  if (qualifying.after !== undefined && !ownOrHost(qualifying.after)) return 'another';
  if (ARABIC.test(text.slice(start, end))) return undefined; // the Arabic adjective follows the noun: checked above
  if (noun.modifierOf) {
    const next = wordAfter(text, end);
    if (next !== undefined && noun.modifierOf.test(next)) return 'not-this'; // "embassy personnel": the staff, not the embassy
  }
  const before = wordBefore(text, start, sentenceStart);
  if (before !== undefined && /^an?$/i.test(before)) {
    const next = wordAfter(text, end);
    if (next === undefined || capitalised(next) || FUNCTION_WORDS.has(next.toLowerCase())) return 'not-this';
  }
  if (noun.strict && (before === undefined || !(DETERMINERS.has(before.toLowerCase()) || /^\d+-(?:member|seat)$/.test(before)))) return 'not-this';
  if (before !== undefined && qualifying.before === undefined && !DETERMINERS.has(before.toLowerCase())) {
    if (/['’]s$/.test(before) && capitalised(before)) return 'another'; // "Sadr's coalition"
    if (capitalised(before) && text.slice(sentenceStart, start).trim() !== before && !inTitle()) return 'another'; // "Fatah Coalition", "Erbil airport", "Security Council"
  }
  const after = linkedWordAfter(text, end)?.word;
  // "of <Name>", "in <Place>" that is neither a country (checked above) nor the noun's own place.
  if (after !== undefined && qualifying.after === undefined && capitalised(after) && !noun.at.has(after.replace(/['’]s$/, ''))) return 'another';
  return undefined;
}

/** The needs of the first of the noun's `namedAs` wordings that covers slice[start, end) ("US and coalition forces"). */
function namedAsHere(noun: CompiledNoun, slice: string, start: number, end: number): readonly number[] | undefined {
  for (const { words: p, needs } of noun.namedAs ?? []) {
    p.lastIndex = 0;
    for (let hit = p.exec(slice); hit; hit = p.exec(slice)) {
      if (hit.index <= start && end <= hit.index + hit[0].length) return needs;
      if (hit.index > start) break;
    }
  }
  return undefined;
}

/** The country mention nearest to `at`. */
function nearest(spoken: readonly CountryMention[], at: number): CountryMention | undefined {
  let best: CountryMention | undefined;
  for (const c of spoken) if (!best || Math.abs(c.at - at) < Math.abs(best.at - at)) best = c;
  return best;
}

/** What one text gives: its nouns that pass every test of the text, and its rival ones. */
export interface NounMentions {
  /**
   * Nouns that passed every test of the text, in text order, with what the page must mark
   * before they count (the page decides: PageSpotting in evidence.ts).
   */
  found: { match: RawMatch; needs: readonly number[] }[];
  /**
   * The entity of each noun written as another one of its kind ("Bahrain's parliament", "the
   * Fatah Coalition", a parliament in a sentence about Germany): what says a page is about
   * another country's parliament or another coalition.
   */
  rivals: number[];
}

/**
 * The institution nouns in `text` that stand for their entity as far as the text says, given
 * its accepted mentions (sorted by start) and its sentences.
 */
export function findInstitutionNouns(
  nouns: CompiledNouns,
  countries: Countries,
  text: string,
  accepted: readonly RawMatch[],
  sentences: Iterable<{ start: number; end: number }>,
  isPlace: (entity: number) => boolean,
): NounMentions {
  const found: NounMentions['found'] = [];
  const rivals: number[] = [];
  const arabic = hasArabicScript(text);
  const folded = arabic ? foldArabicLetters(text) : text;
  if (!nouns.latin.test(folded) && !(arabic && nouns.arabic.test(folded))) return { found, rivals };
  const written = (p: RegExp) => {
    p.lastIndex = 0;
    const hit = p.test(folded);
    p.lastIndex = 0;
    return hit;
  };
  const live = nouns.list.filter((n) => n.patterns.some(written));
  if (live.length === 0) return { found, rivals };
  for (const sentence of sentences) {
    const slice = folded.slice(sentence.start, sentence.end);
    let spoken: CountryMention[] | undefined;
    let title: boolean | undefined;
    const inTitle = () => (title ??= titleCase(slice));
    for (const noun of live) for (const pattern of noun.patterns) {
      pattern.lastIndex = 0;
      for (let hit = pattern.exec(slice); hit; hit = pattern.exec(slice)) {
        const start = sentence.start + hit.index + hit[1]!.length; // after any proclitic
        const end = sentence.start + hit.index + hit[0].length;
        if (accepted.some((m) => m.start < end && start < m.end) || found.some(({ match: m }) => m.start < end && start < m.end)) continue;
        const qualified = qualification(noun, countries, text, start, end, sentence.start, inTitle);
        if (qualified === 'not-this') continue;
        if (qualified === 'another' || noun.notWords?.test(slice)) {
          rivals.push(noun.entity);
          continue;
        }
        if (noun.allowed) {
          spoken ??= countriesIn(countries, text, sentence.start, sentence.end, accepted, isPlace);
          if (spoken.some((c) => !noun.allowed!.has(c.country)) && !noun.allowed.has(nearest(spoken, start)!.country)) {
            rivals.push(noun.entity);
            continue;
          }
        }
        found.push({ match: { start, end, entity: noun.entity, specificity: 'ambiguous' }, needs: namedAsHere(noun, slice, start - sentence.start, end - sentence.start) ?? noun.needs });
      }
    }
  }
  found.sort((a, b) => a.match.start - b.match.start);
  return { found, rivals };
}
