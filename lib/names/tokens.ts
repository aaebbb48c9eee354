/**
 * Words of a paragraph with their offsets and what they look like (capitalised, an acronym, an
 * initial, Arabic script), and the separator before each: all that finding names needs to know
 * about the text. DOM-free.
 */
import { memo } from './union-find';

export interface Token {
  /** The word as written, a trailing possessive included ("Iran’s"). */
  text: string;
  /** UTF-16 offsets into the paragraph, end exclusive. */
  start: number;
  end: number;
  /** What stands between the previous token and this one (spaces, punctuation). */
  before: string;
}

// A word: letters, marks and digits, joined by apostrophes, hyphens and a stop between capitals
// ("U.S."), or an initial with its stop ("W.").
const WORD =
  /(?:\p{Lu}\.){2,}|\p{Lu}\.(?=\s)|[\p{L}\p{M}\p{N}]+(?:(?:['’‘ʼ`]|[-‐‑](?=[\p{L}\p{N}])|\u200c)[\p{L}\p{M}\p{N}]+)*(?:['’]s?(?![\p{L}]))?/gu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    tokens.push({ text: m[0], start: m.index, end: m.index + m[0].length, before: text.slice(last, m.index) });
    last = m.index + m[0].length;
  }
  return tokens;
}

const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/u;

export function isArabicScript(word: string): boolean {
  return ARABIC_SCRIPT.test(word);
}

/** The word without a trailing possessive: "Iran’s" → "Iran", "ISIS’" → "ISIS". */
export function withoutPossessive(word: string): string {
  return word.replace(/['’](?:s)?$/u, '');
}

export function hasPossessive(word: string): boolean {
  return /['’]s?$/u.test(word);
}

/** "ISIS", "U.S.", "IRGC-QF", "COVID-19": two or more capitals and no lower-case letter. */
export function isAcronym(word: string): boolean {
  const w = withoutPossessive(word);
  const letters = w.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && /\p{Lu}/u.test(letters) && !isArabicScript(w);
}

/** "W." in "George W. Bush". */
export function isInitial(word: string): boolean {
  return /^\p{Lu}\.$/u.test(word);
}

/** Starts with a capital (or is an acronym); "al-Kadhimi" counts through the capital after its article. */
export function isCapitalised(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c >= 0x41 && c <= 0x5a) return true;
  if (c >= 0x61 && c <= 0x7a) return (c === 0x61 || c === 0x65 || c === 0x75) && /^(?:al|el|an|ad|as|ar|az|at|ash|ul)[-‐]\p{Lu}/u.test(word);
  return c > 0x7f && /^\p{Lu}/u.test(word);
}

/** "NourNews", "McGurk", "DeSantis": a capital after a lower-case letter shows a name even at a sentence's start. */
export function hasInnerCapital(word: string): boolean {
  return /\p{Ll}\p{Lu}/u.test(word);
}

/** Letters only, lower case, diacritics and apostrophes removed: how word lists are looked up. */
export const plainWord: (word: string) => string = memo((word) =>
  withoutPossessive(word)
    .normalize('NFKD')
    .replace(/[\p{M}'’‘ʼ`]/gu, '')
    .toLowerCase(),
);


/** Whether the separator between two tokens lets a name run on: one space, or an editor's bracket ("Esmail] Gha’ani"). */
export function joins(before: string): boolean {
  return /^[ \u00A0]$|^\][ \u00A0]$|^[ \u00A0]\[$/u.test(before);
}
