/**
 * The matcher against a brute-force search written from its contract alone (every pattern tried
 * at every position of the folded text, then leftmost-longest), on thousands of random texts
 * and name lists built from the characters that make matching hard: apostrophes and joiners
 * inside words, separator runs, non-word characters inside names, capitals, block breaks,
 * letters no name uses. The automaton takes shortcuts (it skips the rest of a word where no
 * name can start); whatever it skips, it must find exactly what the brute force finds.
 */
import { describe, expect, it } from 'vitest';
import { CANON_APOS, CANON_JOIN, CANON_SEP, canonicalCodes, foldPattern, isWordCanonical } from '../../lib/engine/alphabet';
import { seededRandom } from '../../scripts/bench/timing';
import { makeNames, makeText, matcherOf, type Pattern } from './random-names';

const JOIN_CODES = new Set([CANON_JOIN]);

function isShortAcronym(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  return letters.length >= 1 && letters.length <= 3 && letters.every((l) => l !== l.toLowerCase());
}

/** Every pattern at every position, word-bounded and case-checked, then leftmost-longest. */
function bruteForce(patterns: readonly Pattern[], text: string, from = 0, to = text.length): [number, number, number][] {
  const table = canonicalCodes();
  const canon = (i: number) => table[text.charCodeAt(i)]!;
  const consumed: { code: number; at: number }[] = [];
  for (let i = from; i < to; i++) {
    const code = canon(i);
    if (code === CANON_JOIN || code === CANON_APOS) continue;
    if (code === CANON_SEP && consumed.at(-1)?.code === CANON_SEP) continue;
    consumed.push({ code, at: i });
  }
  // Fold duplicates the way the builder does: one entry per folded name, the laxest case rule.
  const folded = new Map<string, { codes: number[]; entity: number; capitals: number }>();
  for (const p of patterns) {
    const codes = foldPattern(p.text);
    const capitals = isShortAcronym(p.text) ? 1 : p.capitalised ? 2 : 0;
    const key = codes.join(',');
    const seen = folded.get(key);
    if (seen) seen.capitals = Math.min(seen.capitals, capitals);
    else folded.set(key, { codes, entity: p.entity, capitals });
  }
  const candidates: [number, number, number][] = [];
  for (let j = 0; j < consumed.length; j++) {
    for (const { codes, entity, capitals } of folded.values()) {
      if (j + codes.length > consumed.length) continue;
      if (!codes.every((c, t) => consumed[j + t]!.code === c)) continue;
      const start = consumed[j]!.at;
      let end = consumed[j + codes.length - 1]!.at + 1;
      while (end < to && JOIN_CODES.has(canon(end))) end++;
      if (isWordCanonical(codes.at(-1)!) && end < text.length) {
        const next = canon(end);
        if (next === CANON_JOIN || isWordCanonical(next)) continue;
      }
      if (isWordCanonical(codes[0]!)) {
        let before = start - 1;
        while (before >= 0 && canon(before) === CANON_JOIN) before--;
        if (before >= 0 && isWordCanonical(canon(before))) continue;
      }
      const written = text.slice(start, end);
      if (capitals === 1 && [...written].some((ch) => /[a-z]/.test(ch) || (ch > '\x7f' && ch !== ch.toUpperCase()))) continue;
      if (capitals === 2) {
        const firstWord = written.split(/[ \u00a0\n]/)[0]!;
        if (firstWord === firstWord.toLowerCase()) continue;
      }
      candidates.push([start, end, entity]);
    }
  }
  candidates.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const chosen: [number, number, number][] = [];
  for (const c of candidates) if (chosen.length === 0 || c[0] >= chosen.at(-1)![1]) chosen.push(c);
  return chosen;
}

describe('the matcher finds exactly what a brute-force search finds', () => {
  it('on 200 random name lists × 15 texts each, whole texts and windows of them', () => {
    let compared = 0;
    let found = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const patterns = makeNames(seed);
      const matcher = matcherOf(patterns);
      for (let t = 0; t < 15; t++) {
        const text = makeText(patterns, seed * 100 + t);
        const mine = (from?: number, to?: number) => matcher.findAll(text, from, to).map((m) => [m.start, m.end, m.entity]);
        const context = `seed ${seed}/${t}: ${JSON.stringify(text)} / ${JSON.stringify(patterns.map((p) => p.text))}`;
        expect(mine(), context).toEqual(bruteForce(patterns, text));
        const window = seededRandom(seed * 100 + t);
        const from = Math.floor(window() * text.length);
        const to = from + Math.floor(window() * (text.length - from + 1));
        expect(mine(from, to), `${context}, window ${from}–${to}`).toEqual(bruteForce(patterns, text, from, to));
        compared++;
        found += mine().length;
      }
    }
    // The cases are not vacuous: names are found in most texts.
    expect(found).toBeGreaterThan(compared);
  });
});
