/**
 * The runtime matcher: one pass over the page's text through the prebuilt automaton, whatever
 * the number of aliases. The hot loop reads one code unit, one class, one transition and one
 * output flag per character; it allocates nothing and builds no strings. Loading decodes the
 * shipped arrays in place and expands the class table; nothing is rebuilt.
 */
import type { MatcherCountry, MatcherData, MatcherEntity, MatcherEventCue, MatcherInstitutionNoun, RawMatch } from './types';
import * as alphabet from './alphabet';
import {
  MATCHER_FORMAT,
  NODE_EDGES_FROM,
  NODE_EDGES_TO,
  NODE_FAIL,
  NODE_FIRST_OUTPUT,
  NODE_STRIDE,
  SPECIFICITIES,
  decodeBase64,
  unpackAutomaton,
  type LoadedAutomaton,
} from './packed-automaton';

// Module-local copies: some loaders (tsx, Vitest) turn imported bindings into getter calls,
// which costs more than the rest of the hot loop together.
const CLASS_JOIN = alphabet.CLASS_JOIN;
const CLASS_APOS = alphabet.CLASS_APOS;
const CLASS_SEP = alphabet.CLASS_SEP;
const CLASS_WORD_OTHER = alphabet.CLASS_WORD_OTHER;
const STRIDE = NODE_STRIDE;
const FROM = NODE_EDGES_FROM;
const TO = NODE_EDGES_TO;
const FIRST_OUTPUT = NODE_FIRST_OUTPUT;
const FAIL = NODE_FAIL;

export interface Matcher {
  readonly entities: readonly MatcherEntity[];
  /**
   * Every name in `text[from, to)`: leftmost-longest, word-bounded, non-overlapping, in order.
   * Characters outside the window still count as context for word boundaries, so a caller that
   * scans a long text in slices loses nothing when it cuts at a BLOCK_BREAK.
   */
  findAll(text: string, from?: number, to?: number): RawMatch[];
  /**
   * The rules the spotting pipeline applies after matching, as shipped and checked, not compiled:
   * the pipeline compiles them on first use (compiled-rules.ts), so that the content script's
   * boot carries none of their code.
   */
  readonly rules: MatcherRules;
}

/** The shipped rules of the pipeline after the matcher; each empty when the matcher ships none. */
export interface MatcherRules {
  /** Event cues (events.ts). */
  readonly eventCues: readonly MatcherEventCue[];
  /** Countries by name and demonym (countries.ts). */
  readonly countries: readonly MatcherCountry[];
  /** Institutions by their common noun (institution-nouns.ts). */
  readonly institutionNouns: readonly MatcherInstitutionNoun[];
}

const NO_RULES: MatcherRules = { eventCues: [], countries: [], institutionNouns: [] };

class AutomatonMatcher implements Matcher {
  readonly entities: readonly MatcherEntity[];
  readonly rules: MatcherRules;
  private readonly a: LoadedAutomaton;
  private readonly classOf: Uint16Array;
  /** Raw offset of each consumed class, by consumed index modulo its size. */
  private readonly ring: Int32Array;
  private readonly ringMask: number;

  constructor(
    entities: readonly MatcherEntity[],
    automaton: LoadedAutomaton,
    rules: MatcherRules = NO_RULES,
  ) {
    this.entities = entities;
    this.rules = rules;
    this.a = automaton;
    this.classOf = alphabet.expandClassRuns(automaton.classRuns);
    let size = 16;
    while (size <= automaton.maxPatternLength) size *= 2;
    this.ring = new Int32Array(size);
    this.ringMask = size - 1;
  }

