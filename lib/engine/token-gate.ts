/**
 * The token gate: whether a text could hold a name the matcher knows, answered without the
 * matcher. A page with nothing to find (most pages a reader opens) then never receives,
 * unpacks or runs the dictionary: the gate is a few kB where the matcher is hundreds.
 *
 * The gate keeps a 32-bit hash of one word of every name, in the matcher's own alphabet (its
 * class table, alphabet.ts: case, diacritics, Arabic letter variants and apostrophes fold exactly
 * as they do for matching), and hashes every word of the text the same way. Names are
 * word-bounded and their words are split by separators or punctuation the text must have too,
 * so each word of a name found in a text is a whole word of that text (up to an apostrophe:
 * "Iran's", "l'Iran"): a text without any key word holds none of the names. No false negatives,
 * whatever the hashes collide on (a collision only lets a page through). Built from a matcher (`buildTokenGate`), so whatever builds a
 * matcher — `npm run corpus`, a rebuild on the reader's device — builds its gate the same way.
 * DOM-free.
 */
import { CLASS_APOS, CLASS_BREAK, CLASS_JOIN, CLASS_SEP, CLASS_WORD_OTHER, FIRST_PATTERN_CLASS, expandClassRuns } from './alphabet';
import { CASE_ALL_CAPITALS } from './build-matcher';
import { anyWordsOccur, wordsPattern } from './cue-text';
import { writtenInCapitals } from './matcher';
import { NODE_EDGES_FROM, NODE_EDGES_TO, NODE_STRIDE, decodeBase64, encodeBase64, unpackAutomaton } from './packed-automaton';
import type { MatcherData, TokenGateData } from './types';

/** Bump when the gate's hashing or packing changes. */
export const TOKEN_GATE_FORMAT = 1;


/**
 * How good a key a name's word makes: long words are rare in ordinary text ("of", "al", "the",
 * "from" are not), and so are words few names share; numbers ("2011") are common on any page.
 */
function keyScore(word: string, sharedBy: number): number {
  return (/^\p{N}+$/u.test(word) ? 0 : word.length) - 2 * Math.log2(sharedBy);
}

