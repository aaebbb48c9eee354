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
 */
const WORD = /[\p{L}\p{N}]+/gu;

/** FNV-1a, 32-bit, of one word. */
function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    h ^= word.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Mixes word hashes into a shingle hash (order matters: "a b" ≠ "b a"). */
function combine(h: number, word: number): number {
  h = Math.imul(h ^ word, 0x9e3779b1);
  return (h ^ (h >>> 15)) >>> 0;
}

/** The distinct shingle hashes of one paragraph (none when it has fewer than SHINGLE_WORDS words). */
export function paragraphShingles(paragraph: string, into: Set<number> = new Set()): Set<number> {
  const words: number[] = [];
  for (const m of paragraph.toLowerCase().matchAll(WORD)) words.push(hashWord(m[0]));
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) {
    let h = 0x1b873593;
    for (let j = 0; j < SHINGLE_WORDS; j++) h = combine(h, words[i + j]!);
    into.add(h);
  }
  return into;
}

/**
 * The shingles of a page's text as `extractText` reads it: paragraphs are separated by
 * BLOCK_BREAK (and, for plain text, blank lines).
 */
export function textShingles(text: string, into: Set<number> = new Set()): Set<number> {
  for (const paragraph of text.split(PARAGRAPH_SPLIT)) paragraphShingles(paragraph, into);
  return into;
}

const PARAGRAPH_SPLIT = new RegExp(`${BLOCK_BREAK}|\\n\\s*\\n`, 'u');

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