  findAll(text: string, from = 0, to = text.length): RawMatch[] {
    const { rootNext, node, dense, edgeClass, classCount, classIsWord, depth } = this.a;
    const classOf = this.classOf;
    const ring = this.ring;
    const mask = this.ringMask;
    const found: number[] = []; // (start, end, pattern) triples, revised as longer matches appear
    from = Math.max(0, from);
    to = Math.min(text.length, to);

    let state = 0;
    let consumed = 0;
    let afterSeparator = true;
    // The word the text is in: a name may start only where one begins (or after the proclitics
    // that begin it, see afterProclitics), so once the automaton's state starts strictly inside
    // the current word, nothing it could still find in that word survives `collect`, and the
    // rest of the word is skipped at one table read per character. `wordBase` is the consumed
    // count before the word's first letter (-1: the word began before `from`).
    let inWord = false;
    let wordBase = 0;
    let skippable = true;
    const opening = wordAt(text, classOf, classIsWord, from);
    if (opening !== NOT_IN_WORD) {
      inWord = true;
      wordBase = -1;
      skippable = opening === IN_WORD;
    }
    for (let i = from; i < to; i++) {
      const unit = text.charCodeAt(i);
      const cls = classOf[unit]!;
      if (cls <= CLASS_APOS) {
        if (cls === CLASS_APOS) inWord = false; // "O'Brien": a name may start after it
        continue; // skipped characters: the name goes on across them
      }
      if (cls === CLASS_SEP) {
        inWord = false;
        if (afterSeparator) continue; // a run of separators is one separator
        afterSeparator = true;
      } else {
        afterSeparator = false;
        if (classIsWord[cls]) {
          if (!inWord) {
            inWord = true;
            wordBase = consumed;
            skippable = !isProclitic(unit);
          }
        } else {
          inWord = false;
        }
      }
      ring[consumed & mask] = i;
      consumed++;

      // Whether this letter leaves the automaton in a state whose string starts strictly inside
      // the current word (see above): then the rest of the word is skipped.
      let skip = false;
      if (cls > CLASS_WORD_OTHER || cls === CLASS_SEP) {
        // Goto, falling back along failure links. States are numbered breadth first, so edge e
        // leads to state e + 1 (packed-automaton.ts): no target array to read.
        for (;;) {
          if (state === 0) {
            if (inWord && skippable && consumed - wordBase > 1) {
              skip = true; // past the word's first letter, the root's children start inside it
              break;
            }
            state = rootNext[cls]!;
            if (state === 0 && inWord && skippable) skip = true; // no name starts with this letter
            break;
          }
          const at = state * STRIDE;
          const lo = node[at + FROM]!;
          let next = -1;
          if (lo < 0) {
            next = dense[~lo * classCount + cls]!; // a state with many children: one lookup
          } else {
            // A few edges, sorted by class: a linear scan.
            const hi = node[at + TO]!;
            for (let e = lo; e < hi; e++) {
              const c = edgeClass[e]!;
              if (c >= cls) {
                if (c === cls) next = e + 1;
                break;
              }
            }
          }
          if (next >= 0) {
            state = next;
            break;
          }
          // A state whose string starts at or after the word's start: every failure target is a
          // shorter suffix, so it starts inside the word.
          if (inWord && skippable && consumed - 1 - depth[state]! >= wordBase) {
            skip = true;
            break;
          }
          state = node[at + FAIL]!;
        }
      } else {
        state = 0; // a character no pattern contains
        if (inWord && skippable) skip = true;
      }

      if (skip) {
        state = 0;
        while (i + 1 < to) {
          const c = classOf[text.charCodeAt(i + 1)]!;
          if (c !== CLASS_JOIN && !classIsWord[c]) break;
          i++;
        }
        continue;
      }
      if (node[state * STRIDE + FIRST_OUTPUT]! >= 0) this.collect(text, to, i, cls, state, consumed, found);
    }

    const matches: RawMatch[] = [];
    for (let k = 0; k < found.length; k += 3) {
      const pattern = found[k + 2]!;
      matches.push({
        start: found[k]!,
        end: found[k + 1]!,
        entity: this.a.patternEntity[pattern]!,
        specificity: SPECIFICITIES[this.a.patternSpecificity[pattern]!]!,
      });
    }
    return matches;
  }

