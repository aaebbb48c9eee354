/**
 * Contracts of the spotting engine, shared by the content script, the CLI tools, the corpus
 * builder and the tests. DOM-free.
 */
import type { EntityType, Specificity } from '../kb/types';

/** What the content script needs to know of an entity without asking the background. */
export interface MatcherEntity {
  id: string;
  name: string;
  type: EntityType;
  /** A name learnt only so that it is never marked ("Kataib Hezbollah" is not Hezbollah). */
  blocker?: true;
  /** A topic word ("Iraqi", "militias"): never marked, counts as evidence that the page is on topic. */
  topic?: true;
  /** Index into `MatcherData.countries`: the country whose event this is ("October 2019 protests" are Iraq's). */
  country?: number;
}

/**
 * The prebuilt matcher, as shipped in `data/matcher.json` (built by `npm run corpus`).
 * JSON-serialisable so it can cross the extension's message channel; the automaton itself is
 * packed typed arrays, base64-encoded.
 */
export interface MatcherData {
  /** Format of this object; bump when the packing changes. */
  format: number;
  /** The knowledge-base version it was built from. */
  kbVersion: string;
  entities: MatcherEntity[];
  /** Base64 of the packed automaton (alphabet, transitions, failure links, outputs). */
  automaton: string;
  /** How pages talk about events without naming them (data/event-cues.json). */
  eventCues?: MatcherEventCue[];
  /** Countries by their names and demonyms (data/countries.json): who a sentence speaks of. */
  countries?: MatcherCountry[];
  /** Institutions by their common noun (data/institution-nouns.json): "parliament", "the coalition". */
  institutionNouns?: MatcherInstitutionNoun[];
}

/** A country as shipped: the gazetteer place it is, if any, and the words that name it. */
export interface MatcherCountry {
  /** Index into `MatcherData.entities` of the gazetteer's place for it. */
  place?: number;
  /** Names, demonyms, Arabic and Persian names; Latin ones match capitalised only. */
  words: string[];
}

/** A common noun that stands for an institution on a page about it, as shipped. */
export interface MatcherInstitutionNoun {
  /** The entity the noun stands for. */
  entity: number;
  /** The nouns, written as pages write them ("parliament", "البرلمان"). */
  nouns: string[];
  /** Match the nouns' capitalisation exactly ("Guards", "Council" but not "council"). */
  caseSensitive?: boolean;
  /** Only after a determiner or an "N-member" count: "the assembly", never "freedom of assembly". */
  strict?: boolean;
  /** Index into `MatcherData.countries`: the institution's country. */
  country?: number;
  /** A noun every country has (a parliament): its sentence may name no other country, unless it names its own too. */
  sentenceRivals?: boolean;
  /** Indices into `MatcherData.countries` a sentence may also name (the embassy's host country). */
  hosts?: number[];
  /** With `sentenceRivals`, more countries a sentence may name that are never the noun's ("U.S." beside Iraq's parliament). */
  sentenceAllows?: number[];
  /** At least one of these entities must be marked on the page. */
  needs: number[];
  /** Places that may follow the noun ("embassy in Baghdad"); any other capitalised place qualifies it as another's. */
  at?: string[];
  /** Regex source (case-insensitive): words that, in the sentence, say the noun means another thing of the kind. */
  notWords?: string;
  /** Regex source (case-insensitive): a word right after the noun that makes it a modifier of that word ("embassy personnel"), not the institution. */
  modifierOf?: string;
  /**
   * Wordings around the noun that name it as this institution ("US and coalition forces",
   * "coalition troops"): where one covers the noun, the page need mark only one of that
   * wording's entities (the country it serves in, the enemy it fights), the first that covers it.
   */
  namedAs?: { words: string; needs: number[] }[];
}

/**
 * The matcher's token gate (lib/engine/token-gate.ts), built by the background from the stored
 * matcher and sent to a page before the matcher.
 */
export interface TokenGateData {
  format: number;
  /**
   * Base64 of the code-unit → class runs (Uint16 pairs, alphabet.ts), reduced to what the gate
   * reads: the classes of the key words keep their number, other letters and digits are
   * the shared word class (a word holding one is no key), other punctuation the shared break class.
   */
  classRuns: string;
  /** Base64 of the sorted, distinct 32-bit hashes of the key words (Uint32, little-endian). */
  words: string;
  /** Some name has no letter or digit: the gate cannot rule any text out. */
  always?: true;
  /** Event cues that fire on words alone, with no known name in the sentence (regex sources). */
  cueWords?: string[];
}

/** An event cue as shipped: entity indices into `MatcherData.entities`, regex sources. */
export interface MatcherEventCue {
  event: number;
  /** Regular expression source (case-insensitive, word-bounded) of the trigger phrase. */
  trigger: string;
  /** A participant: one of these entities mentioned in the sentence... */
  participants?: number[];
  /** ...or one of these words (regex source). */
  words?: string;
  /** And, when given, one of these entities or words too. */
  also?: number[];
  alsoWords?: string;
  /** The event's first and last year: a sentence that gives only other years is about another event. */
  years?: [number, number];
}

/** A name found in text: leftmost-longest, word-bounded, non-overlapping. */
export interface RawMatch {
  /** UTF-16 offsets into the scanned string, end exclusive. */
  start: number;
  end: number;
  /** Index into `MatcherData.entities`. */
  entity: number;
  specificity: Specificity;
}

/** A match the page's evidence accepts: what gets marked and counted. */
export type Mention = RawMatch;
