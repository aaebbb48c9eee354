/**
 * The matcher's alphabet: normalisation folded into a per-UTF-16-code-unit class table, so the
 * text is never lower-cased, normalised or copied before matching and every offset the matcher
 * reports is an offset into the page's own string.
 *
 * Two layers:
 * - *canonical codes* (build time): what a code unit means once case, compatibility forms
 *   (NFKC), diacritics and Arabic letter variants are folded away. `foldPattern` turns a name
 *   into a sequence of them. Computing them costs a Unicode normalisation per code unit, so it
 *   happens once, lazily, and only in the corpus builder, tests and CLI tools.
 * - *dense classes* (build time → runtime): the automaton's alphabet, numbered from 0. Only the
 *   canonical codes some pattern uses get a class of their own; every other letter shares
 *   WORD_OTHER and every other mark of punctuation shares BREAK. The code-unit → class table is
 *   shipped as runs and expanded at load (`expandClassRuns`, well under a millisecond).
 */

/** Dense classes with a fixed meaning. Pattern classes start at FIRST_PATTERN_CLASS. */
export const CLASS_JOIN = 0; // skipped, part of the word around it: combining marks, harakat, tatweel, ZWNJ/ZWJ/ZWSP, soft hyphen
export const CLASS_APOS = 1; // skipped, but a word boundary: apostrophes, ayn/hamza transliteration marks
export const CLASS_SEP = 2; // whitespace, hyphens and dashes; a run of them counts as one
export const CLASS_BREAK = 3; // any other non-word character no pattern uses (and everything outside the BMP)
export const CLASS_WORD_OTHER = 4; // a letter or digit no pattern uses
export const FIRST_PATTERN_CLASS = 5;

/**
 * The character `extractText` puts between blocks (paragraphs, list items, cells...). It is
 * U+2029 PARAGRAPH SEPARATOR rather than "\n" because a newline inside a text node is ordinary
 * whitespace that must let a name continue ("Mustafa\n  al-Kazemi" in pretty-printed HTML), while
 * a block boundary must end it. The alphabet gives it CLASS_BREAK.
 */
export const BLOCK_BREAK = '\u2029';

/** Canonical codes for the folded meanings that are not a single character. */
export const CANON_JOIN = -1;
export const CANON_APOS = -2;
export const CANON_BREAK = -3;
export const CANON_WORD_OTHER = -4;
/** Every separator folds to a plain space. */
export const CANON_SEP = 0x20;

// Apostrophes and the marks transliterations use for ayn and hamza: "Gha'ani" = "Ghaani".
const APOSTROPHES = "'\u2018\u2019\u201B\u02BC\u02BB\u0060\u00B4\u02BF\u02BE\u2032\uFF07";

// Skipped inside words (besides every \p{M} and \p{Cf} character).
const JOINERS = '\u0640\u00AD\u200B\u200C\u200D\u2060\uFEFF';

// Letters NFD does not decompose but readers treat as variants of a base letter.
const LETTER_FOLDS: Record<string, string> = {
  ı: 'i', // dotless i: "Kadhımı" from a Turkish keyboard
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  ħ: 'h',
  ŧ: 't',
  ς: 'σ',
  // Arabic: alef wasla, taa marbuta, alef maqsura, Persian yeh and kaf, heh variants. (أ إ آ ؤ ئ
  // decompose under NFD into a base letter plus a hamza or madda mark, which is stripped.)
  '\u0671': '\u0627',
  '\u0629': '\u0647',
  '\u0649': '\u064A',
  '\u06CC': '\u064A',
  '\u06A9': '\u0643',
  '\u06C1': '\u0647',
  '\u06D5': '\u0647',
};
// Arabic-Indic and Persian digits read as the same numbers as ASCII ones.
for (let d = 0; d < 10; d++) {
  LETTER_FOLDS[String.fromCharCode(0x0660 + d)] = String(d);
  LETTER_FOLDS[String.fromCharCode(0x06f0 + d)] = String(d);
}

const MARKS = /\p{M}/gu;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const FORMAT_CHAR = /^\p{Cf}$/u;
const SEPARATOR = /^[\s\p{Pd}\u2212]+$/u;

function foldLetters(s: string): string {
  let out = '';
  for (const ch of s) out += LETTER_FOLDS[ch] ?? ch;
  return out;
}

