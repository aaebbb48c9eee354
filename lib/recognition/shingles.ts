/**
 * Text fingerprints for recognising a page as one of the corpus's documents: hashed word
 * shingles (runs of SHINGLE_WORDS consecutive words), taken within one paragraph at a time so
 * that site chrome between paragraphs, reordered teasers or a trimmed paragraph only ever cost
 * the shingles of that paragraph. DOM-free: the corpus builder, the content script and the tests
 * run the same code, so a page and a document are cut into shingles identically.
 */
import { BLOCK_BREAK } from '../engine/alphabet';

/**
 * Five words: short enough that a lightly edited sentence keeps most of its shingles (one
 * changed word costs at most five), long enough that two independent articles on the same story
 * share almost none — names like "Prime Minister Mustafa al-Kadhimi" are four words, and set
 * phrases ("the US-Iraq strategic dialogue") rarely run to five identical words with the same
 * neighbours. See test/recognition/fingerprint.test.ts (near-misses).
 */
export const SHINGLE_WORDS = 5;

/**
 * Words as the fingerprint compares them: lower-cased runs of letters and digits. Punctuation,
 * quotation marks and apostrophes of any kind split words the same way on both sides, so curly
 * and straight quotes, dashes and spacing differences between sites do not matter.
 *
 * One charCodeAt loop hashing as it goes (FNV-1a per word), no regex and no copies: it runs in
 * the content script over every chunk the spotter reads (≈4× faster than matchAll with \p{L}).
 * Non-ASCII code units are classified and lower-cased once each, lazily, into the tables below.
 */
const NOT_SEEN = 0;
const WORD_UNIT = 1;
const OTHER_UNIT = 2;
const unitClass = new Uint8Array(0x10000);
const lowerUnit = new Uint16Array(0x10000);
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;

function classify(code: number): number {
  const ch = String.fromCharCode(code);
  // Lone surrogates (characters outside the BMP) count as separators: rare in news text.
  const word = code < 0xd800 || code > 0xdfff ? WORD_CHAR.test(ch) : false;
  unitClass[code] = word ? WORD_UNIT : OTHER_UNIT;
  const lower = ch.toLowerCase();
  lowerUnit[code] = lower.length === 1 ? lower.charCodeAt(0) : code;
  return unitClass[code]!;
}

/** Calls `onWord` with the hash of each word of `text[from, to)`. */
function forEachWordHash(text: string, from: number, to: number, onWord: (hash: number) => void): void {
  let h = 0;
  let inWord = false;
  for (let i = from; i < to; i++) {
    let c = text.charCodeAt(i);
    let word: boolean;
    if (c < 0x80) {
      if (c >= 0x41 && c <= 0x5a) {
        c |= 0x20;
        word = true;
      } else word = (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
    } else {
      const cls = unitClass[c] === NOT_SEEN ? classify(c) : unitClass[c];
      word = cls === WORD_UNIT;
      if (word) c = lowerUnit[c]!;
    }
    if (word) {
      if (!inWord) {
        h = 0x811c9dc5;
        inWord = true;
      }
      h = Math.imul(h ^ c, 0x01000193);
    } else if (inWord) {
      onWord(h >>> 0);
      inWord = false;
    }
  }
  if (inWord) onWord(h >>> 0);
}

/** Mixes word hashes into a shingle hash (order matters: "a b" ≠ "b a"). */
function combine(h: number, word: number): number {
  h = Math.imul(h ^ word, 0x9e3779b1);
  return (h ^ (h >>> 15)) >>> 0;
}

/** Adds the shingles of `text[from, to)`, one paragraph, to `into`. */
function addParagraph(text: string, from: number, to: number, into: Set<number>): void {
  // A ring of the last SHINGLE_WORDS word hashes.
  const ring = new Array<number>(SHINGLE_WORDS).fill(0);
  let count = 0;
  forEachWordHash(text, from, to, (word) => {
    ring[count % SHINGLE_WORDS] = word;
    count++;
    if (count < SHINGLE_WORDS) return;
    let h = 0x1b873593;
    for (let j = count - SHINGLE_WORDS; j < count; j++) h = combine(h, ring[j % SHINGLE_WORDS]!);
    into.add(h);
  });
}

/** The distinct shingle hashes of one paragraph (none when it has fewer than SHINGLE_WORDS words). */
export function paragraphShingles(paragraph: string, into: Set<number> = new Set()): Set<number> {
  addParagraph(paragraph, 0, paragraph.length, into);
  return into;
}

/**
 * The shingles of a page's text as `extractText` reads it: paragraphs are separated by
 * BLOCK_BREAK (and, for plain text, blank lines).
 */
export function textShingles(text: string, into: Set<number> = new Set()): Set<number> {
  let from = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !isParagraphEnd(text, i)) continue;
    if (i > from) addParagraph(text, from, i, into);
    from = i + 1;
  }
  return into;
}

const BREAK_CODE = BLOCK_BREAK.charCodeAt(0);
const NEWLINE = 0x0a;

/** A block break, or the second newline of a blank line (spaces between the two allowed). */
function isParagraphEnd(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === BREAK_CODE) return true;
  if (c !== NEWLINE) return false;
  for (let j = i - 1; j >= 0; j--) {
    const p = text.charCodeAt(j);
    if (p === NEWLINE) return true;
    if (p !== 0x20 && p !== 0x09 && p !== 0x0d) return false;
  }
  return false;
}

/**
 * Consistent sampling: a hash is kept when it is a multiple of `modulus` (a power of two). Page
 * and document are sampled with the same modulus, so containment ratios stay unbiased while a
 * huge page sends a bounded number of hashes.
 */
export function keptBySample(hash: number, modulus: number): boolean {
  return modulus <= 1 || (hash & (modulus - 1)) === 0;
}

/**
 * At most this many hashes travel from a page to the background: a long article has a few
 * thousand shingles, so only huge pages (forums, endless feeds) are sampled.
 */
export const MAX_PAGE_SHINGLES = 20_000;

/** The smallest power-of-two modulus that brings `count` hashes under `max`. */
export function sampleModulus(count: number, max: number): number {
  let modulus = 1;
  while (count / modulus > max && modulus < 1 << 16) modulus *= 2;
  return modulus;
}
