/**
 * The matcher against a naive reference written from its contract, on real pages: every alias of
 * the knowledge base plus 10,000 made-up names (so the automaton is as dense as at scale), over
 * the raw HTML of the evaluation and article fixtures: English, Arabic and Persian script, names
 * against tags, quotes and punctuation, and the Arabic-script pages with proclitics joined to
 * their words. The automaton skips
 * the rest of a word once no name can start in it; the reference tries every start, so any word
 * the skip wrongly passes over shows up as a missing match. Windows of the texts are compared
 * too, including windows that start inside a word.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CANON_APOS, CANON_JOIN, CANON_SEP, canonicalCodes, foldPattern, isWordCanonical } from '../../lib/engine/alphabet';
import { generatedAliases, loadKb, realAliases } from '../../scripts/bench/corpus-fixtures';
import { seededRandom } from '../../scripts/bench/timing';
import { matcherOf, type Pattern } from './random-names';

const ROOT = join(__dirname, '..', '..');
const PAGE_DIRS = [join(ROOT, 'test', 'pages', 'eval'), join(ROOT, 'test', 'pages', 'articles')];
const PROCLITICS = new Set([0x0648, 0x0641, 0x0628, 0x0643, 0x0644]); // و ف ب ك ل

function isShortAcronym(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  return letters.length >= 1 && letters.length <= 3 && letters.every((l) => l !== l.toLowerCase());
}

/** One pattern per folded name (the first written wins, as in the builder), some capitalised. */
function aliasPatterns(): Pattern[] {
  const patterns: Pattern[] = [];
  const keys = new Set<string>();
  for (const text of [...realAliases(loadKb(ROOT)), ...generatedAliases(10_000)]) {
    const key = foldPattern(text).join(',');
    if (key === '' || keys.has(key)) continue;
    keys.add(key);
    patterns.push({ text, entity: patterns.length, capitalised: patterns.length % 5 === 0 });
  }
  return patterns;
}

interface Folded {
  entity: number;
  capitals: number;
}

/**
 * Every name at every start the contract allows (a word's beginning, or right after one or two
 * Arabic proclitics that begin it), word-bounded at its end and case-checked, then
 * leftmost-longest.
 */
function reference(byKey: Map<string, Folded>, prefixes: Set<string>, text: string, from = 0, to = text.length): [number, number, number][] {
  const table = canonicalCodes();
  const canon = (i: number) => table[text.charCodeAt(i)]!;
  const consumed: { code: number; at: number }[] = [];
  for (let i = from; i < to; i++) {
    const code = canon(i);
    if (code === CANON_JOIN || code === CANON_APOS) continue;
    if (code === CANON_SEP && consumed.at(-1)?.code === CANON_SEP) continue;
    consumed.push({ code, at: i });
  }
  const letterBefore = (i: number) => {
    let before = i - 1;
    while (before >= 0 && canon(before) === CANON_JOIN) before--;
    return before >= 0 && isWordCanonical(canon(before)) ? before : -1;
  };
  const mayStart = (start: number) => {
    if (!isWordCanonical(canon(start))) return true;
    const first = letterBefore(start);
    if (first < 0) return true;
    const unit = text.charCodeAt(start);
    if (unit < 0x0600 || unit > 0x06ff || !PROCLITICS.has(text.charCodeAt(first))) return false;
    const second = letterBefore(first);
    return second < 0 || (PROCLITICS.has(text.charCodeAt(second)) && letterBefore(second) < 0);
  };
  const candidates: [number, number, number][] = [];
  for (let j = 0; j < consumed.length; j++) {
    const start = consumed[j]!.at;
    if (!mayStart(start)) continue;
    let key = '';
    for (let k = j; k < consumed.length; k++) {
      key = key === '' ? String(consumed[k]!.code) : `${key},${consumed[k]!.code}`;
      if (!prefixes.has(key)) break;
      const name = byKey.get(key);
      if (!name) continue;
      let end = consumed[k]!.at + 1;
      while (end < to && canon(end) === CANON_JOIN) end++;
      if (isWordCanonical(consumed[k]!.code) && end < text.length) {
        const next = canon(end);
        if (next === CANON_JOIN || isWordCanonical(next)) continue;
      }
      const written = text.slice(start, end);
      if (name.capitals === 1 && [...written].some((ch) => /[a-z]/.test(ch) || (ch > '\x7f' && ch !== ch.toUpperCase()))) continue;
      if (name.capitals === 2) {
        const firstWord = written.split(/[ \u00a0\n]/)[0]!;
        if (firstWord === firstWord.toLowerCase()) continue;
      }
      candidates.push([start, end, name.entity]);
    }
  }
  candidates.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const chosen: [number, number, number][] = [];
  for (const c of candidates) if (chosen.length === 0 || c[0] >= chosen.at(-1)![1]) chosen.push(c);
  return chosen;
}