/** The canonical code of one UTF-16 code unit (see the module comment). */
function canonicalOf(unit: number): number {
  const ch = String.fromCharCode(unit);
  if (APOSTROPHES.includes(ch)) return CANON_APOS;
  if (JOINERS.includes(ch) || FORMAT_CHAR.test(ch)) return CANON_JOIN;
  if (unit >= 0xd800 && unit <= 0xdfff) return CANON_BREAK; // outside the BMP: see module comment
  if (ch === BLOCK_BREAK) return CANON_BREAK;
  const compat = ch.normalize('NFKC');
  if (SEPARATOR.test(compat)) return CANON_SEP;
  if (APOSTROPHES.includes(compat)) return CANON_APOS; // fullwidth apostrophe and the like
  const lower = compat.toLowerCase();
  let folded = foldLetters(lower.normalize('NFD').replace(MARKS, ''));
  if (folded.length === 0) return /^\p{M}+$/u.test(lower.normalize('NFD')) ? CANON_JOIN : CANON_BREAK;
  // Hangul and the like decompose into several letters under NFD: keep the composed letter.
  if (folded.length > 1) folded = foldLetters(lower.normalize('NFC'));
  if (folded.length !== 1) {
    // A ligature or fraction folds to several characters; a single class cannot say that.
    return WORD_CHAR.test(String.fromCodePoint(folded.codePointAt(0) ?? 0)) ? CANON_WORD_OTHER : CANON_BREAK;
  }
  const code = folded.charCodeAt(0);
  // Controls and other characters that fold to nothing printable.
  if (code < 0x20) return CANON_BREAK;
  return code;
}

let canonicalTable: Int32Array | undefined;

/** Canonical code per UTF-16 code unit; ~100 ms to compute, so built once and only on demand. */
export function canonicalCodes(): Int32Array {
  if (!canonicalTable) {
    const table = new Int32Array(0x10000);
    for (let unit = 0; unit < 0x10000; unit++) table[unit] = canonicalOf(unit);
    canonicalTable = table;
  }
  return canonicalTable;
}

/** Whether a canonical code is a letter or digit (matches may not start or end inside a word). */
export function isWordCanonical(code: number): boolean {
  if (code === CANON_WORD_OTHER) return true;
  if (code < 0 || code === CANON_SEP) return false;
  return WORD_CHAR.test(String.fromCharCode(code));
}

/**
 * A name → its sequence of canonical codes: skipped characters dropped, separator runs
 * collapsed to one CANON_SEP, leading and trailing separators trimmed. Two names that fold to
 * the same sequence are the same name to the matcher.
 */
export function foldPattern(text: string): number[] {
  const table = canonicalCodes();
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = table[text.charCodeAt(i)]!;
    if (code === CANON_JOIN || code === CANON_APOS) continue;
    if (code === CANON_SEP && (out.length === 0 || out[out.length - 1] === CANON_SEP)) continue;
    out.push(code);
  }
  if (out[out.length - 1] === CANON_SEP) out.pop();
  return out;
}

/** The fixed dense class of a canonical code no pattern uses. */
export function sharedClassOf(code: number): number {
  switch (code) {
    case CANON_JOIN:
      return CLASS_JOIN;
    case CANON_APOS:
      return CLASS_APOS;
    case CANON_SEP:
      return CLASS_SEP;
    default:
      return isWordCanonical(code) ? CLASS_WORD_OTHER : CLASS_BREAK;
  }
}

/**
 * The code-unit → dense-class table as runs: pairs (first code unit, class), each run lasting
 * until the next one starts. A few thousand runs instead of 64k entries.
 */
export function buildClassRuns(patternClass: ReadonlyMap<number, number>): Uint16Array {
  const table = canonicalCodes();
  const runs: number[] = [];
  let previous = -1;
  for (let unit = 0; unit < 0x10000; unit++) {
    const code = table[unit]!;
    const cls = patternClass.get(code) ?? sharedClassOf(code);
    if (cls !== previous) {
      runs.push(unit, cls);
      previous = cls;
    }
  }
  return Uint16Array.from(runs);
}

/** Runtime: expand the shipped runs into the 64k lookup table the matcher indexes. */
export function expandClassRuns(runs: Uint16Array): Uint16Array {
  const table = new Uint16Array(0x10000);
  for (let r = 0; r < runs.length; r += 2) {
    const end = r + 2 < runs.length ? runs[r + 2]! : 0x10000;
    table.fill(runs[r + 1]!, runs[r]!, end);
  }
  return table;
}
