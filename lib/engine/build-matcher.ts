/**
 * Builds the Aho-Corasick automaton over every alias of every entity, at build time only (the
 * corpus builder, tests, benchmarks): ~1 s for 50k aliases is fine once, not on every page.
 * The content script only ever loads the result (matcher.ts).
 */
import type { Specificity } from '../kb/types';
import type { MatcherData, MatcherEntity } from './types';
import {
  CANON_SEP,
  CLASS_SEP,
  FIRST_PATTERN_CLASS,
  buildClassRuns,
  foldPattern,
  isWordCanonical,
} from './alphabet';
import { MATCHER_FORMAT, SPECIFICITIES, encodeBase64, packAutomaton, type Automaton } from './packed-automaton';

export interface PatternInput {
  /** Index into the `entities` given alongside. */
  entity: number;
  text: string;
  specificity: Specificity;
  /**
   * Match only where the name's first word has a capital in the text. Names learned from the
   * reader's documents are found written in capitals; written in lower case ("the federal
   * court", "a national coalition") the same words are a description.
   */
  capitalised?: boolean;
}

/** How a pattern's case is checked (`patternCapitals`): any case, all capitals, a capital in its first word. */
export const CASE_ANY = 0;
export const CASE_ALL_CAPITALS = 1;
export const CASE_CAPITALISED = 2;

interface FoldedPattern {
  entity: number;
  specificity: number;
  capitals: number;
  text: string;
  codes: number[];
}

/**
 * A short name written all in capitals is an acronym, and its letters are often an ordinary
 * word in lower case: "IS" / "is", "US" / "us", "UN" / "un". Such a name only matches text
 * written in capitals. Longer acronyms (NATO, ISIS) are left case-blind: outlets write "Nato".
 */
const MAX_ACRONYM_LETTERS = 3;
function isShortAcronym(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  return letters.length >= 1 && letters.length <= MAX_ACRONYM_LETTERS && letters.every((l) => l !== l.toLowerCase());
}

function describe(entities: readonly MatcherEntity[], p: { entity: number; text: string }): string {
  const e = entities[p.entity];
  return `"${p.text}" (entity ${e ? `${e.id} "${e.name}"` : `#${p.entity}`})`;
}

/** Fold every pattern, keep one per folded key, and refuse keys two entities share. */
function foldAll(entities: readonly MatcherEntity[], patterns: readonly PatternInput[]): FoldedPattern[] {
  const byKey = new Map<string, FoldedPattern>();
  for (const p of patterns) {
    if (!Number.isInteger(p.entity) || p.entity < 0 || p.entity >= entities.length) {
      throw new Error(`Pattern ${describe(entities, p)}: entity index out of range (${entities.length} entities)`);
    }
    const specificity = SPECIFICITIES.indexOf(p.specificity);
    if (specificity < 0) throw new Error(`Pattern ${describe(entities, p)}: unknown specificity "${p.specificity}"`);
    const codes = foldPattern(p.text);
    if (codes.length === 0) throw new Error(`Pattern ${describe(entities, p)} has no letters to match`);
    if (codes.some((c) => c < 0)) {
      throw new Error(`Pattern ${describe(entities, p)} contains a character the matcher cannot match (ligature, symbol outside the BMP...)`);
    }
    if (codes.length > 0xffff) throw new Error(`Pattern ${describe(entities, p)} is too long`);
    const key = String.fromCharCode(...codes);
    const seen = byKey.get(key);
    if (!seen) {
      const capitals = isShortAcronym(p.text) ? CASE_ALL_CAPITALS : p.capitalised ? CASE_CAPITALISED : CASE_ANY;
      byKey.set(key, { entity: p.entity, specificity, capitals, text: p.text, codes });
    } else if (seen.entity !== p.entity) {
      throw new Error(
        `Patterns ${describe(entities, seen)} and ${describe(entities, p)} fold to the same name; ` +
          'a name can only mean one entity (mark it contextual on one of them, or drop it)',
      );
    } else {
      seen.specificity = Math.min(seen.specificity, specificity); // unique > common > ambiguous
      // "US" and "Us" both listed: either case matches; the more permissive check wins.
      seen.capitals = Math.min(seen.capitals, isShortAcronym(p.text) ? CASE_ALL_CAPITALS : p.capitalised ? CASE_CAPITALISED : CASE_ANY);
    }
  }
  return [...byKey.values()];
}

/** Dense class per canonical code used by some pattern; separators keep their shared class. */
function assignClasses(patterns: readonly FoldedPattern[]): Map<number, number> {
  const used = new Set<number>();
  for (const p of patterns) for (const c of p.codes) used.add(c);
  used.delete(CANON_SEP);
  const classOf = new Map<number, number>([[CANON_SEP, CLASS_SEP]]);
  let next = FIRST_PATTERN_CLASS;
  for (const code of [...used].sort((a, b) => a - b)) classOf.set(code, next++);
  if (next > 0xffff) throw new Error('Too many distinct characters in the patterns');
  return classOf;
}