/** A character of each class (the first code unit the class table gives it), to read classes as text. */
export function classCharacters(classRuns: Uint16Array): Map<number, string> {
  const chars = new Map<number, string>();
  for (let r = 0; r < classRuns.length; r += 2) {
    const cls = classRuns[r + 1]!;
    if (!chars.has(cls)) chars.set(cls, String.fromCharCode(classRuns[r]!));
  }
  return chars;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
/** Mixed into a key's hash when it stands only for names written in capitals. */
const CAPITALS_ONLY = 0x5bd1e995;
/** How far before a window's start the cue words are looked for (longer than any cue phrase). */
const CUE_OVERLAP = 200;
/** Words split by apostrophes into more parts than this are let through (rather than tracked). */
const MAX_PARTS = 8;

/**
 * The gate of a matcher. Any word of a name will do as its key, since every word of a name is a
 * whole word of the text it is found in; each name is keyed on the word fewest names share
 * ("Quds" for "the Quds Force", not "the"), so that ordinary words let few pages through.
 * Names never marked (blockers, topic words) need no key: a page holding only those gets no marks.
 */
export function buildTokenGate(matcher: MatcherData): TokenGateData {
  const a = unpackAutomaton(decodeBase64(matcher.automaton));
  const { node, dense, edgeClass, classCount, classIsWord, output, patternEntity } = a;
  const childrenOf = (state: number): [number, number][] => {
    const lo = node[state * NODE_STRIDE + NODE_EDGES_FROM]!;
    const out: [number, number][] = [];
    if (lo < 0) {
      for (let cls = 0; cls < classCount; cls++) {
        const to = dense[~lo * classCount + cls]!;
        if (to >= 0) out.push([cls, to]);
      }
    } else {
      // States are numbered breadth first: edge e leads to state e + 1 (packed-automaton.ts).
      for (let e = lo; e < node[state * NODE_STRIDE + NODE_EDGES_TO]!; e++) out.push([edgeClass[e]!, e + 1]);
    }
    return out;
  };
  // An event cue's participants are keyed whatever they are: their mention makes an event's.
  const participants = new Set((matcher.eventCues ?? []).flatMap((c) => c.participants ?? []));
  const marked = (state: number) => {
    const index = patternEntity[output[state]!]!;
    const entity = matcher.entities[index];
    return entity !== undefined && ((!entity.blocker && !entity.topic) || participants.has(index));
  };

  // Every marked name's words (runs of letters and digits, as class strings), from the trie.
  const names: { words: string[]; capitals: boolean }[] = [];
  const stack: [number, string][] = [[0, '']];
  while (stack.length > 0) {
    const [state, path] = stack.pop()!;
    if (state > 0 && output[state]! >= 0 && marked(state)) {
      const words: string[] = [];
      let word = '';
      for (let i = 0; i < path.length; i++) {
        const cls = path.charCodeAt(i);
        if (classIsWord[cls]) {
          word += path[i];
        } else if (word) {
          words.push(word);
          word = '';
        }
      }
      if (word) words.push(word);
      names.push({ words, capitals: a.patternCapitals[output[state]!] === CASE_ALL_CAPITALS });
    }
    for (const [cls, to] of childrenOf(state)) stack.push([to, path + String.fromCharCode(cls)]);
  }
  const sharedBy = new Map<string, number>();
  for (const { words } of names) for (const word of new Set(words)) sharedBy.set(word, (sharedBy.get(word) ?? 0) + 1);
  /** Key words, and whether the key stands only for names written in capitals ("IS", "US"). */
  const keys = new Map<string, boolean>();
  const chars = classCharacters(a.classRuns);
  let always = false;
  for (const { words, capitals } of names) {
    if (words.length === 0) {
      always = true; // a name of punctuation alone
      continue;
    }
    const score = (word: string) => keyScore([...word].map((c) => chars.get(c.charCodeAt(0)) ?? c).join(''), sharedBy.get(word)!);
    let best = words[0]!;
    for (const word of words) if (score(word) > score(best)) best = word;
    // One name in any case makes its key case-blind.
    keys.set(best, (keys.get(best) ?? true) && capitals);
  }
  const hashes = new Set<number>();
  const keyClasses = new Set<number>();
  for (const [key, capitals] of keys) {
    let hash = FNV_OFFSET;
    for (let i = 0; i < key.length; i++) {
      keyClasses.add(key.charCodeAt(i));
      hash = Math.imul(hash ^ key.charCodeAt(i), FNV_PRIME);
    }
    hashes.add((capitals ? hash ^ CAPITALS_ONLY : hash) >>> 0);
  }

  const runs: number[] = [];
  for (let r = 0; r < a.classRuns.length; r += 2) {
    const cls = a.classRuns[r + 1]!;
    const gateClass = cls < FIRST_PATTERN_CLASS || keyClasses.has(cls) ? cls : classIsWord[cls] ? CLASS_WORD_OTHER : CLASS_BREAK;
    if (runs.length > 0 && runs[runs.length - 1] === gateClass) continue;
    runs.push(a.classRuns[r]!, gateClass);
  }
  const words = Uint32Array.from([...hashes].sort((x, y) => x - y));
  const cueWords = (matcher.eventCues ?? []).flatMap((c) => (c.words ? [c.words] : []));
  return {
    format: TOKEN_GATE_FORMAT,
    classRuns: encodeBase64(new Uint8Array(Uint16Array.from(runs).buffer)),
    words: encodeBase64(new Uint8Array(words.buffer)),
    ...(always ? { always: true as const } : {}),
    ...(cueWords.length > 0 ? { cueWords } : {}),
  };
}

/** Whether `value` is a token gate this code can read (the background checks what it serves). */
export function isTokenGate(value: unknown): value is TokenGateData {
  const gate = value as Partial<TokenGateData> | null;
  if (typeof gate !== 'object' || gate === null || gate.format !== TOKEN_GATE_FORMAT) return false;
  if (typeof gate.classRuns !== 'string' || typeof gate.words !== 'string') return false;
  // Whole (code unit, class) pairs and whole 32-bit hashes.
  return decodeBase64(gate.classRuns).byteLength % 4 === 0 && decodeBase64(gate.words).byteLength % 4 === 0;
}

export class TokenGate {
  private readonly classOf: Uint16Array;
  private readonly words: Uint32Array;
  private readonly cueWords: readonly RegExp[];
  private readonly parts = new Int32Array(MAX_PARTS);
  private readonly partStarts = new Int32Array(MAX_PARTS);

  /**
   * `data` comes from the background, which checked its format (`isTokenGate`): the content
   * script carries no checks of its own, to stay small.
   */
  constructor(private readonly data: TokenGateData) {
    // Copied: the decoder may hand back a view into a shared, unaligned buffer.
    this.classOf = expandClassRuns(new Uint16Array(new Uint8Array(decodeBase64(data.classRuns)).buffer));
    this.words = new Uint32Array(new Uint8Array(decodeBase64(data.words)).buffer);
    this.cueWords = (data.cueWords ?? []).map(wordsPattern);
  }

  /**
   * Whether `text[from, to)` may hold a known name (false: it certainly holds none). `from` and
   * `to` must be word boundaries (`wordEnd`), so that a long text can be read a window at a time.
   */
  mayName(text: string, from = 0, to = text.length): boolean {
    if (this.data.always) return true;
    if (this.cueWords.length > 0) {
      // A cue's words may straddle the window's start: look a little before it.
      const window = from === 0 && to === text.length ? text : text.slice(Math.max(0, from - CUE_OVERLAP), to);
      if (anyWordsOccur(this.cueWords, window)) return true;
    }
    const classOf = this.classOf;
    const parts = this.parts;
    const starts = this.partStarts;
    // Inside a word, the hashes of its parts from each possible start: the word's start and
    // every apostrophe ("l'Iran"; the apostrophe is skipped too: "O'Brien" = "OBrien").
    let inWord = false;
    let open = 0;
    for (let i = from; i < to; i++) {
      const cls = classOf[text.charCodeAt(i)]!;
      if (cls === CLASS_JOIN) continue;
      if (cls === CLASS_APOS) {
        if (!inWord) continue;
        if (this.anyKnown(text, open, i)) return true;
        if (open === MAX_PARTS) return true;
        starts[open] = i + 1;
        parts[open++] = FNV_OFFSET;
      } else if (cls >= CLASS_WORD_OTHER) {
        if (!inWord) {
          inWord = true;
          starts[0] = i;
          parts[0] = FNV_OFFSET;
          open = 1;
        }
        // A letter no key has: no part open so far can be one.
        if (cls === CLASS_WORD_OTHER) open = 0;
        for (let k = 0; k < open; k++) parts[k] = Math.imul(parts[k]! ^ cls, FNV_PRIME);
      } else if (inWord) {
        if (this.anyKnown(text, open, i)) return true;
        inWord = false;
        open = 0;
      }
    }
    return inWord && this.anyKnown(text, open, to);
  }

  /** The first index at or after `i` of a separator or mark of punctuation (no word goes on across it), or the text's end. */
  wordEnd(text: string, i: number): number {
    for (; i < text.length; i++) {
      const cls = this.classOf[text.charCodeAt(i)]!;
      if (cls === CLASS_SEP || cls === CLASS_BREAK) return i;
    }
    return i;
  }

  /** Whether a part of the word ending at `end` is a key. */
  private anyKnown(text: string, open: number, end: number): boolean {
    for (let k = 0; k < open; k++) {
      const hash = this.parts[k]!;
      if (this.has(hash >>> 0)) return true;
      if (this.has((hash ^ CAPITALS_ONLY) >>> 0) && writtenInCapitals(text, this.partStarts[k]!, end)) return true;
    }
    return false;
  }

  private has(hash: number): boolean {
    const words = this.words;
    let lo = 0;
    let hi = words.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const w = words[mid]!;
      if (w === hash) return true;
      if (w < hash) lo = mid + 1;
      else hi = mid;
    }
    return false;
  }
}