  /**
   * Patterns end at code unit `i`: take the longest one with word boundaries on both sides and
   * fit it into the leftmost-longest result so far.
   */
  private collect(text: string, to: number, i: number, cls: number, state: number, consumed: number, found: number[]): void {
    const { classIsWord, node, output, patternLength, patternCapitals } = this.a;
    const classOf = this.classOf;

    // The end: marks and joiners after the last letter belong to it ("سليماني" with a kasra).
    let end = i + 1;
    while (end < to && classOf[text.charCodeAt(end)] === CLASS_JOIN) end++;
    if (classIsWord[cls] && end < text.length) {
      const next = classOf[text.charCodeAt(end)]!;
      if (next === CLASS_JOIN || classIsWord[next]) return; // "Irans", "Iranian"
    }

    for (let t = node[state * STRIDE + FIRST_OUTPUT]!; t >= 0; t = node[node[t * STRIDE + FAIL]! * STRIDE + FIRST_OUTPUT]!) {
      const pattern = output[t]!;
      const start = this.ring[(consumed - patternLength[pattern]!) & this.ringMask]!;
      if (classIsWord[classOf[text.charCodeAt(start)]!]) {
        let before = start - 1;
        while (before >= 0 && classOf[text.charCodeAt(before)] === CLASS_JOIN) before--;
        if (before >= 0 && classIsWord[classOf[text.charCodeAt(before)]!] && !afterProclitics(text, classOf, classIsWord, start, before)) continue;
      }
      const capitals = patternCapitals[pattern];
      if (capitals === 1 && !writtenInCapitals(text, start, end)) continue;
      if (capitals === 2 && !firstWordCapitalised(text, start, end)) continue;
      if (place(found, start, end, pattern)) return;
    }
  }
}

const NOT_IN_WORD = 0;
const IN_WORD = 1;
const IN_WORD_AFTER_PROCLITIC = 2;

/**
 * Whether `text[from]` continues a word, and if so whether a name may still start in it after
 * its opening proclitics. Looks back a few letters only: a name never starts three or more
 * letters into a word, and a long run of joiners is treated as if it might.
 */
function wordAt(text: string, classOf: Uint16Array, classIsWord: Uint8Array, from: number): number {
  let letters = 0;
  let first = -1;
  for (let i = from - 1, reads = 0; i >= 0; i--, reads++) {
    if (reads > 32) return IN_WORD_AFTER_PROCLITIC;
    const cls = classOf[text.charCodeAt(i)]!;
    if (cls === CLASS_JOIN) continue;
    if (!classIsWord[cls]) break;
    first = i;
    if (++letters > 2) return IN_WORD;
  }
  if (first < 0) return NOT_IN_WORD;
  return isProclitic(text.charCodeAt(first)) ? IN_WORD_AFTER_PROCLITIC : IN_WORD;
}

/** Arabic's one-letter proclitics: and, so, with/in, like, for (و ف ب ك ل). */
function isProclitic(unit: number): boolean {
  return unit === 0x0648 || unit === 0x0641 || unit === 0x0628 || unit === 0x0643 || unit === 0x0644;
}

/**
 * Whether an Arabic-script name starting at `start` follows one or two proclitics that begin
 * the word (وطهران "and Tehran", بالعراق "in Iraq", وبالعراق): Arabic writes them joined to
 * the name, and the name alone is the mention. `before` is the last code unit before `start`
 * that is not a joiner.
 */
function afterProclitics(text: string, classOf: Uint16Array, classIsWord: Uint8Array, start: number, before: number): boolean {
  const first = text.charCodeAt(start);
  if (first < 0x0600 || first > 0x06ff) return false;
  for (let letters = 0; letters < 2; letters++) {
    if (!isProclitic(text.charCodeAt(before))) return false;
    before--;
    while (before >= 0 && classOf[text.charCodeAt(before)] === CLASS_JOIN) before--;
    if (before < 0 || !classIsWord[classOf[text.charCodeAt(before)]!]) return true;
  }
  return false;
}