describe('the matcher on real pages with 10k aliases', () => {
  it('finds exactly what a naive search from every allowed start finds, whole pages and windows', () => {
    const patterns = aliasPatterns();
    const matcher = matcherOf(patterns);
    const byKey = new Map<string, Folded>();
    const prefixes = new Set<string>();
    for (const p of patterns) {
      const codes = foldPattern(p.text);
      byKey.set(codes.join(','), { entity: p.entity, capitals: isShortAcronym(p.text) ? 1 : p.capitalised ? 2 : 0 });
      for (let n = 1; n <= codes.length; n++) prefixes.add(codes.slice(0, n).join(','));
    }
    const pages = PAGE_DIRS.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.html')).map((f) => join(dir, f)));
    // The Arabic-script pages again with proclitics joined to their words ("و", "ب", "وب",
    // "فل" before every word), where names start one or two letters into a word.
    const texts = pages.map((page) => ({ page, text: readFileSync(page, 'utf8') }));
    for (const { page, text } of [...texts]) {
      if (!/[\u0600-\u06ff]{3}/.test(text)) continue;
      let n = 0;
      const joined = text.replace(/(?<=[\s>])(?=[\u0620-\u064a])/g, () => ['و', 'ب', 'وب', 'فل'][n++ % 4]!);
      texts.push({ page: `${page} with proclitics`, text: joined });
    }
    let found = 0;
    let arabicScript = 0;
    let afterProclitics = 0;
    let windowsInsideWords = 0;
    for (const { page, text } of texts) {
      const mine = (from?: number, to?: number) => matcher.findAll(text, from, to).map((m) => [m.start, m.end, m.entity]);
      const whole = mine();
      expect(whole, page).toEqual(reference(byKey, prefixes, text));
      found += whole.length;
      arabicScript += whole.filter(([start]) => /[\u0600-\u06ff]/.test(text[start!]!)).length;
      afterProclitics += whole.filter(([start]) => /[\u0600-\u06ff]/.test(text[start! - 1] ?? '')).length;
      const random = seededRandom(page.length);
      for (let w = 0; w < 8; w++) {
        const from = Math.floor(random() * text.length);
        const to = from + Math.floor(random() * (text.length - from + 1));
        if (from > 0 && /[\p{L}\p{N}]/u.test(text[from - 1]!) && /[\p{L}\p{N}]/u.test(text[from]!)) windowsInsideWords++;
        expect(mine(from, to), `${page}, window ${from}–${to}`).toEqual(reference(byKey, prefixes, text, from, to));
      }
    }
    // Not vacuous: many names found, Arabic and Persian script among them, windows cut words.
    expect(texts.length).toBeGreaterThan(20);
    expect(found).toBeGreaterThan(500);
    expect(arabicScript).toBeGreaterThan(20);
    expect(afterProclitics).toBeGreaterThan(10);
    expect(windowsInsideWords).toBeGreaterThan(10);
  });
});