function buildAutomaton(patterns: readonly FoldedPattern[]): Automaton {
  const classOf = assignClasses(patterns);
  const classCount = FIRST_PATTERN_CLASS + classOf.size - 1;
  const classIsWord = new Uint8Array(classCount);
  for (const [code, cls] of classOf) classIsWord[cls] = isWordCanonical(code) ? 1 : 0;
  classIsWord[4] = 1; // CLASS_WORD_OTHER

  // The trie. Edges live in one map keyed by state * classCount + class: one Map per state
  // would cost ~100 MB at 50k patterns.
  const goto = new Map<number, number>();
  const edgeFrom: number[] = [];
  const edgeCls: number[] = [];
  const edgeTo: number[] = [];
  const output: number[] = [-1];
  let maxPatternLength = 0;
  patterns.forEach((p, index) => {
    let state = 0;
    for (const code of p.codes) {
      const cls = classOf.get(code)!;
      const key = state * classCount + cls;
      let next = goto.get(key);
      if (next === undefined) {
        next = output.length;
        output.push(-1);
        goto.set(key, next);
        edgeFrom.push(state);
        edgeCls.push(cls);
        edgeTo.push(next);
      }
      state = next;
    }
    output[state] = index;
    maxPatternLength = Math.max(maxPatternLength, p.codes.length);
  });
  const stateCount = output.length;

  // Edges sorted by (state, class): the runtime scans or bisects a state's slice.
  const order = edgeFrom.map((_, i) => i).sort((a, b) => edgeFrom[a]! - edgeFrom[b]! || edgeCls[a]! - edgeCls[b]!);
  const edgeStart = new Uint32Array(stateCount + 1);
  const edgeClass = new Uint16Array(order.length);
  const edgeTarget = new Uint32Array(order.length);
  const rootNext = new Int32Array(classCount);
  order.forEach((e, i) => {
    edgeStart[edgeFrom[e]! + 1]!++;
    edgeClass[i] = edgeCls[e]!;
    edgeTarget[i] = edgeTo[e]!;
    if (edgeFrom[e] === 0) rootNext[edgeCls[e]!] = edgeTo[e]!;
  });
  for (let s = 0; s < stateCount; s++) edgeStart[s + 1]! += edgeStart[s]!;

  // Failure and output links, breadth first so a state's failure target is done before it.
  const fail = new Uint32Array(stateCount);
  const firstOutput = new Int32Array(stateCount).fill(-1);
  const outputLink = new Int32Array(stateCount).fill(-1);
  const queue = new Uint32Array(stateCount);
  let head = 0;
  let tail = 0;
  for (let i = edgeStart[0]!; i < edgeStart[1]!; i++) {
    const child = edgeTarget[i]!;
    queue[tail++] = child;
    if (output[child]! >= 0) firstOutput[child] = child;
  }
  while (head < tail) {
    const state = queue[head++]!;
    for (let i = edgeStart[state]!; i < edgeStart[state + 1]!; i++) {
      const cls = edgeClass[i]!;
      const child = edgeTarget[i]!;
      let f = fail[state]!;
      let target = 0;
      for (;;) {
        const next = goto.get(f * classCount + cls);
        if (next !== undefined) {
          target = next;
          break;
        }
        if (f === 0) break;
        f = fail[f]!;
      }
      fail[child] = target;
      outputLink[child] = firstOutput[target]!;
      firstOutput[child] = output[child]! >= 0 ? child : outputLink[child]!;
      queue[tail++] = child;
    }
  }

  return {
    classCount,
    maxPatternLength,
    classRuns: buildClassRuns(classOf),
    classIsWord,
    rootNext,
    edgeStart,
    edgeClass,
    edgeTarget,
    fail,
    firstOutput,
    output: Int32Array.from(output),
    outputLink,
    patternEntity: Uint32Array.from(patterns, (p) => p.entity),
    patternSpecificity: Uint8Array.from(patterns, (p) => p.specificity),
    patternCapitals: Uint8Array.from(patterns, (p) => p.capitals),
    patternLength: Uint16Array.from(patterns, (p) => p.codes.length),
  };
}

/**
 * Compile entities and their aliases into the matcher the content script loads.
 * Throws, naming both entities, when two entities' aliases fold to the same name; an entity's
 * own duplicates are merged, keeping the most specific specificity.
 */
export function buildMatcher(input: {
  kbVersion: string;
  entities: MatcherEntity[];
  patterns: PatternInput[];
}): MatcherData {
  const patterns = foldAll(input.entities, input.patterns);
  const automaton = buildAutomaton(patterns);
  return {
    format: MATCHER_FORMAT,
    kbVersion: input.kbVersion,
    entities: input.entities.map((e) => ({
      id: e.id,
      name: e.name,
      type: e.type,
      ...(e.blocker ? { blocker: true as const } : {}),
      ...(e.topic ? { topic: true as const } : {}),
    })),
    automaton: encodeBase64(packAutomaton(automaton)),
  };
}