/** A capital in the first word of text[start, end): "Federal Court", "al-Sadr", not "federal court". */
function firstWordCapitalised(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const ch = text[i]!;
    if (ch === ' ' || ch === '\u00a0' || ch === '\n') return false;
    if (ch !== ch.toLowerCase()) return true;
  }
  return false;
}

/** No lower-case letter in text[start, end): "US" but not "us" or "Us". */
export function writtenInCapitals(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) return false;
    if (c > 0x7f) {
      const ch = text[i]!;
      if (ch !== ch.toUpperCase()) return false; // rare: acronyms are ASCII in practice
    }
  }
  return true;
}

/**
 * Fit a match into the non-overlapping result, sorted by start. Matches arrive in order of
 * their end. A new one that overlaps earlier ones replaces them all if it starts at or before
 * the first of them (leftmost, then longest: "Kataib Hezbollah" over "Hezbollah"); if it starts
 * inside one, that one wins and the caller tries a shorter pattern ending here.
 */
function place(found: number[], start: number, end: number, pattern: number): boolean {
  let n = found.length;
  if (n === 0 || start >= found[n - 2]!) {
    found.push(start, end, pattern);
    return true;
  }
  // First earlier match that overlaps [start, end): the earliest whose end is after `start`.
  while (n > 3 && found[n - 5]! > start) n -= 3;
  if (found[n - 3]! < start) return false;
  found.length = n - 3;
  found.push(start, end, pattern);
  return true;
}

/** Load the matcher shipped in `MatcherData`: validates the format, decodes, rebuilds nothing. */
export function loadMatcher(data: MatcherData): Matcher {
  if (data.format !== MATCHER_FORMAT) {
    throw new Error(`Backstory matcher: format ${String(data.format)} is not supported (expected ${MATCHER_FORMAT}); rebuild with npm run corpus`);
  }
  if (!Array.isArray(data.entities) || typeof data.automaton !== 'string') {
    throw new Error('Backstory matcher: malformed matcher data');
  }
  const automaton = unpackAutomaton(decodeBase64(data.automaton));
  for (let p = 0; p < automaton.patternEntity.length; p++) {
    if (automaton.patternEntity[p]! >= data.entities.length) {
      throw new Error('Backstory matcher: the automaton names an entity the matcher data does not list');
    }
  }
  const cues = Array.isArray(data.eventCues) ? data.eventCues : [];
  for (const cue of cues) {
    const ids = [cue.event, ...(cue.participants ?? []), ...(cue.also ?? [])];
    if (ids.some((i) => !Number.isInteger(i) || i < 0 || i >= data.entities.length) || typeof cue.trigger !== 'string') {
      throw new Error('Backstory matcher: an event cue names an entity the matcher data does not list');
    }
  }
  const countries = Array.isArray(data.countries) ? data.countries : [];
  const nouns = Array.isArray(data.institutionNouns) ? data.institutionNouns : [];
  const inRange = (i: unknown, n: number) => Number.isInteger(i) && (i as number) >= 0 && (i as number) < n;
  for (const c of countries) {
    if (!Array.isArray(c.words) || (c.place !== undefined && !inRange(c.place, data.entities.length))) {
      throw new Error('Backstory matcher: a country names an entity the matcher data does not list');
    }
  }
  for (const n of nouns) {
    const ids = [n.entity, ...n.needs];
    const countryIds = [...(n.country !== undefined ? [n.country] : []), ...(n.hosts ?? [])];
    if (!ids.every((i) => inRange(i, data.entities.length)) || !countryIds.every((i) => inRange(i, countries.length)) || !Array.isArray(n.nouns)) {
      throw new Error('Backstory matcher: an institution noun names an entity or a country the matcher data does not list');
    }
  }
  return new AutomatonMatcher(data.entities, automaton, { eventCues: cues, countries, institutionNouns: nouns });
}
